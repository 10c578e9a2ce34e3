// SqliteOrganizationRepo, part three: the impact preview's counts (store/organization_repo.h,
// doc/console.md). Read-only aggregate queries over the role-assignment tables, driven by their
// role indexes (organization_user_roles_role, organization_application_roles_role) with NOT
// EXISTS probes on the member's other assignments (primary-key prefix).
#include <algorithm>

#include "store/sqlite/organization_repo.h"
#include "store/sqlite/rows.h"

namespace gatehouse::store::sqlite {
namespace {

using rows::JsonArray;
using rows::ResetOnExit;

// The member rows (kind 0 = user, 1 = application) of RoleScopeImpact, one per (member, scope)
// that would change. ?1 = scope ids (JSON array), ?2 = role id. MATERIALIZED: read twice below.
constexpr std::string_view kRoleScopeImpact = R"sql(
WITH s(id) AS (SELECT DISTINCT value FROM json_each(?1)),
m(kind, org, member, scope) AS MATERIALIZED (
  SELECT 0, our.organization_id, our.user_id, s.id
  FROM organization_roles r
  JOIN organization_user_roles our ON our.organization_role_id = r.id
  CROSS JOIN s
  WHERE r.id = ?2 AND r.type = 'User'
    AND NOT EXISTS (
      SELECT 1 FROM organization_user_roles o2
      JOIN organization_roles r2 ON r2.id = o2.organization_role_id AND r2.type = 'User'
      JOIN organization_role_scopes rs
        ON rs.organization_role_id = o2.organization_role_id AND rs.organization_scope_id = s.id
      WHERE o2.organization_id = our.organization_id AND o2.user_id = our.user_id
        AND o2.organization_role_id <> ?2)
  UNION ALL
  SELECT 1, oar.organization_id, oar.application_id, s.id
  FROM organization_roles r
  JOIN organization_application_roles oar ON oar.organization_role_id = r.id
  CROSS JOIN s
  WHERE r.id = ?2 AND r.type = 'MachineToMachine'
    AND NOT EXISTS (
      SELECT 1 FROM organization_application_roles o2
      JOIN organization_roles r2
        ON r2.id = o2.organization_role_id AND r2.type = 'MachineToMachine'
      JOIN organization_role_scopes rs
        ON rs.organization_role_id = o2.organization_role_id AND rs.organization_scope_id = s.id
      WHERE o2.organization_id = oar.organization_id AND o2.application_id = oar.application_id
        AND o2.organization_role_id <> ?2)
)
SELECT scope, COUNT(DISTINCT CASE WHEN kind = 0 THEN member END),
       COUNT(DISTINCT CASE WHEN kind = 1 THEN member END), COUNT(DISTINCT org)
FROM m GROUP BY scope
UNION ALL
SELECT NULL, COUNT(DISTINCT CASE WHEN kind = 0 THEN member END),
       COUNT(DISTINCT CASE WHEN kind = 1 THEN member END), COUNT(DISTINCT org)
FROM m
)sql";

// The members holding scope ?1 through any role of their kind.
constexpr std::string_view kScopeImpact = R"sql(
WITH m(kind, org, member) AS (
  SELECT 0, our.organization_id, our.user_id
  FROM organization_role_scopes rs
  JOIN organization_roles r ON r.id = rs.organization_role_id AND r.type = 'User'
  JOIN organization_user_roles our ON our.organization_role_id = rs.organization_role_id
  WHERE rs.organization_scope_id = ?1
  UNION ALL
  SELECT 1, oar.organization_id, oar.application_id
  FROM organization_role_scopes rs
  JOIN organization_roles r ON r.id = rs.organization_role_id AND r.type = 'MachineToMachine'
  JOIN organization_application_roles oar ON oar.organization_role_id = rs.organization_role_id
  WHERE rs.organization_scope_id = ?1
)
SELECT COUNT(DISTINCT CASE WHEN kind = 0 THEN member END),
       COUNT(DISTINCT CASE WHEN kind = 1 THEN member END), COUNT(DISTINCT org)
FROM m
)sql";

ImpactCounts CountsAt(Statement& s, int first) {
  return {s.Int(first), s.Int(first + 1), s.Int(first + 2)};
}

bool Any(const ImpactCounts& c) { return c.users + c.applications + c.organizations > 0; }

}  // namespace

Result<TemplateImpact> SqliteOrganizationRepo::RoleScopeImpact(
    const std::string& role_id, const std::vector<std::string>& scope_ids) {
  TemplateImpact out;
  if (scope_ids.empty()) return out;
  auto st = c_.Prepare(kRoleScopeImpact);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  (*st)->Bind(1, JsonArray(scope_ids)).Bind(2, role_id);
  for (;;) {
    auto row = (*st)->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    if ((*st)->IsNull(0)) {
      out.total = CountsAt(**st, 1);
    } else if (auto counts = CountsAt(**st, 1); Any(counts)) {
      out.scopes.push_back({(*st)->Text(0), counts});
    }
  }
  std::sort(out.scopes.begin(), out.scopes.end(),
            [](const auto& a, const auto& b) { return a.scope_id < b.scope_id; });
  return out;
}

Result<TemplateImpact> SqliteOrganizationRepo::ScopeImpact(const std::string& scope_id) {
  auto counts = rows::SelectOne<ImpactCounts>(
      c_, kScopeImpact, [&](Statement& s) { s.Bind(1, scope_id); },
      [](Statement& s) { return CountsAt(s, 0); });
  if (!counts) return Fail(counts.error());
  TemplateImpact out;
  out.total = counts->value_or(ImpactCounts{});
  if (Any(out.total)) out.scopes.push_back({scope_id, out.total});
  return out;
}

}  // namespace gatehouse::store::sqlite
