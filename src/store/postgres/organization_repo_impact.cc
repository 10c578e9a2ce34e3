// PgOrganizationRepo, part three: the impact preview's counts (store/organization_repo.h,
// doc/console.md). The same queries as store/sqlite/organization_repo_impact.cc: driven by the
// role indexes of the assignment tables, NOT EXISTS probes on the member's other assignments.
#include <algorithm>

#include "store/postgres/organization_repo.h"
#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

// $1 = scope ids, $2 = role id. MATERIALIZED: the member rows are aggregated twice.
constexpr const char* kRoleScopeImpact = R"sql(
WITH s(id) AS (SELECT DISTINCT unnest($1::text[])),
m(kind, org, member, scope) AS MATERIALIZED (
  SELECT 0, our.organization_id, our.user_id, s.id
  FROM organization_roles r
  JOIN organization_user_roles our ON our.organization_role_id = r.id
  CROSS JOIN s
  WHERE r.id = $2 AND r.type = 'User'
    AND NOT EXISTS (
      SELECT 1 FROM organization_user_roles o2
      JOIN organization_roles r2 ON r2.id = o2.organization_role_id AND r2.type = 'User'
      JOIN organization_role_scopes rs
        ON rs.organization_role_id = o2.organization_role_id AND rs.organization_scope_id = s.id
      WHERE o2.organization_id = our.organization_id AND o2.user_id = our.user_id
        AND o2.organization_role_id <> $2)
  UNION ALL
  SELECT 1, oar.organization_id, oar.application_id, s.id
  FROM organization_roles r
  JOIN organization_application_roles oar ON oar.organization_role_id = r.id
  CROSS JOIN s
  WHERE r.id = $2 AND r.type = 'MachineToMachine'
    AND NOT EXISTS (
      SELECT 1 FROM organization_application_roles o2
      JOIN organization_roles r2
        ON r2.id = o2.organization_role_id AND r2.type = 'MachineToMachine'
      JOIN organization_role_scopes rs
        ON rs.organization_role_id = o2.organization_role_id AND rs.organization_scope_id = s.id
      WHERE o2.organization_id = oar.organization_id AND o2.application_id = oar.application_id
        AND o2.organization_role_id <> $2)
)
SELECT scope, COUNT(DISTINCT CASE WHEN kind = 0 THEN member END),
       COUNT(DISTINCT CASE WHEN kind = 1 THEN member END), COUNT(DISTINCT org)
FROM m GROUP BY scope
UNION ALL
SELECT NULL, COUNT(DISTINCT CASE WHEN kind = 0 THEN member END),
       COUNT(DISTINCT CASE WHEN kind = 1 THEN member END), COUNT(DISTINCT org)
FROM m
)sql";

constexpr const char* kScopeImpact = R"sql(
WITH m(kind, org, member) AS (
  SELECT 0, our.organization_id, our.user_id
  FROM organization_role_scopes rs
  JOIN organization_roles r ON r.id = rs.organization_role_id AND r.type = 'User'
  JOIN organization_user_roles our ON our.organization_role_id = rs.organization_role_id
  WHERE rs.organization_scope_id = $1
  UNION ALL
  SELECT 1, oar.organization_id, oar.application_id
  FROM organization_role_scopes rs
  JOIN organization_roles r ON r.id = rs.organization_role_id AND r.type = 'MachineToMachine'
  JOIN organization_application_roles oar ON oar.organization_role_id = rs.organization_role_id
  WHERE rs.organization_scope_id = $1
)
SELECT COUNT(DISTINCT CASE WHEN kind = 0 THEN member END),
       COUNT(DISTINCT CASE WHEN kind = 1 THEN member END), COUNT(DISTINCT org)
FROM m
)sql";

ImpactCounts CountsAt(const Rows& r, int row, int first) {
  return {r.Int(row, first), r.Int(row, first + 1), r.Int(row, first + 2)};
}

bool Any(const ImpactCounts& c) { return c.users + c.applications + c.organizations > 0; }

}  // namespace

Result<TemplateImpact> PgOrganizationRepo::RoleScopeImpact(const std::string& role_id,
                                                           const std::vector<std::string>& scope_ids) {
  TemplateImpact out;
  if (scope_ids.empty()) return out;
  auto r = c_.Query(kRoleScopeImpact, Params().AddArray(scope_ids).Add(role_id));
  if (!r) return Fail(r.error());
  for (int i = 0; i < r->size(); ++i) {
    if (r->IsNull(i, 0)) {
      out.total = CountsAt(*r, i, 1);
    } else if (auto counts = CountsAt(*r, i, 1); Any(counts)) {
      out.scopes.push_back({r->Text(i, 0), counts});
    }
  }
  std::sort(out.scopes.begin(), out.scopes.end(),
            [](const auto& a, const auto& b) { return a.scope_id < b.scope_id; });
  return out;
}

Result<TemplateImpact> PgOrganizationRepo::ScopeImpact(const std::string& scope_id) {
  auto r = c_.Query(kScopeImpact, Params().Add(scope_id));
  if (!r) return Fail(r.error());
  TemplateImpact out;
  if (!r->empty()) out.total = CountsAt(*r, 0, 0);
  if (Any(out.total)) out.scopes.push_back({scope_id, out.total});
  return out;
}

}  // namespace gatehouse::store::postgres
