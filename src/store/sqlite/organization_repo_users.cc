// SqliteOrganizationRepo, part two: user members (organization_users) and their organization
// roles (organization_user_roles).
#include <unordered_map>

#include "store/sqlite/organization_repo.h"
#include "store/sqlite/organization_sql.h"

namespace gatehouse::store::sqlite {
namespace {

using namespace org_sql;  // NOLINT: this file's vocabulary

constexpr std::string_view kOrgCols = GH_ORG_COLS;

constexpr std::string_view kUserCols =
    "u.id, u.username, u.primary_email, u.primary_phone, u.name, u.avatar, u.custom_data, "
    "u.password_hash, u.is_suspended, u.last_sign_in_at, u.created_at, u.updated_at";
model::User UserAt(const Statement& s, int i) {
  model::User u;
  u.id = s.Text(i);
  u.username = s.OptText(i + 1);
  u.primary_email = s.OptText(i + 2);
  u.primary_phone = s.OptText(i + 3);
  u.name = s.OptText(i + 4);
  u.avatar = s.OptText(i + 5);
  u.custom_data = JsonColumn(s, i + 6);
  u.password_hash = s.OptText(i + 7);
  u.is_suspended = s.Int(i + 8) != 0;
  u.last_sign_in_at = s.OptInt(i + 9);
  u.created_at = s.Int(i + 10);
  u.updated_at = s.Int(i + 11);
  return u;
}

constexpr std::string_view kRoleCols = GH_ORG_ROLE_COLS;

std::string Sql(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p);
  return out;
}

// `member_id`/role pairs of a two-column-prefixed role query.
Result<std::vector<MemberRoleRow>> MemberRoles(Connection& c, const std::string& sql,
                                               const std::function<void(Statement&)>& bind) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  bind(**st);
  std::vector<MemberRoleRow> out;
  GH_TRY(ForEachRow(**st, [&](Statement& s) { out.push_back({s.Text(0), RoleAt(s, 1)}); }));
  return out;
}

// nullopt when the membership query returned no row; else the non-null role ids.
Result<std::optional<std::vector<std::string>>> RoleIdsOfMember(Connection& c,
                                                                std::string_view sql,
                                                                const std::string& org_id,
                                                                const std::string& member_id) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  (*st)->Bind(1, org_id).Bind(2, member_id);
  bool member = false;
  std::vector<std::string> ids;
  GH_TRY(ForEachRow(**st, [&](Statement& s) {
    member = true;
    if (!s.IsNull(0)) ids.push_back(s.Text(0));
  }));
  if (!member) return std::optional<std::vector<std::string>>{};
  return std::optional<std::vector<std::string>>(std::move(ids));
}

}  // namespace

// ----- user members -----

Result<void> SqliteOrganizationRepo::AddUsers(const std::string& org_id,
                                              const std::vector<std::string>& user_ids,
                                              int64_t at_ms) {
  // OR IGNORE: existing members (and duplicates in the list) are kept as they are; an unknown
  // organization or user still fails (FOREIGN KEY is not subject to conflict resolution).
  auto r = Exec(c_,
                "INSERT OR IGNORE INTO organization_users (organization_id, user_id, created_at) "
                "SELECT ?1, value, ?3 FROM json_each(?2)",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, JsonArray(user_ids)).Bind(3, at_ms); });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationRepo::ReplaceUsers(const std::string& org_id,
                                                  const std::vector<std::string>& user_ids,
                                                  int64_t at_ms) {
  auto r = Exec(c_,
                "DELETE FROM organization_users WHERE organization_id = ? AND "
                "user_id NOT IN (SELECT value FROM json_each(?))",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, JsonArray(user_ids)); });
  if (!r) return Fail(r.error());
  return AddUsers(org_id, user_ids, at_ms);
}

Result<bool> SqliteOrganizationRepo::RemoveUser(const std::string& org_id,
                                                const std::string& user_id) {
  auto r = Exec(c_, "DELETE FROM organization_users WHERE organization_id = ? AND user_id = ?",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, user_id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<std::string>> SqliteOrganizationRepo::UserIds(const std::string& org_id) {
  return Select<std::string>(
      c_, "SELECT user_id FROM organization_users WHERE organization_id = ? ORDER BY user_id",
      [&](Statement& s) { s.Bind(1, org_id); },
      +[](const Statement& s, int i) { return s.Text(i); });
}

Result<bool> SqliteOrganizationRepo::IsMember(const std::string& org_id,
                                              const std::string& user_id) {
  auto n = QueryInt(c_,
                    "SELECT COUNT(*) FROM organization_users WHERE organization_id = ? AND "
                    "user_id = ?",
                    [&](Statement& s) { s.Bind(1, org_id).Bind(2, user_id); });
  if (!n) return Fail(n.error());
  return *n > 0;
}

Result<model::Page<model::User>> SqliteOrganizationRepo::ListUsers(
    const std::string& org_id, const std::optional<std::string>& q,
    const std::optional<std::string>& role_id, const std::optional<model::PageRequest>& page) {
  if (!q) return ListUsersByIndex(org_id, role_id, page);
  auto like = LikePattern(q);
  // A search needs the users' columns for every member, so it joins before paging.
  constexpr std::string_view kFrom =
      " FROM organization_users ou JOIN users u ON u.id = ou.user_id "
      "WHERE ou.organization_id = ?1 "
      "AND (gh_fold(u.id) LIKE ?2 ESCAPE '\\' OR gh_fold(u.primary_email) LIKE ?2 ESCAPE '\\' "
      "  OR gh_fold(u.primary_phone) LIKE ?2 ESCAPE '\\' OR gh_fold(u.username) LIKE ?2 ESCAPE '\\' "
      "  OR gh_fold(u.name) LIKE ?2 ESCAPE '\\') "
      "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM organization_user_roles our "
      "  WHERE our.organization_id = ou.organization_id AND our.user_id = ou.user_id "
      "  AND our.organization_role_id = ?3))";
  auto bind = [&](Statement& s) { s.Bind(1, org_id).Bind(2, like).Bind(3, role_id); };
  auto total = QueryInt(c_, Sql({"SELECT COUNT(*)", kFrom}), bind);
  if (!total) return Fail(total.error());
  auto items = Select<model::User>(
      c_, Sql({"SELECT ", kUserCols, kFrom, " ORDER BY ou.user_id LIMIT ?4 OFFSET ?5"}),
      [&](Statement& s) {
        bind(s);
        s.Bind(4, Limit(page)).Bind(5, Offset(page));
      },
      UserAt);
  if (!items) return Fail(items.error());
  return model::Page<model::User>{std::move(*items), *total};
}

Result<model::Page<model::User>> SqliteOrganizationRepo::ListUsersByIndex(
    const std::string& org_id, const std::optional<std::string>& role_id,
    const std::optional<model::PageRequest>& page) {
  // Without a search, the page of user ids comes from a covering primary-key index (of the
  // memberships, or of the assignments for a role filter) and only those rows join `users`:
  // O(page + offset) index steps, whatever the organization's size.
  const std::string_view ids =
      role_id ? "SELECT user_id FROM organization_user_roles "
                "WHERE organization_id = ?1 AND organization_role_id = ?2"
              : "SELECT user_id FROM organization_users WHERE organization_id = ?1 AND ?2 IS NULL";
  auto bind = [&](Statement& s) { s.Bind(1, org_id).Bind(2, role_id); };
  auto total = QueryInt(c_, Sql({"SELECT COUNT(*) FROM (", ids, ")"}), bind);
  if (!total) return Fail(total.error());
  auto items = Select<model::User>(
      c_,
      Sql({"SELECT ", kUserCols, " FROM (", ids,
           " ORDER BY user_id LIMIT ?3 OFFSET ?4) p JOIN users u ON u.id = p.user_id "
           "ORDER BY p.user_id"}),
      [&](Statement& s) {
        bind(s);
        s.Bind(3, Limit(page)).Bind(4, Offset(page));
      },
      UserAt);
  if (!items) return Fail(items.error());
  return model::Page<model::User>{std::move(*items), *total};
}

// ----- user member roles -----

Result<void> SqliteOrganizationRepo::AddUserRoles(const std::string& org_id,
                                                  const std::string& user_id,
                                                  const std::vector<std::string>& role_ids) {
  return AddUsersRoles(org_id, {user_id}, role_ids);
}

Result<void> SqliteOrganizationRepo::AddUsersRoles(const std::string& org_id,
                                                   const std::vector<std::string>& user_ids,
                                                   const std::vector<std::string>& role_ids) {
  auto r = Exec(c_,
                "INSERT OR IGNORE INTO organization_user_roles "
                "(organization_id, user_id, organization_role_id) "
                "SELECT ?1, u.value, r.value FROM json_each(?2) u, json_each(?3) r",
                [&](Statement& s) {
                  s.Bind(1, org_id).Bind(2, JsonArray(user_ids)).Bind(3, JsonArray(role_ids));
                });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationRepo::ReplaceUserRoles(const std::string& org_id,
                                                      const std::string& user_id,
                                                      const std::vector<std::string>& role_ids) {
  auto r = Exec(c_,
                "DELETE FROM organization_user_roles WHERE organization_id = ? AND user_id = ? "
                "AND organization_role_id NOT IN (SELECT value FROM json_each(?))",
                [&](Statement& s) {
                  s.Bind(1, org_id).Bind(2, user_id).Bind(3, JsonArray(role_ids));
                });
  if (!r) return Fail(r.error());
  return AddUserRoles(org_id, user_id, role_ids);
}

Result<bool> SqliteOrganizationRepo::RemoveUserRole(const std::string& org_id,
                                                    const std::string& user_id,
                                                    const std::string& role_id) {
  auto r = Exec(c_,
                "DELETE FROM organization_user_roles WHERE organization_id = ? AND user_id = ? "
                "AND organization_role_id = ?",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, user_id).Bind(3, role_id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationRepo::UserRoles(
    const std::string& org_id, const std::string& user_id) {
  auto rows = UsersRolesOf(org_id, {user_id});
  if (!rows) return Fail(rows.error());
  std::vector<model::OrganizationRole> out;
  out.reserve(rows->size());
  for (auto& row : *rows) out.push_back(std::move(row.role));
  return out;
}

Result<std::vector<MemberRoleRow>> SqliteOrganizationRepo::UsersRolesOf(
    const std::string& org_id, const std::vector<std::string>& user_ids) {
  return MemberRoles(
      c_,
      Sql({"SELECT our.user_id, ", kRoleCols,
           " FROM organization_user_roles our JOIN organization_roles r "
           "ON r.id = our.organization_role_id WHERE our.organization_id = ? "
           "AND our.user_id IN (SELECT value FROM json_each(?)) ORDER BY our.user_id, r.name"}),
      [&](Statement& s) { s.Bind(1, org_id).Bind(2, JsonArray(user_ids)); });
}

Result<bool> SqliteOrganizationRepo::IsRoleAssigned(const std::string& role_id,
                                                    model::RoleType holders) {
  auto n = QueryInt(c_,
                    holders == model::RoleType::kUser
                        ? "SELECT EXISTS (SELECT 1 FROM organization_user_roles "
                          "WHERE organization_role_id = ?)"
                        : "SELECT EXISTS (SELECT 1 FROM organization_application_roles "
                          "WHERE organization_role_id = ?)",
                    [&](Statement& s) { s.Bind(1, role_id); });
  if (!n) return Fail(n.error());
  return *n != 0;
}

Result<std::optional<std::vector<std::string>>> SqliteOrganizationRepo::UserRoleIds(
    const std::string& org_id, const std::string& user_id) {
  return RoleIdsOfMember(c_,
                         "SELECT our.organization_role_id FROM organization_users ou "
                         "LEFT JOIN organization_user_roles our ON our.organization_id = "
                         "ou.organization_id AND our.user_id = ou.user_id "
                         "WHERE ou.organization_id = ? AND ou.user_id = ?",
                         org_id, user_id);
}

Result<std::vector<model::OrganizationScope>> SqliteOrganizationRepo::UserScopes(
    const std::string& org_id, const std::string& user_id) {
  // Only User-type roles grant a user anything (authz::Evaluate applies the same rule).
  return Select<model::OrganizationScope>(
      c_,
      "SELECT DISTINCT " GH_ORG_SCOPE_COLS
      " FROM organization_user_roles our "
      "JOIN organization_roles r ON r.id = our.organization_role_id AND r.type = 'User' "
      "JOIN organization_role_scopes rs ON rs.organization_role_id = our.organization_role_id "
      "JOIN organization_scopes s ON s.id = rs.organization_scope_id "
      "WHERE our.organization_id = ? AND our.user_id = ? ORDER BY s.name, s.id",
      [&](Statement& s) { s.Bind(1, org_id).Bind(2, user_id); }, ScopeAt);
}

Result<std::vector<model::Organization>> SqliteOrganizationRepo::OrganizationsOfUser(
    const std::string& user_id) {
  return Select<model::Organization>(
      c_,
      Sql({"SELECT ", kOrgCols,
           " FROM organization_users ou JOIN organizations o ON o.id = ou.organization_id "
           "WHERE ou.user_id = ? ORDER BY o.id"}),
      [&](Statement& s) { s.Bind(1, user_id); }, OrgAt);
}

Result<std::vector<OrganizationRoleRow>> SqliteOrganizationRepo::OrganizationRolesOfUser(
    const std::string& user_id) {
  // Through organization_users (indexed by user) so no full scan of the role assignments.
  auto rows = MemberRoles(
      c_,
      Sql({"SELECT ou.organization_id, ", kRoleCols,
           " FROM organization_users ou JOIN organization_user_roles our "
           "ON our.organization_id = ou.organization_id AND our.user_id = ou.user_id "
           "JOIN organization_roles r ON r.id = our.organization_role_id "
           "WHERE ou.user_id = ? ORDER BY ou.organization_id, r.name"}),
      [&](Statement& s) { s.Bind(1, user_id); });
  if (!rows) return Fail(rows.error());
  std::vector<OrganizationRoleRow> out;
  out.reserve(rows->size());
  for (auto& row : *rows) out.push_back({std::move(row.member_id), std::move(row.role)});
  return out;
}

}  // namespace gatehouse::store::sqlite
