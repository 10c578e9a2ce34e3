// Sentences for an impact preview (POST /api/organization-template/impact-preview).

const plural = (n, one, many = `${one}s`) => `${Number(n).toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Who one gained or lost permission concerns: "3 users in 2 organizations, 1 application". */
export function whoText({ users = 0, organizations = 0, applications = 0 }) {
  const parts = [];
  if (users) parts.push(`${plural(users, 'member')} in ${plural(organizations, 'organization')}`);
  if (applications) parts.push(plural(applications, 'application'));
  if (!parts.length) return 'nobody today';
  return parts.join(', ');
}

/** The lines of a preview: [{kind: 'gain'|'loss', scope, text}], gains first, then a summary. */
export function impactLines(preview) {
  if (!preview) return { summary: '', lines: [] };
  const lines = [
    ...(preview.gains ?? []).map((g) => ({ kind: 'gain', scope: g.scope?.name ?? '?', text: whoText(g) })),
    ...(preview.losses ?? []).map((l) => ({ kind: 'loss', scope: l.scope?.name ?? '?', text: whoText(l) })),
  ];
  const touched = [];
  if (preview.affectedUsers) touched.push(plural(preview.affectedUsers, 'member'));
  if (preview.affectedApplications) touched.push(plural(preview.affectedApplications, 'application'));
  const summary = touched.length
    ? `Affects ${touched.join(' and ')} across ${plural(preview.affectedOrganizations ?? 0, 'organization')}.`
    : 'No member or application holds this role today: nobody gains or loses a permission.';
  return { summary, lines };
}
