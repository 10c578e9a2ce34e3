#include "store/sqlite/organization_template_repo.h"

#include "store/sqlite/organization_sql.h"

namespace gatehouse::store::sqlite {
namespace {

using namespace org_sql;  // NOLINT: this file's vocabulary

Result<int64_t> Count(Connection& c, std::string_view sql, const std::optional<std::string>& like) {
  return QueryInt(c, sql, [&](Statement& s) { s.Bind(1, like); });
}

constexpr std::string_view kScopeCols = GH_ORG_SCOPE_COLS;
constexpr std::string_view kRoleCols = GH_ORG_ROLE_COLS;

// Resource scope + its resource's name and indicator.
constexpr std::string_view kResourceScopeCols =
    "sc.id, sc.resource_id, sc.name, sc.description, sc.created_at, res.name, res.indicator";
model::Scope ResourceScopeAt(const Statement& s, int i) {
  return {s.Text(i), s.Text(i + 1), s.Text(i + 2), s.OptText(i + 3), s.Int(i + 4)};
}

}  // namespace

SqliteOrganizationTemplateRepo::SqliteOrganizationTemplateRepo(Connection& c) : c_(c) { RegisterCaseFold(c); }

// ----- organization scopes -----

Result<void> SqliteOrganizationTemplateRepo::InsertScope(const model::OrganizationScope& scope) {
  auto r = Exec(c_,
                "INSERT INTO organization_scopes (id, name, description, created_at) "
                "VALUES (?, ?, ?, ?)",
                [&](Statement& s) {
                  s.Bind(1, scope.id).Bind(2, scope.name).Bind(3, scope.description)
                      .Bind(4, scope.created_at);
                });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationTemplateRepo::UpdateScope(const model::OrganizationScope& scope) {
  auto r = Exec(c_, "UPDATE organization_scopes SET name = ?, description = ? WHERE id = ?",
                [&](Statement& s) {
                  s.Bind(1, scope.name).Bind(2, scope.description).Bind(3, scope.id);
                });
  if (!r) return Fail(r.error());
  if (*r == 0) return Fail(Error::NotFound("Organization scope not found."));
  return Ok();
}

Result<std::optional<model::OrganizationScope>> SqliteOrganizationTemplateRepo::FindScope(
    const std::string& id) {
  auto v = FindScopes({id});
  if (!v) return Fail(v.error());
  if (v->empty()) return std::optional<model::OrganizationScope>{};
  return std::optional<model::OrganizationScope>(std::move(v->front()));
}

Result<model::Page<model::OrganizationScope>> SqliteOrganizationTemplateRepo::ListScopes(
    const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  auto like = LikePattern(q);
  auto total = Count(c_,
                     "SELECT COUNT(*) FROM organization_scopes s "
                     "WHERE (?1 IS NULL OR gh_fold(s.name) LIKE ?1 ESCAPE '\\')",
                     like);
  if (!total) return Fail(total.error());
  auto items = Select<model::OrganizationScope>(
      c_,
      std::string("SELECT ").append(kScopeCols).append(
          " FROM organization_scopes s WHERE (?1 IS NULL OR gh_fold(s.name) LIKE ?1 ESCAPE '\\') "
          "ORDER BY s.name, s.id LIMIT ?2 OFFSET ?3"),
      [&](Statement& s) { s.Bind(1, like).Bind(2, Limit(page)).Bind(3, Offset(page)); }, ScopeAt);
  if (!items) return Fail(items.error());
  return model::Page<model::OrganizationScope>{std::move(*items), *total};
}

Result<bool> SqliteOrganizationTemplateRepo::DeleteScope(const std::string& id) {
  auto r = Exec(c_, "DELETE FROM organization_scopes WHERE id = ?",
                [&](Statement& s) { s.Bind(1, id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<model::OrganizationScope>> SqliteOrganizationTemplateRepo::FindScopes(
    const std::vector<std::string>& ids) {
  return Select<model::OrganizationScope>(
      c_,
      std::string("SELECT ").append(kScopeCols).append(
          " FROM organization_scopes s WHERE s.id IN (SELECT value FROM json_each(?)) "
          "ORDER BY s.name"),
      [&](Statement& s) { s.Bind(1, JsonArray(ids)); }, ScopeAt);
}

// ----- organization roles -----

Result<void> SqliteOrganizationTemplateRepo::InsertRole(const model::OrganizationRole& role) {
  auto r = Exec(c_,
                "INSERT INTO organization_roles (id, name, description, type, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [&](Statement& s) {
                  s.Bind(1, role.id).Bind(2, role.name).Bind(3, role.description)
                      .Bind(4, model::ToString(role.type)).Bind(5, role.created_at);
                });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationTemplateRepo::UpdateRole(const model::OrganizationRole& role) {
  auto r = Exec(c_,
                "UPDATE organization_roles SET name = ?, description = ?, type = ? WHERE id = ?",
                [&](Statement& s) {
                  s.Bind(1, role.name).Bind(2, role.description)
                      .Bind(3, model::ToString(role.type)).Bind(4, role.id);
                });
  if (!r) return Fail(r.error());
  if (*r == 0) return Fail(Error::NotFound("Organization role not found."));
  return Ok();
}

Result<std::optional<model::OrganizationRole>> SqliteOrganizationTemplateRepo::FindRole(
    const std::string& id) {
  auto v = FindRoles({id});
  if (!v) return Fail(v.error());
  if (v->empty()) return std::optional<model::OrganizationRole>{};
  return std::optional<model::OrganizationRole>(std::move(v->front()));
}

Result<model::Page<model::OrganizationRole>> SqliteOrganizationTemplateRepo::ListRoles(
    const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  auto like = LikePattern(q);
  constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR gh_fold(r.id) LIKE ?1 ESCAPE '\\' OR gh_fold(r.name) LIKE ?1 ESCAPE '\\' "
      "OR gh_fold(r.description) LIKE ?1 ESCAPE '\\')";
  auto total = Count(c_, std::string("SELECT COUNT(*) FROM organization_roles r").append(kWhere),
                     like);
  if (!total) return Fail(total.error());
  auto items = Select<model::OrganizationRole>(
      c_,
      std::string("SELECT ").append(kRoleCols).append(" FROM organization_roles r").append(kWhere)
          .append(" ORDER BY r.name, r.id LIMIT ?2 OFFSET ?3"),
      [&](Statement& s) { s.Bind(1, like).Bind(2, Limit(page)).Bind(3, Offset(page)); }, RoleAt);
  if (!items) return Fail(items.error());
  return model::Page<model::OrganizationRole>{std::move(*items), *total};
}

Result<bool> SqliteOrganizationTemplateRepo::DeleteRole(const std::string& id) {
  auto r = Exec(c_, "DELETE FROM organization_roles WHERE id = ?",
                [&](Statement& s) { s.Bind(1, id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationTemplateRepo::FindRoles(
    const std::vector<std::string>& ids) {
  return Select<model::OrganizationRole>(
      c_,
      std::string("SELECT ").append(kRoleCols).append(
          " FROM organization_roles r WHERE r.id IN (SELECT value FROM json_each(?)) "
          "ORDER BY r.name"),
      [&](Statement& s) { s.Bind(1, JsonArray(ids)); }, RoleAt);
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationTemplateRepo::FindRolesByName(
    const std::vector<std::string>& names) {
  return Select<model::OrganizationRole>(
      c_,
      std::string("SELECT ").append(kRoleCols).append(
          " FROM organization_roles r WHERE r.name IN (SELECT value FROM json_each(?)) "
          "ORDER BY r.name"),
      [&](Statement& s) { s.Bind(1, JsonArray(names)); }, RoleAt);
}

// ----- role ↔ organization scope -----

Result<void> SqliteOrganizationTemplateRepo::AddRoleScopes(const std::string& role_id,
                                                           const std::vector<std::string>& ids) {
  // OR IGNORE skips pairs already present; a missing scope or role still fails (FOREIGN KEY
  // constraints are not subject to conflict resolution).
  auto r = Exec(c_,
                "INSERT OR IGNORE INTO organization_role_scopes "
                "(organization_role_id, organization_scope_id) "
                "SELECT ?, value FROM json_each(?)",
                [&](Statement& s) { s.Bind(1, role_id).Bind(2, JsonArray(ids)); });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationTemplateRepo::ReplaceRoleScopes(const std::string& role_id,
                                                               const std::vector<std::string>& ids) {
  auto r = Exec(c_,
                "DELETE FROM organization_role_scopes WHERE organization_role_id = ? AND "
                "organization_scope_id NOT IN (SELECT value FROM json_each(?))",
                [&](Statement& s) { s.Bind(1, role_id).Bind(2, JsonArray(ids)); });
  if (!r) return Fail(r.error());
  return AddRoleScopes(role_id, ids);
}

Result<bool> SqliteOrganizationTemplateRepo::RemoveRoleScope(const std::string& role_id,
                                                             const std::string& scope_id) {
  auto r = Exec(c_,
                "DELETE FROM organization_role_scopes WHERE organization_role_id = ? AND "
                "organization_scope_id = ?",
                [&](Statement& s) { s.Bind(1, role_id).Bind(2, scope_id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<model::OrganizationScope>> SqliteOrganizationTemplateRepo::ListRoleScopes(
    const std::string& role_id) {
  return Select<model::OrganizationScope>(
      c_,
      std::string("SELECT ").append(kScopeCols).append(
          " FROM organization_role_scopes rs JOIN organization_scopes s "
          "ON s.id = rs.organization_scope_id WHERE rs.organization_role_id = ? "
          "ORDER BY s.name, s.id"),
      [&](Statement& s) { s.Bind(1, role_id); }, ScopeAt);
}

// ----- role ↔ resource scope -----

Result<void> SqliteOrganizationTemplateRepo::AddRoleResourceScopes(
    const std::string& role_id, const std::vector<std::string>& ids) {
  auto r = Exec(c_,
                "INSERT OR IGNORE INTO organization_role_resource_scopes "
                "(organization_role_id, scope_id) SELECT ?, value FROM json_each(?)",
                [&](Statement& s) { s.Bind(1, role_id).Bind(2, JsonArray(ids)); });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationTemplateRepo::ReplaceRoleResourceScopes(
    const std::string& role_id, const std::vector<std::string>& ids) {
  auto r = Exec(c_,
                "DELETE FROM organization_role_resource_scopes WHERE organization_role_id = ? "
                "AND scope_id NOT IN (SELECT value FROM json_each(?))",
                [&](Statement& s) { s.Bind(1, role_id).Bind(2, JsonArray(ids)); });
  if (!r) return Fail(r.error());
  return AddRoleResourceScopes(role_id, ids);
}

Result<bool> SqliteOrganizationTemplateRepo::RemoveRoleResourceScope(const std::string& role_id,
                                                                     const std::string& scope_id) {
  auto r = Exec(c_,
                "DELETE FROM organization_role_resource_scopes WHERE organization_role_id = ? "
                "AND scope_id = ?",
                [&](Statement& s) { s.Bind(1, role_id).Bind(2, scope_id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<model::Scope>> SqliteOrganizationTemplateRepo::ListRoleResourceScopes(
    const std::string& role_id) {
  return Select<model::Scope>(
      c_,
      std::string("SELECT ").append(kResourceScopeCols).append(
          " FROM organization_role_resource_scopes rrs JOIN scopes sc ON sc.id = rrs.scope_id "
          "JOIN resources res ON res.id = sc.resource_id WHERE rrs.organization_role_id = ? "
          "ORDER BY res.name, sc.name, sc.id"),
      [&](Statement& s) { s.Bind(1, role_id); }, ResourceScopeAt);
}

// ----- batch reads for listings and the authorization snapshot -----

namespace {

using namespace org_sql;  // NOLINT

Result<std::vector<RoleScopeRow>> RoleScopes(Connection& c, const std::optional<std::string>& ids) {
  auto st = c.Prepare(std::string("SELECT rs.organization_role_id, ").append(kScopeCols).append(
      " FROM organization_role_scopes rs JOIN organization_scopes s "
      "ON s.id = rs.organization_scope_id "
      "WHERE ?1 IS NULL OR rs.organization_role_id IN (SELECT value FROM json_each(?1)) "
      "ORDER BY rs.organization_role_id, s.name, s.id"));
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  (*st)->Bind(1, ids);
  std::vector<RoleScopeRow> out;
  GH_TRY(ForEachRow(**st, [&](Statement& s) { out.push_back({s.Text(0), ScopeAt(s, 1)}); }));
  return out;
}

Result<std::vector<RoleResourceScopeRow>> RoleResourceScopes(Connection& c,
                                                             const std::optional<std::string>& ids) {
  auto st = c.Prepare(std::string("SELECT rrs.organization_role_id, ").append(kResourceScopeCols)
      .append(" FROM organization_role_resource_scopes rrs JOIN scopes sc ON sc.id = rrs.scope_id "
              "JOIN resources res ON res.id = sc.resource_id "
              "WHERE ?1 IS NULL OR rrs.organization_role_id IN (SELECT value FROM json_each(?1)) "
              "ORDER BY rrs.organization_role_id, res.name, sc.name, sc.id"));
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  (*st)->Bind(1, ids);
  std::vector<RoleResourceScopeRow> out;
  GH_TRY(ForEachRow(**st, [&](Statement& s) {
    out.push_back({s.Text(0), ResourceScopeAt(s, 1), s.Text(6), s.Text(7)});
  }));
  return out;
}

}  // namespace

Result<std::vector<RoleScopeRow>> SqliteOrganizationTemplateRepo::RoleScopesOf(
    const std::vector<std::string>& role_ids) {
  return RoleScopes(c_, JsonArray(role_ids));
}

Result<std::vector<RoleResourceScopeRow>> SqliteOrganizationTemplateRepo::RoleResourceScopesOf(
    const std::vector<std::string>& role_ids) {
  return RoleResourceScopes(c_, JsonArray(role_ids));
}

Result<int64_t> SqliteOrganizationTemplateRepo::Version() {
  auto st = c_.Prepare("SELECT version FROM organization_template_version WHERE id = 1");
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  auto row = (*st)->Step();
  if (!row) return Fail(row.error());
  return *row ? (*st)->Int(0) : 0;
}

Result<TemplateRows> SqliteOrganizationTemplateRepo::LoadAll() {
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

}  // namespace gatehouse::store::sqlite
