// The sentence that says why a permission is held or not (explain view).

const names = (roles) => roles.map((r) => r.name);

/** "Human list": a, b and c. */
export function listText(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Why `scope` ({granted, grantedBy, grantableBy}) is or is not held. */
export function explainReason(scope) {
  const by = names(scope.grantedBy ?? []);
  const could = names(scope.grantableBy ?? []);
  if (scope.granted) return `Given by the role${by.length > 1 ? 's' : ''} ${listText(by)}.`;
  if (!could.length) return 'No role of the template grants it.';
  return `None of their roles grants it; the role${could.length > 1 ? 's' : ''} ${listText(could)} would.`;
}
