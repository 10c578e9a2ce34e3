// Small name badges (roles, permissions).

export function Chips({ items, empty = '—', kind = '' }) {
  if (!items?.length) return <span className="muted">{empty}</span>;
  return (
    <span className="chips">
      {items.map((x) => (
        <span key={x.id ?? x.name} className={`chip ${kind}`}>
          {x.name}
        </span>
      ))}
    </span>
  );
}
