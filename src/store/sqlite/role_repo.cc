#include "store/sqlite/role_repo.h"

#include <map>

#include "store/sqlite/application_repo.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/user_repo.h"

namespace gatehouse::store::sqlite {
namespace {

constexpr std::string_view kCols = "r.id, r.name, r.description, r.type, r.created_at";

model::Role RoleAt(Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2),
          model::ParseRoleType(s.Text(3)).value_or(model::RoleType::kUser), s.Int(4)};
}

std::string Sql(std::string_view head, std::string_view cols, std::string_view tail) {
  return std::string(head).append(cols).append(tail);
}

// Inserts (role_id, id) for every id of `ids` into `table`, ignoring pairs that exist.
Result<void> AddPairs(Connection& c, std::string_view sql, const std::string& role_id,
                      const std::vector<std::string>& ids) {
  auto n =
      rows::Exec(c, sql, [&](Statement& s) { s.Bind(1, role_id).Bind(2, rows::JsonArray(ids)); });
  if (!n) return Fail(n.error());
  return Ok();
}

Result<bool> RemovePair(Connection& c, std::string_view sql, const std::string& role_id,
                        const std::string& id) {
  auto n = rows::Exec(c, sql, [&](Statement& s) { s.Bind(1, role_id).Bind(2, id); });
  if (!n) return Fail(n.error());
  return *n > 0;
}

Result<std::vector<std::string>> Strings(Connection& c, std::string_view sql, const std::string& a,
                                         const std::string& b) {
  return rows::Select<std::string>(
      c, sql, [&](Statement& s) { s.Bind(1, a).Bind(2, b); },
      [](Statement& s) { return s.Text(0); });
}

}  // namespace

SqliteRoleRepo::SqliteRoleRepo(Connection& c) : c_(c) { org_sql::RegisterCaseFold(c); }

Result<void> SqliteRoleRepo::Insert(const model::Role& role) {
  auto n = rows::Exec(c_,
                      "INSERT INTO roles (id, name, description, type, created_at) "
                      "VALUES (?, ?, ?, ?, ?)",
                      [&](Statement& s) {
                        s.Bind(1, role.id)
                            .Bind(2, role.name)
                            .Bind(3, role.description)
                            .Bind(4, model::ToString(role.type))
                            .Bind(5, role.created_at);
                      });
  if (!n) return Fail(n.error());
  return Ok();
}

Result<void> SqliteRoleRepo::Update(const model::Role& role) {
  auto n = rows::Exec(c_, "UPDATE roles SET name = ?, description = ?, type = ? WHERE id = ?",
                      [&](Statement& s) {
                        s.Bind(1, role.name)
                            .Bind(2, role.description)
                            .Bind(3, model::ToString(role.type))
                            .Bind(4, role.id);
                      });
  if (!n) return Fail(n.error());
  if (*n == 0) return Fail(Error::NotFound("Role not found."));
  return Ok();
}

Result<std::optional<model::Role>> SqliteRoleRepo::Find(const std::string& id) {
  return rows::SelectOne<model::Role>(
      c_, Sql("SELECT ", kCols, " FROM roles r WHERE r.id = ?"),
      [&](Statement& s) { s.Bind(1, id); }, RoleAt);
}

Result<std::optional<model::Role>> SqliteRoleRepo::FindByName(const std::string& name) {
  return rows::SelectOne<model::Role>(
      c_, Sql("SELECT ", kCols, " FROM roles r WHERE r.name = ?"),
      [&](Statement& s) { s.Bind(1, name); }, RoleAt);
}

Result<model::Page<model::Role>> SqliteRoleRepo::List(
    const std::optional<std::string>& q, const std::optional<model::RoleType>& type,
    const std::optional<model::PageRequest>& page) {
  return Search(RoleFilter{q, type, std::nullopt, std::nullopt}, page);
}

Result<model::Page<model::Role>> SqliteRoleRepo::Search(
    const RoleFilter& f, const std::optional<model::PageRequest>& page) {
  constexpr std::string_view kWhere =
      " FROM roles r WHERE (?1 IS NULL OR gh_fold(r.id) LIKE ?1 ESCAPE '\\' OR gh_fold(r.name) "
      "LIKE ?1 ESCAPE '\\' "
      "OR gh_fold(r.description) LIKE ?1 ESCAPE '\\') AND (?2 IS NULL OR r.type = ?2) "
      "AND (?3 IS NULL OR NOT EXISTS (SELECT 1 FROM users_roles ur "
      "WHERE ur.user_id = ?3 AND ur.role_id = r.id)) "
      "AND (?4 IS NULL OR NOT EXISTS (SELECT 1 FROM applications_roles ar "
      "WHERE ar.application_id = ?4 AND ar.role_id = r.id))";
  auto like = rows::LikePattern(f.q);
  std::optional<std::string> type;
  if (f.type) type = std::string(model::ToString(*f.type));
  auto bind = [&](Statement& s) {
    s.Bind(1, like).Bind(2, type).Bind(3, f.exclude_user_id).Bind(4, f.exclude_application_id);
  };
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kWhere), bind);
  if (!total) return Fail(total.error());
  auto items = rows::Select<model::Role>(
      c_,
      Sql("SELECT ", kCols,
          std::string(kWhere).append(" ORDER BY r.created_at DESC, r.id LIMIT ?5 OFFSET ?6")),
      [&](Statement& s) {
        bind(s);
        s.Bind(5, rows::Limit(page)).Bind(6, rows::Offset(page));
      },
      RoleAt);
  if (!items) return Fail(items.error());
  return model::Page<model::Role>{std::move(*items), *total};
}

Result<bool> SqliteRoleRepo::Delete(const std::string& id) {
  auto n = rows::Exec(c_, "DELETE FROM roles WHERE id = ?", [&](Statement& s) { s.Bind(1, id); });
  if (!n) return Fail(n.error());
  return *n > 0;
}

Result<std::vector<RoleHolders>> SqliteRoleRepo::Holders(const std::vector<std::string>& role_ids,
                                                         int featured_limit) {
  // Per role, four short indexed queries (users_roles_role / applications_roles_role hold rowids
  // in insertion order, so "the earliest holders" is an index range scan with LIMIT).
  std::vector<RoleHolders> out;
  for (const auto& id : role_ids) {
    RoleHolders h{id, 0, {}, 0, {}};
    auto bind = [&](Statement& s) { s.Bind(1, id).Bind(2, featured_limit); };
    auto users_count = rows::SelectInt(c_, "SELECT COUNT(*) FROM users_roles WHERE role_id = ?",
                                       [&](Statement& s) { s.Bind(1, id); });
    if (!users_count) return Fail(users_count.error());
    h.users_count = *users_count;
    auto users = rows::Select<FeaturedUser>(
        c_,
        "SELECT u.id, u.avatar, u.name FROM users_roles ur JOIN users u ON u.id = ur.user_id "
        "WHERE ur.role_id = ? ORDER BY ur.rowid LIMIT ?",
        bind, [](Statement& s) {
          return FeaturedUser{s.Text(0), s.OptText(1), s.OptText(2)};
        });
    if (!users) return Fail(users.error());
    h.featured_users = std::move(*users);
    auto apps_count =
        rows::SelectInt(c_, "SELECT COUNT(*) FROM applications_roles WHERE role_id = ?",
                        [&](Statement& s) { s.Bind(1, id); });
    if (!apps_count) return Fail(apps_count.error());
    h.applications_count = *apps_count;
    auto apps = rows::Select<model::Application>(
        c_,
        Sql("SELECT ", kApplicationColumns,
            " FROM applications_roles ar JOIN applications a ON a.id = ar.application_id "
            "WHERE ar.role_id = ? ORDER BY ar.rowid LIMIT ?"),
        bind, ReadApplication);
    if (!apps) return Fail(apps.error());
    h.featured_applications = std::move(*apps);
    out.push_back(std::move(h));
  }
  return out;
}

// ----- role ↔ scope -----

Result<void> SqliteRoleRepo::AddScopes(const std::string& role_id,
                                       const std::vector<std::string>& ids) {
  return AddPairs(c_,
                  "INSERT OR IGNORE INTO roles_scopes (role_id, scope_id) "
                  "SELECT ?1, value FROM json_each(?2)",
                  role_id, ids);
}

Result<std::vector<model::Scope>> SqliteRoleRepo::ListScopes(const std::string& role_id) {
  return rows::Select<model::Scope>(
      c_,
      "SELECT s.id, s.resource_id, s.name, s.description, s.created_at FROM roles_scopes rs "
      "JOIN scopes s ON s.id = rs.scope_id WHERE rs.role_id = ? ORDER BY s.resource_id, s.name",
      [&](Statement& s) { s.Bind(1, role_id); },
      [](Statement& s) {
        return model::Scope{s.Text(0), s.Text(1), s.Text(2), s.OptText(3), s.Int(4)};
      });
}

Result<model::Page<ScopeWithResource>> SqliteRoleRepo::SearchScopes(
    const std::string& role_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  constexpr std::string_view kFrom =
      " FROM roles_scopes rs JOIN scopes s ON s.id = rs.scope_id "
      "JOIN resources res ON res.id = s.resource_id WHERE rs.role_id = ?1 "
      "AND (?2 IS NULL OR gh_fold(s.name) LIKE ?2 ESCAPE '\\' OR gh_fold(s.description) LIKE ?2 "
      "ESCAPE '\\')";
  auto like = rows::LikePattern(q);
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kFrom),
                               [&](Statement& s) { s.Bind(1, role_id).Bind(2, like); });
  if (!total) return Fail(total.error());
  auto items = rows::Select<ScopeWithResource>(
      c_,
      std::string("SELECT s.id, s.resource_id, s.name, s.description, s.created_at, res.id, "
                  "res.name, res.indicator, res.access_token_ttl, res.is_built_in, res.created_at")
          .append(kFrom)
          .append(" ORDER BY res.created_at, res.id, s.name LIMIT ?3 OFFSET ?4"),
      [&](Statement& s) {
        s.Bind(1, role_id).Bind(2, like).Bind(3, rows::Limit(page)).Bind(4, rows::Offset(page));
      },
      [](Statement& s) {
        return ScopeWithResource{
            {s.Text(0), s.Text(1), s.Text(2), s.OptText(3), s.Int(4)},
            {s.Text(5), s.Text(6), s.Text(7), s.Int(8), s.Int(9) != 0, s.Int(10)}};
      });
  if (!items) return Fail(items.error());
  return model::Page<ScopeWithResource>{std::move(*items), *total};
}

Result<bool> SqliteRoleRepo::RemoveScope(const std::string& role_id, const std::string& scope_id) {
  return RemovePair(c_, "DELETE FROM roles_scopes WHERE role_id = ? AND scope_id = ?", role_id,
                    scope_id);
}

// ----- role ↔ user -----

Result<void> SqliteRoleRepo::AddUsers(const std::string& role_id,
                                      const std::vector<std::string>& ids) {
  return AddPairs(c_,
                  "INSERT OR IGNORE INTO users_roles (role_id, user_id) "
                  "SELECT ?1, value FROM json_each(?2)",
                  role_id, ids);
}

Result<model::Page<model::User>> SqliteRoleRepo::ListUsers(
    const std::string& role_id, const std::optional<model::PageRequest>& page,
    const std::optional<std::string>& q) {
  constexpr std::string_view kFrom =
      " FROM users_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.role_id = ?1 "
      "AND (?2 IS NULL OR gh_fold(u.id) LIKE ?2 ESCAPE '\\' OR gh_fold(u.username) LIKE ?2 ESCAPE "
      "'\\' "
      "OR gh_fold(u.primary_email) LIKE ?2 ESCAPE '\\' OR gh_fold(u.primary_phone) LIKE ?2 ESCAPE "
      "'\\' "
      "OR gh_fold(u.name) LIKE ?2 ESCAPE '\\')";
  auto like = rows::LikePattern(q);
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kFrom),
                               [&](Statement& s) { s.Bind(1, role_id).Bind(2, like); });
  if (!total) return Fail(total.error());
  auto items = rows::Select<model::User>(
      c_,
      Sql("SELECT ", kUserColumns,
          std::string(kFrom).append(" ORDER BY u.created_at DESC, u.id LIMIT ?3 OFFSET ?4")),
      [&](Statement& s) {
        s.Bind(1, role_id).Bind(2, like).Bind(3, rows::Limit(page)).Bind(4, rows::Offset(page));
      },
      ReadUser);
  if (!items) return Fail(items.error());
  return model::Page<model::User>{std::move(*items), *total};
}

Result<std::vector<std::string>> SqliteRoleRepo::UsersHolding(const std::string& role_id,
                                                              const std::vector<std::string>& ids) {
  return Strings(c_,
                 "SELECT user_id FROM users_roles WHERE role_id = ?1 "
                 "AND user_id IN (SELECT value FROM json_each(?2)) ORDER BY user_id",
                 role_id, rows::JsonArray(ids));
}

Result<bool> SqliteRoleRepo::RemoveUser(const std::string& role_id, const std::string& user_id) {
  return RemovePair(c_, "DELETE FROM users_roles WHERE role_id = ? AND user_id = ?", role_id,
                    user_id);
}

// ----- role ↔ application -----

Result<void> SqliteRoleRepo::AddApplications(const std::string& role_id,
                                             const std::vector<std::string>& ids) {
  return AddPairs(c_,
                  "INSERT OR IGNORE INTO applications_roles (role_id, application_id) "
                  "SELECT ?1, value FROM json_each(?2)",
                  role_id, ids);
}

Result<model::Page<model::Application>> SqliteRoleRepo::ListApplications(
    const std::string& role_id, const std::optional<model::PageRequest>& page,
    const std::optional<std::string>& q) {
  constexpr std::string_view kFrom =
      " FROM applications_roles ar JOIN applications a ON a.id = ar.application_id "
      "WHERE ar.role_id = ?1 AND (?2 IS NULL OR gh_fold(a.id) LIKE ?2 ESCAPE '\\' "
      "OR gh_fold(a.name) LIKE ?2 ESCAPE '\\' OR gh_fold(a.description) LIKE ?2 ESCAPE '\\')";
  auto like = rows::LikePattern(q);
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kFrom),
                               [&](Statement& s) { s.Bind(1, role_id).Bind(2, like); });
  if (!total) return Fail(total.error());
  auto items = rows::Select<model::Application>(
      c_,
      Sql("SELECT ", kApplicationColumns,
          std::string(kFrom).append(" ORDER BY a.created_at DESC, a.id LIMIT ?3 OFFSET ?4")),
      [&](Statement& s) {
        s.Bind(1, role_id).Bind(2, like).Bind(3, rows::Limit(page)).Bind(4, rows::Offset(page));
      },
      ReadApplication);
  if (!items) return Fail(items.error());
  return model::Page<model::Application>{std::move(*items), *total};
}

Result<std::vector<std::string>> SqliteRoleRepo::ApplicationsHolding(
    const std::string& role_id, const std::vector<std::string>& ids) {
  return Strings(c_,
                 "SELECT application_id FROM applications_roles WHERE role_id = ?1 "
                 "AND application_id IN (SELECT value FROM json_each(?2)) ORDER BY application_id",
                 role_id, rows::JsonArray(ids));
}

Result<bool> SqliteRoleRepo::RemoveApplication(const std::string& role_id,
                                               const std::string& app_id) {
  return RemovePair(c_, "DELETE FROM applications_roles WHERE role_id = ? AND application_id = ?",
                    role_id, app_id);
}

// ----- the token path -----

Result<std::vector<std::string>> SqliteRoleRepo::ApplicationResourceScopes(
    const std::string& app_id, const std::string& resource_id) {
  // applications_roles PK (application_id, role_id) → roles_scopes PK (role_id, scope_id) →
  // scopes PK (id): three index lookups per row, no scan.
  return Strings(c_,
                 "SELECT DISTINCT s.name FROM applications_roles ar "
                 "JOIN roles_scopes rs ON rs.role_id = ar.role_id "
                 "JOIN scopes s ON s.id = rs.scope_id "
                 "WHERE ar.application_id = ?1 AND s.resource_id = ?2 ORDER BY s.name",
                 app_id, resource_id);
}

Result<std::vector<std::string>> SqliteRoleRepo::UserResourceScopes(
    const std::string& user_id, const std::string& resource_id) {
  return Strings(c_,
                 "SELECT DISTINCT s.name FROM users_roles ur "
                 "JOIN roles_scopes rs ON rs.role_id = ur.role_id "
                 "JOIN scopes s ON s.id = rs.scope_id "
                 "WHERE ur.user_id = ?1 AND s.resource_id = ?2 ORDER BY s.name",
                 user_id, resource_id);
}

}  // namespace gatehouse::store::sqlite
