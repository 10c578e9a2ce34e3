// SqliteOrganizationRepo, part three: M2M applications as organization members and their roles
// (tables organization_applications, organization_application_roles).
#include "store/sqlite/organization_repo.h"
#include "store/sqlite/organization_sql.h"

namespace gatehouse::store::sqlite {
namespace {

using namespace org_sql;  // NOLINT: this file's vocabulary

#define GH_APP_COLS                                                                           \
  "a.id, a.name, a.description, a.type, a.oidc_client_metadata, a.custom_client_metadata, " \
  "a.is_third_party, a.is_built_in, a.created_at"
model::Application AppAt(const Statement& s, int i) {
  model::Application a;
  a.id = s.Text(i);
  a.name = s.Text(i + 1);
  a.description = s.OptText(i + 2);
  a.type = model::ParseApplicationType(s.Text(i + 3)).value_or(model::ApplicationType::kTraditional);
  a.oidc_client_metadata = JsonColumn(s, i + 4, a.oidc_client_metadata);
  a.custom_client_metadata = JsonColumn(s, i + 5);
  a.is_third_party = s.Int(i + 6) != 0;
  a.is_built_in = s.Int(i + 7) != 0;
  a.created_at = s.Int(i + 8);
  return a;
}

}  // namespace

Result<void> SqliteOrganizationRepo::AddApplications(const std::string& org_id,
                                                     const std::vector<std::string>& app_ids,
                                                     int64_t at_ms) {
  auto r = Exec(c_,
                "INSERT OR IGNORE INTO organization_applications "
                "(organization_id, application_id, created_at) "
                "SELECT ?1, value, ?3 FROM json_each(?2)",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, JsonArray(app_ids)).Bind(3, at_ms); });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::vector<std::string>> SqliteOrganizationRepo::NonMachineToMachineApplications(
    const std::vector<std::string>& app_ids) {
  return Select<std::string>(
      c_,
      "SELECT id FROM applications WHERE id IN (SELECT value FROM json_each(?)) "
      "AND type <> 'MachineToMachine' ORDER BY id",
      [&](Statement& s) { s.Bind(1, JsonArray(app_ids)); },
      +[](const Statement& s, int i) { return s.Text(i); });
}

Result<void> SqliteOrganizationRepo::ReplaceApplications(const std::string& org_id,
                                                         const std::vector<std::string>& app_ids,
                                                         int64_t at_ms) {
  auto r = Exec(c_,
                "DELETE FROM organization_applications WHERE organization_id = ? AND "
                "application_id NOT IN (SELECT value FROM json_each(?))",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, JsonArray(app_ids)); });
  if (!r) return Fail(r.error());
  return AddApplications(org_id, app_ids, at_ms);
}

Result<bool> SqliteOrganizationRepo::RemoveApplication(const std::string& org_id,
                                                       const std::string& app_id) {
  auto r = Exec(c_,
                "DELETE FROM organization_applications WHERE organization_id = ? AND "
                "application_id = ?",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, app_id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<std::string>> SqliteOrganizationRepo::ApplicationIds(const std::string& org_id) {
  return Select<std::string>(
      c_,
      "SELECT application_id FROM organization_applications WHERE organization_id = ? "
      "ORDER BY application_id",
      [&](Statement& s) { s.Bind(1, org_id); },
      +[](const Statement& s, int i) { return s.Text(i); });
}

Result<bool> SqliteOrganizationRepo::IsApplicationMember(const std::string& org_id,
                                                         const std::string& app_id) {
  auto n = QueryInt(c_,
                    "SELECT COUNT(*) FROM organization_applications WHERE organization_id = ? "
                    "AND application_id = ?",
                    [&](Statement& s) { s.Bind(1, org_id).Bind(2, app_id); });
  if (!n) return Fail(n.error());
  return *n > 0;
}

Result<model::Page<model::Application>> SqliteOrganizationRepo::ListApplications(
    const std::string& org_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  auto like = LikePattern(q);
  constexpr const char* kFrom =
      " FROM organization_applications oa JOIN applications a ON a.id = oa.application_id "
      "WHERE oa.organization_id = ?1 AND (?2 IS NULL OR gh_fold(a.id) LIKE ?2 ESCAPE '\\' "
      "OR gh_fold(a.name) LIKE ?2 ESCAPE '\\' OR gh_fold(a.description) LIKE ?2 ESCAPE '\\')";
  auto bind = [&](Statement& s) { s.Bind(1, org_id).Bind(2, like); };
  auto total = QueryInt(c_, std::string("SELECT COUNT(*)") + kFrom, bind);
  if (!total) return Fail(total.error());
  auto items = Select<model::Application>(
      c_,
      std::string("SELECT " GH_APP_COLS) + kFrom +
          " ORDER BY oa.application_id LIMIT ?3 OFFSET ?4",
      [&](Statement& s) {
        bind(s);
        s.Bind(3, Limit(page)).Bind(4, Offset(page));
      },
      AppAt);
  if (!items) return Fail(items.error());
  return model::Page<model::Application>{std::move(*items), *total};
}

Result<void> SqliteOrganizationRepo::AddApplicationRoles(const std::string& org_id,
                                                         const std::string& app_id,
                                                         const std::vector<std::string>& role_ids) {
  return AddApplicationsRoles(org_id, {app_id}, role_ids);
}

Result<void> SqliteOrganizationRepo::AddApplicationsRoles(const std::string& org_id,
                                                          const std::vector<std::string>& app_ids,
                                                          const std::vector<std::string>& role_ids) {
  auto r = Exec(c_,
                "INSERT OR IGNORE INTO organization_application_roles "
                "(organization_id, application_id, organization_role_id) "
                "SELECT ?1, a.value, r.value FROM json_each(?2) a, json_each(?3) r",
                [&](Statement& s) {
                  s.Bind(1, org_id).Bind(2, JsonArray(app_ids)).Bind(3, JsonArray(role_ids));
                });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationRepo::ReplaceApplicationRoles(
    const std::string& org_id, const std::string& app_id, const std::vector<std::string>& role_ids) {
  auto r = Exec(c_,
                "DELETE FROM organization_application_roles WHERE organization_id = ? AND "
                "application_id = ? AND organization_role_id NOT IN "
                "(SELECT value FROM json_each(?))",
                [&](Statement& s) {
                  s.Bind(1, org_id).Bind(2, app_id).Bind(3, JsonArray(role_ids));
                });
  if (!r) return Fail(r.error());
  return AddApplicationRoles(org_id, app_id, role_ids);
}

Result<bool> SqliteOrganizationRepo::RemoveApplicationRole(const std::string& org_id,
                                                           const std::string& app_id,
                                                           const std::string& role_id) {
  auto r = Exec(c_,
                "DELETE FROM organization_application_roles WHERE organization_id = ? AND "
                "application_id = ? AND organization_role_id = ?",
                [&](Statement& s) { s.Bind(1, org_id).Bind(2, app_id).Bind(3, role_id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationRepo::ApplicationRoles(
    const std::string& org_id, const std::string& app_id) {
  auto rows = ApplicationsRolesOf(org_id, {app_id});
  if (!rows) return Fail(rows.error());
  std::vector<model::OrganizationRole> out;
  out.reserve(rows->size());
  for (auto& row : *rows) out.push_back(std::move(row.role));
  return out;
}

Result<std::vector<MemberRoleRow>> SqliteOrganizationRepo::ApplicationsRolesOf(
    const std::string& org_id, const std::vector<std::string>& app_ids) {
  auto st = c_.Prepare(
      "SELECT oar.application_id, " GH_ORG_ROLE_COLS
      " FROM organization_application_roles oar JOIN organization_roles r "
      "ON r.id = oar.organization_role_id WHERE oar.organization_id = ? "
      "AND oar.application_id IN (SELECT value FROM json_each(?)) "
      "ORDER BY oar.application_id, r.name");
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  (*st)->Bind(1, org_id).Bind(2, JsonArray(app_ids));
  std::vector<MemberRoleRow> out;
  GH_TRY(ForEachRow(**st, [&](Statement& s) { out.push_back({s.Text(0), RoleAt(s, 1)}); }));
  return out;
}

Result<std::optional<std::vector<std::string>>> SqliteOrganizationRepo::ApplicationRoleIds(
    const std::string& org_id, const std::string& app_id) {
  auto st = c_.Prepare(
      "SELECT oar.organization_role_id FROM organization_applications oa "
      "LEFT JOIN organization_application_roles oar ON oar.organization_id = oa.organization_id "
      "AND oar.application_id = oa.application_id "
      "WHERE oa.organization_id = ? AND oa.application_id = ?");
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  (*st)->Bind(1, org_id).Bind(2, app_id);
  bool member = false;
  std::vector<std::string> ids;
  GH_TRY(ForEachRow(**st, [&](Statement& s) {
    member = true;
    if (!s.IsNull(0)) ids.push_back(s.Text(0));
  }));
  if (!member) return std::optional<std::vector<std::string>>{};
  return std::optional<std::vector<std::string>>(std::move(ids));
}

}  // namespace gatehouse::store::sqlite
