// Checkboxes of template permissions, grouped in a fieldset with a legend for screen readers.

export function ScopeChecklist({ legend, scopes, checked, onChange, total }) {
  const set = new Set(checked);
  const toggle = (id) => onChange(set.has(id) ? checked.filter((x) => x !== id) : [...checked, id]);
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {!scopes.length && <p className="muted">The template has no permissions yet: add them on the Permissions tab.</p>}
      {scopes.map((s) => (
        <label key={s.id} className="check">
          <input type="checkbox" checked={set.has(s.id)} onChange={() => toggle(s.id)} />
          <code>{s.name}</code>
          {s.description && <span className="muted"> — {s.description}</span>}
        </label>
      ))}
      {total > scopes.length && <p className="hint">Showing the first {scopes.length} of {total} permissions.</p>}
    </fieldset>
  );
}
