// Checkboxes of organization roles, each with the permissions it grants.

export function RoleChecklist({ legend, roles, checked, onChange, more }) {
  const set = new Set(checked);
  const toggle = (id) => onChange(set.has(id) ? checked.filter((x) => x !== id) : [...checked, id]);
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {!roles.length && <p className="muted">The organization template has no such roles yet.</p>}
      {roles.map((r) => (
        <label key={r.id} className="check">
          <input type="checkbox" checked={set.has(r.id)} onChange={() => toggle(r.id)} />
          <strong>{r.name}</strong>
          <span className="muted small"> {r.scopes?.length ? r.scopes.map((s) => s.name).join(', ') : 'no permissions'}</span>
        </label>
      ))}
      {more && <p className="hint">Only the first 100 roles are listed.</p>}
    </fieldset>
  );
}
