#include "store/postgres/role_repo.h"

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

constexpr const char* kSelect = "SELECT " GH_ROLE_COLUMNS("r.") " FROM roles r ";
model::Role Rl(const Rows& r, int i) { return ReadRole(r, i); }

Result<std::vector<std::string>> Strings(Connection& c, const char* sql, Params p) {
  return Collect(c.Query(sql, p), TextAt);
}

}  // namespace

Result<void> PgRoleRepo::Insert(const model::Role& role) {
  return Done(c_.Query("INSERT INTO roles (id, name, description, type, created_at) VALUES ($1, $2, $3, $4, $5)",
                       Params().Add(role.id).Add(role.name).Add(role.description)
                           .Add(model::ToString(role.type)).Add(role.created_at)));
}

Result<void> PgRoleRepo::Update(const model::Role& role) {
  auto n = c_.Query("UPDATE roles SET name = $1, description = $2, type = $3 WHERE id = $4",
                    Params().Add(role.name).Add(role.description).Add(model::ToString(role.type)).Add(role.id));
  if (!n) return Fail(n.error());
  if (n->Affected() == 0) return Fail(Error::NotFound("Role not found."));
  return Ok();
}

Result<std::optional<model::Role>> PgRoleRepo::Find(const std::string& id) {
  return First(c_.Query(std::string(kSelect) + "WHERE r.id = $1", Params().Add(id)), Rl);
}

Result<std::optional<model::Role>> PgRoleRepo::FindByName(const std::string& name) {
  return First(c_.Query(std::string(kSelect) + "WHERE r.name = $1", Params().Add(name)), Rl);
}

Result<model::Page<model::Role>> PgRoleRepo::List(const std::optional<std::string>& q,
                                                  const std::optional<model::RoleType>& type,
                                                  const std::optional<model::PageRequest>& page) {
  return Search(RoleFilter{q, type, std::nullopt, std::nullopt}, page);
}

Result<model::Page<model::Role>> PgRoleRepo::Search(const RoleFilter& f,
                                                    const std::optional<model::PageRequest>& page) {
  const std::string where =
      "WHERE ($1::text IS NULL OR r.id COLLATE \"und-x-icu\" ILIKE $1 OR r.name COLLATE \"und-x-icu\" ILIKE $1 OR r.description COLLATE \"und-x-icu\" ILIKE $1) "
      "AND ($2::text IS NULL OR r.type = $2) "
      "AND ($3::text IS NULL OR NOT EXISTS (SELECT 1 FROM users_roles ur "
      "WHERE ur.user_id = $3 AND ur.role_id = r.id)) "
      "AND ($4::text IS NULL OR NOT EXISTS (SELECT 1 FROM applications_roles ar "
      "WHERE ar.application_id = $4 AND ar.role_id = r.id)) ";
  Params p;
  p.Add(LikePattern(f.q));
  if (f.type) p.Add(model::ToString(*f.type)); else p.AddNull();
  p.Add(f.exclude_user_id).Add(f.exclude_application_id);
  auto total = Count(c_.Query("SELECT COUNT(*) FROM roles r " + where, p));
  if (!total) return Fail(total.error());
  auto items = Collect(
      c_.Query(kSelect + where + "ORDER BY r.created_at DESC, r.id LIMIT $5 OFFSET $6", AddPage(p, page)), Rl);
  if (!items) return Fail(items.error());
  return model::Page<model::Role>{std::move(*items), *total};
}

Result<bool> PgRoleRepo::Delete(const std::string& id) {
  return Changed(c_.Query("DELETE FROM roles WHERE id = $1", Params().Add(id)));
}

Result<std::vector<RoleHolders>> PgRoleRepo::Holders(const std::vector<std::string>& role_ids,
                                                     int featured_limit) {
  std::vector<RoleHolders> out;
  for (const auto& id : role_ids) {
    RoleHolders h{id, 0, {}, 0, {}};
    auto users_count = Count(c_.Query("SELECT COUNT(*) FROM users_roles WHERE role_id = $1", Params().Add(id)));
    if (!users_count) return Fail(users_count.error());
    h.users_count = *users_count;
    auto users = Collect(c_.Query("SELECT u.id, u.avatar, u.name FROM users_roles ur "
                                  "JOIN users u ON u.id = ur.user_id WHERE ur.role_id = $1 "
                                  "ORDER BY ur.seq LIMIT $2",
                                  Params().Add(id).Add(featured_limit)),
                         [](const Rows& r, int i) {
                           return FeaturedUser{r.Text(i, 0), r.OptText(i, 1), r.OptText(i, 2)};
                         });
    if (!users) return Fail(users.error());
    h.featured_users = std::move(*users);
    auto apps_count = Count(c_.Query("SELECT COUNT(*) FROM applications_roles WHERE role_id = $1", Params().Add(id)));
    if (!apps_count) return Fail(apps_count.error());
    h.applications_count = *apps_count;
    auto apps = Collect(c_.Query("SELECT " GH_APPLICATION_COLUMNS("a.") " FROM applications_roles ar "
                                 "JOIN applications a ON a.id = ar.application_id WHERE ar.role_id = $1 "
                                 "ORDER BY ar.seq LIMIT $2",
                                 Params().Add(id).Add(featured_limit)),
                        [](const Rows& r, int i) { return ReadApplication(r, i); });
    if (!apps) return Fail(apps.error());
    h.featured_applications = std::move(*apps);
    out.push_back(std::move(h));
  }
  return out;
}

Result<void> PgRoleRepo::AddScopes(const std::string& role_id, const std::vector<std::string>& ids) {
  return Done(c_.Query("INSERT INTO roles_scopes (role_id, scope_id) SELECT $1, unnest($2::text[]) "
                       "ON CONFLICT DO NOTHING",
                       Params().Add(role_id).AddArray(ids)));
}

Result<std::vector<model::Scope>> PgRoleRepo::ListScopes(const std::string& role_id) {
  return Collect(c_.Query("SELECT " GH_SCOPE_COLUMNS("s.") " FROM roles_scopes rs "
                          "JOIN scopes s ON s.id = rs.scope_id WHERE rs.role_id = $1 "
                          "ORDER BY s.resource_id, s.name",
                          Params().Add(role_id)),
                 [](const Rows& r, int i) { return ReadScope(r, i); });
}

Result<model::Page<ScopeWithResource>> PgRoleRepo::SearchScopes(const std::string& role_id,
                                                                const std::optional<std::string>& q,
                                                                const std::optional<model::PageRequest>& page) {
  const std::string from =
      "FROM roles_scopes rs JOIN scopes s ON s.id = rs.scope_id "
      "JOIN resources res ON res.id = s.resource_id WHERE rs.role_id = $1 "
      "AND ($2::text IS NULL OR s.name COLLATE \"und-x-icu\" ILIKE $2 OR s.description COLLATE \"und-x-icu\" ILIKE $2) ";
  Params p;
  p.Add(role_id).Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) " + from, p));
  if (!total) return Fail(total.error());
  auto items = Collect(
      c_.Query("SELECT " GH_SCOPE_COLUMNS("s.") ", " GH_RESOURCE_COLUMNS("res.") " " + from +
                   "ORDER BY res.created_at, res.id, s.name LIMIT $3 OFFSET $4",
               AddPage(p, page)),
      [](const Rows& r, int i) { return ScopeWithResource{ReadScope(r, i), ReadResource(r, i, 5)}; });
  if (!items) return Fail(items.error());
  return model::Page<ScopeWithResource>{std::move(*items), *total};
}

Result<bool> PgRoleRepo::RemoveScope(const std::string& role_id, const std::string& scope_id) {
  return Changed(c_.Query("DELETE FROM roles_scopes WHERE role_id = $1 AND scope_id = $2",
                          Params().Add(role_id).Add(scope_id)));
}

Result<void> PgRoleRepo::AddUsers(const std::string& role_id, const std::vector<std::string>& ids) {
  return Done(c_.Query("INSERT INTO users_roles (role_id, user_id) SELECT $1, unnest($2::text[]) "
                       "ON CONFLICT DO NOTHING",
                       Params().Add(role_id).AddArray(ids)));
}

Result<model::Page<model::User>> PgRoleRepo::ListUsers(const std::string& role_id,
                                                       const std::optional<model::PageRequest>& page,
                                                       const std::optional<std::string>& q) {
  const std::string from =
      "FROM users_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.role_id = $1 "
      "AND ($2::text IS NULL OR u.id COLLATE \"und-x-icu\" ILIKE $2 OR u.username COLLATE \"und-x-icu\" ILIKE $2 OR u.primary_email COLLATE \"und-x-icu\" ILIKE $2 "
      "OR u.primary_phone COLLATE \"und-x-icu\" ILIKE $2 OR u.name COLLATE \"und-x-icu\" ILIKE $2) ";
  Params p;
  p.Add(role_id).Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) " + from, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query("SELECT " GH_USER_COLUMNS("u.") " " + from +
                                    "ORDER BY u.created_at DESC, u.id LIMIT $3 OFFSET $4",
                                AddPage(p, page)),
                       [](const Rows& r, int i) { return ReadUser(r, i); });
  if (!items) return Fail(items.error());
  return model::Page<model::User>{std::move(*items), *total};
}

Result<std::vector<std::string>> PgRoleRepo::UsersHolding(const std::string& role_id,
                                                          const std::vector<std::string>& ids) {
  return Strings(c_, "SELECT user_id FROM users_roles WHERE role_id = $1 AND user_id = ANY($2::text[]) "
                     "ORDER BY user_id",
                 Params().Add(role_id).AddArray(ids));
}

Result<bool> PgRoleRepo::RemoveUser(const std::string& role_id, const std::string& user_id) {
  return Changed(c_.Query("DELETE FROM users_roles WHERE role_id = $1 AND user_id = $2",
                          Params().Add(role_id).Add(user_id)));
}

Result<void> PgRoleRepo::AddApplications(const std::string& role_id, const std::vector<std::string>& ids) {
  return Done(c_.Query("INSERT INTO applications_roles (role_id, application_id) "
                       "SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
                       Params().Add(role_id).AddArray(ids)));
}

Result<model::Page<model::Application>> PgRoleRepo::ListApplications(
    const std::string& role_id, const std::optional<model::PageRequest>& page,
    const std::optional<std::string>& q) {
  const std::string from =
      "FROM applications_roles ar JOIN applications a ON a.id = ar.application_id "
      "WHERE ar.role_id = $1 AND ($2::text IS NULL OR a.id COLLATE \"und-x-icu\" ILIKE $2 OR a.name COLLATE \"und-x-icu\" ILIKE $2 "
      "OR a.description COLLATE \"und-x-icu\" ILIKE $2) ";
  Params p;
  p.Add(role_id).Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) " + from, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query("SELECT " GH_APPLICATION_COLUMNS("a.") " " + from +
                                    "ORDER BY a.created_at DESC, a.id LIMIT $3 OFFSET $4",
                                AddPage(p, page)),
                       [](const Rows& r, int i) { return ReadApplication(r, i); });
  if (!items) return Fail(items.error());
  return model::Page<model::Application>{std::move(*items), *total};
}

Result<std::vector<std::string>> PgRoleRepo::ApplicationsHolding(const std::string& role_id,
                                                                 const std::vector<std::string>& ids) {
  return Strings(c_, "SELECT application_id FROM applications_roles WHERE role_id = $1 "
                     "AND application_id = ANY($2::text[]) ORDER BY application_id",
                 Params().Add(role_id).AddArray(ids));
}

Result<bool> PgRoleRepo::RemoveApplication(const std::string& role_id, const std::string& app_id) {
  return Changed(c_.Query("DELETE FROM applications_roles WHERE role_id = $1 AND application_id = $2",
                          Params().Add(role_id).Add(app_id)));
}

Result<std::vector<std::string>> PgRoleRepo::ApplicationResourceScopes(const std::string& app_id,
                                                                       const std::string& resource_id) {
  return Strings(c_, "SELECT DISTINCT s.name FROM applications_roles ar "
                     "JOIN roles_scopes rs ON rs.role_id = ar.role_id JOIN scopes s ON s.id = rs.scope_id "
                     "WHERE ar.application_id = $1 AND s.resource_id = $2 ORDER BY s.name",
                 Params().Add(app_id).Add(resource_id));
}

Result<std::vector<std::string>> PgRoleRepo::UserResourceScopes(const std::string& user_id,
                                                                const std::string& resource_id) {
  return Strings(c_, "SELECT DISTINCT s.name FROM users_roles ur "
                     "JOIN roles_scopes rs ON rs.role_id = ur.role_id JOIN scopes s ON s.id = rs.scope_id "
                     "WHERE ur.user_id = $1 AND s.resource_id = $2 ORDER BY s.name",
                 Params().Add(user_id).Add(resource_id));
}

}  // namespace gatehouse::store::postgres
