#include <unordered_map>

#include "store/postgres/organization_repo.h"
#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

model::Organization Org(const Rows& r, int i) { return ReadOrganization(r, i); }
model::User Usr(const Rows& r, int i) { return ReadUser(r, i); }

Result<std::vector<MemberRoleRow>> MemberRoles(Result<Rows> r) {
  return Collect(std::move(r), [](const Rows& rows, int i) {
    return MemberRoleRow{rows.Text(i, 0), ReadOrgRole(rows, i, 1)};
  });
}

}  // namespace

// nullopt when the membership query returned no row; else the non-null role ids.
Result<std::optional<std::vector<std::string>>> RoleIdsOfMember(Result<Rows> r) {
  if (!r) return Fail(r.error());
  if (r->empty()) return std::optional<std::vector<std::string>>{};
  std::vector<std::string> ids;
  for (int i = 0; i < r->size(); ++i)
    if (!r->IsNull(i, 0)) ids.push_back(r->Text(i, 0));
  return std::optional<std::vector<std::string>>(std::move(ids));
}

Result<void> PgOrganizationRepo::Insert(const model::Organization& o) {
  return Done(c_.Query("INSERT INTO organizations (id, name, description, custom_data, is_mfa_required, "
                       "color, branding, custom_css, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                       Params().Add(o.id).Add(o.name).Add(o.description).Add(o.custom_data.dump())
                           .Add(o.is_mfa_required).Add(o.color.dump()).Add(o.branding.dump())
                           .Add(o.custom_css).Add(o.created_at)));
}

Result<void> PgOrganizationRepo::Update(const model::Organization& o) {
  auto r = c_.Query("UPDATE organizations SET name = $1, description = $2, custom_data = $3, "
                    "is_mfa_required = $4, color = $5, branding = $6, custom_css = $7 WHERE id = $8",
                    Params().Add(o.name).Add(o.description).Add(o.custom_data.dump())
                        .Add(o.is_mfa_required).Add(o.color.dump()).Add(o.branding.dump())
                        .Add(o.custom_css).Add(o.id));
  if (!r) return Fail(r.error());
  if (r->Affected() == 0) return Fail(Error::NotFound("Organization not found."));
  return Ok();
}

Result<std::optional<model::Organization>> PgOrganizationRepo::Find(const std::string& id) {
  return First(c_.Query("SELECT " GH_ORGANIZATION_COLUMNS("o.") " FROM organizations o WHERE o.id = $1",
                        Params().Add(id)),
               Org);
}

Result<model::Page<model::Organization>> PgOrganizationRepo::List(const std::optional<std::string>& q,
                                                                  const std::optional<model::PageRequest>& page) {
  const std::string where = "WHERE ($1::text IS NULL OR o.id COLLATE \"und-x-icu\" ILIKE $1 OR o.name COLLATE \"und-x-icu\" ILIKE $1) ";
  Params p;
  p.Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) FROM organizations o " + where, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query("SELECT " GH_ORGANIZATION_COLUMNS("o.") " FROM organizations o " + where +
                                    "ORDER BY o.created_at DESC, o.id LIMIT $2 OFFSET $3",
                                AddPage(p, page)),
                       Org);
  if (!items) return Fail(items.error());
  return model::Page<model::Organization>{std::move(*items), *total};
}

Result<bool> PgOrganizationRepo::Delete(const std::string& id) {
  return Changed(c_.Query("DELETE FROM organizations WHERE id = $1", Params().Add(id)));
}

Result<std::vector<OrganizationUsersSummary>> PgOrganizationRepo::UsersSummaryOf(
    const std::vector<std::string>& org_ids, int featured_limit) {
  std::vector<OrganizationUsersSummary> out;
  std::unordered_map<std::string, size_t> index;
  for (const auto& id : org_ids)
    if (index.emplace(id, out.size()).second) out.push_back({id, 0, {}});
  auto counts = c_.Query("SELECT organization_id, COUNT(*) FROM organization_users "
                         "WHERE organization_id = ANY($1::text[]) GROUP BY organization_id",
                         Params().AddArray(org_ids));
  if (!counts) return Fail(counts.error());
  for (int i = 0; i < counts->size(); ++i) out[index[counts->Text(i, 0)]].users_count = counts->Int(i, 1);
  // The first members of each organization (by joining time), via a window per organization.
  auto featured = c_.Query(
      "SELECT organization_id, id, avatar, name FROM ("
      "  SELECT ou.organization_id, u.id, u.avatar, u.name, ROW_NUMBER() OVER ("
      "    PARTITION BY ou.organization_id ORDER BY ou.created_at, ou.user_id) AS rn"
      "  FROM organization_users ou JOIN users u ON u.id = ou.user_id"
      "  WHERE ou.organization_id = ANY($1::text[])"
      ") f WHERE rn <= $2 ORDER BY organization_id, rn",
      Params().AddArray(org_ids).Add(featured_limit));
  if (!featured) return Fail(featured.error());
  for (int i = 0; i < featured->size(); ++i) {
    out[index[featured->Text(i, 0)]].featured.push_back(
        {featured->Text(i, 1), featured->OptText(i, 2), featured->OptText(i, 3)});
  }
  return out;
}

Result<void> PgOrganizationRepo::AddUsers(const std::string& org_id, const std::vector<std::string>& user_ids,
                                          int64_t at_ms) {
  // DO NOTHING: existing members (and duplicates in the list) are kept as they are; an unknown
  // organization or user still fails (ForeignKey).
  return Done(c_.Query("INSERT INTO organization_users (organization_id, user_id, created_at) "
                       "SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING",
                       Params().Add(org_id).AddArray(user_ids).Add(at_ms)));
}

Result<void> PgOrganizationRepo::ReplaceUsers(const std::string& org_id, const std::vector<std::string>& user_ids,
                                              int64_t at_ms) {
  GH_TRY(Done(c_.Query("DELETE FROM organization_users WHERE organization_id = $1 "
                       "AND NOT (user_id = ANY($2::text[]))",
                       Params().Add(org_id).AddArray(user_ids))));
  return AddUsers(org_id, user_ids, at_ms);
}

Result<bool> PgOrganizationRepo::RemoveUser(const std::string& org_id, const std::string& user_id) {
  return Changed(c_.Query("DELETE FROM organization_users WHERE organization_id = $1 AND user_id = $2",
                          Params().Add(org_id).Add(user_id)));
}

Result<std::vector<std::string>> PgOrganizationRepo::UserIds(const std::string& org_id) {
  return Collect(c_.Query("SELECT user_id FROM organization_users WHERE organization_id = $1 ORDER BY user_id",
                          Params().Add(org_id)),
                 TextAt);
}

Result<bool> PgOrganizationRepo::IsMember(const std::string& org_id, const std::string& user_id) {
  auto r = c_.Query("SELECT 1 FROM organization_users WHERE organization_id = $1 AND user_id = $2",
                    Params().Add(org_id).Add(user_id));
  if (!r) return Fail(r.error());
  return !r->empty();
}

Result<model::Page<model::User>> PgOrganizationRepo::ListUsers(const std::string& org_id,
                                                               const std::optional<std::string>& q,
                                                               const std::optional<std::string>& role_id,
                                                               const std::optional<model::PageRequest>& page) {
  // The (organization_id, user_id) primary key serves both the filter and the order.
  const std::string from =
      "FROM organization_users ou JOIN users u ON u.id = ou.user_id WHERE ou.organization_id = $1 "
      "AND ($2::text IS NULL OR u.id COLLATE \"und-x-icu\" ILIKE $2 OR u.primary_email COLLATE \"und-x-icu\" ILIKE $2 OR u.primary_phone COLLATE \"und-x-icu\" ILIKE $2 "
      "  OR u.username COLLATE \"und-x-icu\" ILIKE $2 OR u.name COLLATE \"und-x-icu\" ILIKE $2) "
      "AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM organization_user_roles our "
      "  WHERE our.organization_id = ou.organization_id AND our.user_id = ou.user_id "
      "  AND our.organization_role_id = $3)) ";
  Params p;
  p.Add(org_id).Add(LikePattern(q)).Add(role_id);
  auto total = Count(c_.Query("SELECT COUNT(*) " + from, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query("SELECT " GH_USER_COLUMNS("u.") " " + from +
                                    "ORDER BY ou.user_id LIMIT $4 OFFSET $5",
                                AddPage(p, page)),
                       Usr);
  if (!items) return Fail(items.error());
  return model::Page<model::User>{std::move(*items), *total};
}

Result<void> PgOrganizationRepo::AddUserRoles(const std::string& org_id, const std::string& user_id,
                                              const std::vector<std::string>& role_ids) {
  return AddUsersRoles(org_id, {user_id}, role_ids);
}

Result<void> PgOrganizationRepo::AddUsersRoles(const std::string& org_id,
                                               const std::vector<std::string>& user_ids,
                                               const std::vector<std::string>& role_ids) {
  return Done(c_.Query("INSERT INTO organization_user_roles (organization_id, user_id, organization_role_id) "
                       "SELECT $1, u, r FROM unnest($2::text[]) u, unnest($3::text[]) r "
                       "ON CONFLICT DO NOTHING",
                       Params().Add(org_id).AddArray(user_ids).AddArray(role_ids)));
}

Result<void> PgOrganizationRepo::ReplaceUserRoles(const std::string& org_id, const std::string& user_id,
                                                  const std::vector<std::string>& role_ids) {
  GH_TRY(Done(c_.Query("DELETE FROM organization_user_roles WHERE organization_id = $1 AND user_id = $2 "
                       "AND NOT (organization_role_id = ANY($3::text[]))",
                       Params().Add(org_id).Add(user_id).AddArray(role_ids))));
  return AddUserRoles(org_id, user_id, role_ids);
}

Result<bool> PgOrganizationRepo::RemoveUserRole(const std::string& org_id, const std::string& user_id,
                                                const std::string& role_id) {
  return Changed(c_.Query("DELETE FROM organization_user_roles WHERE organization_id = $1 AND user_id = $2 "
                          "AND organization_role_id = $3",
                          Params().Add(org_id).Add(user_id).Add(role_id)));
}

Result<std::vector<model::OrganizationRole>> PgOrganizationRepo::UserRoles(const std::string& org_id,
                                                                           const std::string& user_id) {
  auto rows = UsersRolesOf(org_id, {user_id});
  if (!rows) return Fail(rows.error());
  std::vector<model::OrganizationRole> out;
  for (auto& row : *rows) out.push_back(std::move(row.role));
  return out;
}

Result<std::vector<MemberRoleRow>> PgOrganizationRepo::UsersRolesOf(const std::string& org_id,
                                                                    const std::vector<std::string>& user_ids) {
  return MemberRoles(c_.Query("SELECT our.user_id, " GH_ORG_ROLE_COLUMNS("r.")
                              " FROM organization_user_roles our JOIN organization_roles r "
                              "ON r.id = our.organization_role_id WHERE our.organization_id = $1 "
                              "AND our.user_id = ANY($2::text[]) ORDER BY our.user_id, r.name",
                              Params().Add(org_id).AddArray(user_ids)));
}

Result<bool> PgOrganizationRepo::IsRoleAssigned(const std::string& role_id, model::RoleType holders) {
  auto r = c_.Query(holders == model::RoleType::kUser
                        ? "SELECT EXISTS (SELECT 1 FROM organization_user_roles WHERE organization_role_id = $1)"
                        : "SELECT EXISTS (SELECT 1 FROM organization_application_roles "
                          "WHERE organization_role_id = $1)",
                    Params().Add(role_id));
  if (!r) return Fail(r.error());
  return r->Bool(0, 0);
}

Result<std::optional<std::vector<std::string>>> PgOrganizationRepo::UserRoleIds(const std::string& org_id,
                                                                                const std::string& user_id) {
  return RoleIdsOfMember(c_.Query("SELECT our.organization_role_id FROM organization_users ou "
                                  "LEFT JOIN organization_user_roles our ON our.organization_id = "
                                  "ou.organization_id AND our.user_id = ou.user_id "
                                  "WHERE ou.organization_id = $1 AND ou.user_id = $2",
                                  Params().Add(org_id).Add(user_id)));
}

Result<std::vector<model::OrganizationScope>> PgOrganizationRepo::UserScopes(const std::string& org_id,
                                                                             const std::string& user_id) {
  // Only User-type roles grant a user anything (authz::Evaluate applies the same rule).
  return Collect(c_.Query("SELECT DISTINCT " GH_ORG_SCOPE_COLUMNS("s.") " FROM organization_user_roles our "
                          "JOIN organization_roles r ON r.id = our.organization_role_id AND r.type = 'User' "
                          "JOIN organization_role_scopes rs ON rs.organization_role_id = our.organization_role_id "
                          "JOIN organization_scopes s ON s.id = rs.organization_scope_id "
                          "WHERE our.organization_id = $1 AND our.user_id = $2 ORDER BY s.name, s.id",
                          Params().Add(org_id).Add(user_id)),
                 [](const Rows& r, int i) { return ReadOrgScope(r, i); });
}

Result<std::vector<model::Organization>> PgOrganizationRepo::OrganizationsOfUser(const std::string& user_id) {
  return Collect(c_.Query("SELECT " GH_ORGANIZATION_COLUMNS("o.") " FROM organization_users ou "
                          "JOIN organizations o ON o.id = ou.organization_id WHERE ou.user_id = $1 ORDER BY o.id",
                          Params().Add(user_id)),
                 Org);
}

Result<std::vector<OrganizationRoleRow>> PgOrganizationRepo::OrganizationRolesOfUser(const std::string& user_id) {
  auto rows = MemberRoles(c_.Query("SELECT ou.organization_id, " GH_ORG_ROLE_COLUMNS("r.")
                                   " FROM organization_users ou JOIN organization_user_roles our "
                                   "ON our.organization_id = ou.organization_id AND our.user_id = ou.user_id "
                                   "JOIN organization_roles r ON r.id = our.organization_role_id "
                                   "WHERE ou.user_id = $1 ORDER BY ou.organization_id, r.name",
                                   Params().Add(user_id)));
  if (!rows) return Fail(rows.error());
  std::vector<OrganizationRoleRow> out;
  for (auto& row : *rows) out.push_back({std::move(row.member_id), std::move(row.role)});
  return out;
}

}  // namespace gatehouse::store::postgres
