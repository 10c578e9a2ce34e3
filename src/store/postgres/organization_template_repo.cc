#include "store/postgres/organization_template_repo.h"

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

constexpr const char* kScopeSelect = "SELECT " GH_ORG_SCOPE_COLUMNS("s.") " FROM organization_scopes s ";
constexpr const char* kRoleSelect = "SELECT " GH_ORG_ROLE_COLUMNS("r.") " FROM organization_roles r ";
model::OrganizationScope OScope(const Rows& r, int i) { return ReadOrgScope(r, i); }
model::OrganizationRole ORole(const Rows& r, int i) { return ReadOrgRole(r, i); }

// Resource scope + its resource's name and indicator.
#define GH_RESOURCE_SCOPE_COLUMNS GH_SCOPE_COLUMNS("sc.") ", res.name, res.indicator"

// NULL ids: every role (LoadAll).
Result<std::vector<RoleScopeRow>> RoleScopes(Connection& c, const std::optional<std::vector<std::string>>& ids) {
  Params p;
  if (ids) p.AddArray(*ids); else p.AddNull();
  return Collect(c.Query("SELECT rs.organization_role_id, " GH_ORG_SCOPE_COLUMNS("s.")
                         " FROM organization_role_scopes rs JOIN organization_scopes s "
                         "ON s.id = rs.organization_scope_id "
                         "WHERE $1::text[] IS NULL OR rs.organization_role_id = ANY($1::text[]) "
                         "ORDER BY rs.organization_role_id, s.name, s.id",
                         p),
                 [](const Rows& r, int i) { return RoleScopeRow{r.Text(i, 0), ReadOrgScope(r, i, 1)}; });
}

Result<std::vector<RoleResourceScopeRow>> RoleResourceScopes(
    Connection& c, const std::optional<std::vector<std::string>>& ids) {
  Params p;
  if (ids) p.AddArray(*ids); else p.AddNull();
  return Collect(c.Query("SELECT rrs.organization_role_id, " GH_RESOURCE_SCOPE_COLUMNS
                         " FROM organization_role_resource_scopes rrs JOIN scopes sc ON sc.id = rrs.scope_id "
                         "JOIN resources res ON res.id = sc.resource_id "
                         "WHERE $1::text[] IS NULL OR rrs.organization_role_id = ANY($1::text[]) "
                         "ORDER BY rrs.organization_role_id, res.name, sc.name, sc.id",
                         p),
                 [](const Rows& r, int i) {
                   return RoleResourceScopeRow{r.Text(i, 0), ReadScope(r, i, 1), r.Text(i, 6), r.Text(i, 7)};
                 });
}

Result<void> NotFoundIfNone(Result<Rows> r, const char* what) {
  if (!r) return Fail(r.error());
  if (r->Affected() == 0) return Fail(Error::NotFound(what));
  return Ok();
}

}  // namespace

Result<void> PgOrganizationTemplateRepo::InsertScope(const model::OrganizationScope& s) {
  return Done(c_.Query("INSERT INTO organization_scopes (id, name, description, created_at) VALUES ($1, $2, $3, $4)",
                       Params().Add(s.id).Add(s.name).Add(s.description).Add(s.created_at)));
}

Result<void> PgOrganizationTemplateRepo::UpdateScope(const model::OrganizationScope& s) {
  return NotFoundIfNone(c_.Query("UPDATE organization_scopes SET name = $1, description = $2 WHERE id = $3",
                                 Params().Add(s.name).Add(s.description).Add(s.id)),
                        "Organization scope not found.");
}

Result<std::optional<model::OrganizationScope>> PgOrganizationTemplateRepo::FindScope(const std::string& id) {
  return First(c_.Query(std::string(kScopeSelect) + "WHERE s.id = $1", Params().Add(id)), OScope);
}

Result<model::Page<model::OrganizationScope>> PgOrganizationTemplateRepo::ListScopes(
    const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  const std::string where = "WHERE ($1::text IS NULL OR s.name COLLATE \"und-x-icu\" ILIKE $1) ";
  Params p;
  p.Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) FROM organization_scopes s " + where, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query(kScopeSelect + where + "ORDER BY s.name, s.id LIMIT $2 OFFSET $3",
                                AddPage(p, page)),
                       OScope);
  if (!items) return Fail(items.error());
  return model::Page<model::OrganizationScope>{std::move(*items), *total};
}

Result<bool> PgOrganizationTemplateRepo::DeleteScope(const std::string& id) {
  return Changed(c_.Query("DELETE FROM organization_scopes WHERE id = $1", Params().Add(id)));
}

Result<std::vector<model::OrganizationScope>> PgOrganizationTemplateRepo::FindScopes(
    const std::vector<std::string>& ids) {
  return Collect(c_.Query(std::string(kScopeSelect) + "WHERE s.id = ANY($1::text[]) ORDER BY s.name",
                          Params().AddArray(ids)),
                 OScope);
}

Result<void> PgOrganizationTemplateRepo::InsertRole(const model::OrganizationRole& r) {
  return Done(c_.Query("INSERT INTO organization_roles (id, name, description, type, created_at) "
                       "VALUES ($1, $2, $3, $4, $5)",
                       Params().Add(r.id).Add(r.name).Add(r.description).Add(model::ToString(r.type))
                           .Add(r.created_at)));
}

Result<void> PgOrganizationTemplateRepo::UpdateRole(const model::OrganizationRole& r) {
  return NotFoundIfNone(c_.Query("UPDATE organization_roles SET name = $1, description = $2, type = $3 WHERE id = $4",
                                 Params().Add(r.name).Add(r.description).Add(model::ToString(r.type)).Add(r.id)),
                        "Organization role not found.");
}

Result<std::optional<model::OrganizationRole>> PgOrganizationTemplateRepo::FindRole(const std::string& id) {
  return First(c_.Query(std::string(kRoleSelect) + "WHERE r.id = $1", Params().Add(id)), ORole);
}

Result<model::Page<model::OrganizationRole>> PgOrganizationTemplateRepo::ListRoles(
    const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  const std::string where =
      "WHERE ($1::text IS NULL OR r.id COLLATE \"und-x-icu\" ILIKE $1 OR r.name COLLATE \"und-x-icu\" ILIKE $1 OR r.description COLLATE \"und-x-icu\" ILIKE $1) ";
  Params p;
  p.Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) FROM organization_roles r " + where, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query(kRoleSelect + where + "ORDER BY r.name, r.id LIMIT $2 OFFSET $3",
                                AddPage(p, page)),
                       ORole);
  if (!items) return Fail(items.error());
  return model::Page<model::OrganizationRole>{std::move(*items), *total};
}

Result<bool> PgOrganizationTemplateRepo::DeleteRole(const std::string& id) {
  return Changed(c_.Query("DELETE FROM organization_roles WHERE id = $1", Params().Add(id)));
}

Result<std::vector<model::OrganizationRole>> PgOrganizationTemplateRepo::FindRoles(
    const std::vector<std::string>& ids) {
  return Collect(c_.Query(std::string(kRoleSelect) + "WHERE r.id = ANY($1::text[]) ORDER BY r.name",
                          Params().AddArray(ids)),
                 ORole);
}

Result<std::vector<model::OrganizationRole>> PgOrganizationTemplateRepo::FindRolesByName(
    const std::vector<std::string>& names) {
  return Collect(c_.Query(std::string(kRoleSelect) + "WHERE r.name = ANY($1::text[]) ORDER BY r.name",
                          Params().AddArray(names)),
                 ORole);
}

Result<void> PgOrganizationTemplateRepo::AddRoleScopes(const std::string& role_id,
                                                       const std::vector<std::string>& ids) {
  // DO NOTHING skips pairs already present; a missing scope or role still fails (ForeignKey).
  return Done(c_.Query("INSERT INTO organization_role_scopes (organization_role_id, organization_scope_id) "
                       "SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
                       Params().Add(role_id).AddArray(ids)));
}

Result<void> PgOrganizationTemplateRepo::ReplaceRoleScopes(const std::string& role_id,
                                                           const std::vector<std::string>& ids) {
  GH_TRY(Done(c_.Query("DELETE FROM organization_role_scopes WHERE organization_role_id = $1 "
                       "AND NOT (organization_scope_id = ANY($2::text[]))",
                       Params().Add(role_id).AddArray(ids))));
  return AddRoleScopes(role_id, ids);
}

Result<bool> PgOrganizationTemplateRepo::RemoveRoleScope(const std::string& role_id, const std::string& scope_id) {
  return Changed(c_.Query("DELETE FROM organization_role_scopes WHERE organization_role_id = $1 "
                          "AND organization_scope_id = $2",
                          Params().Add(role_id).Add(scope_id)));
}

Result<std::vector<model::OrganizationScope>> PgOrganizationTemplateRepo::ListRoleScopes(
    const std::string& role_id) {
  return Collect(c_.Query("SELECT " GH_ORG_SCOPE_COLUMNS("s.") " FROM organization_role_scopes rs "
                          "JOIN organization_scopes s ON s.id = rs.organization_scope_id "
                          "WHERE rs.organization_role_id = $1 ORDER BY s.name, s.id",
                          Params().Add(role_id)),
                 OScope);
}

Result<void> PgOrganizationTemplateRepo::AddRoleResourceScopes(const std::string& role_id,
                                                               const std::vector<std::string>& ids) {
  return Done(c_.Query("INSERT INTO organization_role_resource_scopes (organization_role_id, scope_id) "
                       "SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
                       Params().Add(role_id).AddArray(ids)));
}

Result<void> PgOrganizationTemplateRepo::ReplaceRoleResourceScopes(const std::string& role_id,
                                                                   const std::vector<std::string>& ids) {
  GH_TRY(Done(c_.Query("DELETE FROM organization_role_resource_scopes WHERE organization_role_id = $1 "
                       "AND NOT (scope_id = ANY($2::text[]))",
                       Params().Add(role_id).AddArray(ids))));
  return AddRoleResourceScopes(role_id, ids);
}

Result<bool> PgOrganizationTemplateRepo::RemoveRoleResourceScope(const std::string& role_id,
                                                                 const std::string& scope_id) {
  return Changed(c_.Query("DELETE FROM organization_role_resource_scopes WHERE organization_role_id = $1 "
                          "AND scope_id = $2",
                          Params().Add(role_id).Add(scope_id)));
}

Result<std::vector<model::Scope>> PgOrganizationTemplateRepo::ListRoleResourceScopes(const std::string& role_id) {
  return Collect(c_.Query("SELECT " GH_RESOURCE_SCOPE_COLUMNS " FROM organization_role_resource_scopes rrs "
                          "JOIN scopes sc ON sc.id = rrs.scope_id JOIN resources res ON res.id = sc.resource_id "
                          "WHERE rrs.organization_role_id = $1 ORDER BY res.name, sc.name, sc.id",
                          Params().Add(role_id)),
                 [](const Rows& r, int i) { return ReadScope(r, i); });
}

Result<std::vector<RoleScopeRow>> PgOrganizationTemplateRepo::RoleScopesOf(const std::vector<std::string>& ids) {
  return RoleScopes(c_, ids);
}

Result<std::vector<RoleResourceScopeRow>> PgOrganizationTemplateRepo::RoleResourceScopesOf(
    const std::vector<std::string>& ids) {
  return RoleResourceScopes(c_, ids);
}

Result<int64_t> PgOrganizationTemplateRepo::Version() {
  auto r = c_.Query("SELECT version FROM organization_template_version WHERE id = 1");
  if (!r) return Fail(r.error());
  return r->empty() ? 0 : r->Int(0, 0);
}

Result<TemplateRows> PgOrganizationTemplateRepo::LoadAll() {
  TemplateRows rows;
  auto version = Version();
  if (!version) return Fail(version.error());
  rows.version = *version;
  auto roles = ListRoles(std::nullopt, std::nullopt);
  if (!roles) return Fail(roles.error());
  rows.roles = std::move(roles->items);
  auto scopes = RoleScopes(c_, std::nullopt);
  if (!scopes) return Fail(scopes.error());
  rows.role_scopes = std::move(*scopes);
  auto resource_scopes = RoleResourceScopes(c_, std::nullopt);
  if (!resource_scopes) return Fail(resource_scopes.error());
  rows.role_resource_scopes = std::move(*resource_scopes);
  return rows;
}

}  // namespace gatehouse::store::postgres
