// PgOrganizationRepo, part two: M2M applications as organization members and their roles.
#include "store/postgres/organization_repo.h"
#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {

Result<std::optional<std::vector<std::string>>> RoleIdsOfMember(Result<Rows> r);  // part one

Result<void> PgOrganizationRepo::AddApplications(const std::string& org_id,
                                                 const std::vector<std::string>& app_ids, int64_t at_ms) {
  return Done(c_.Query("INSERT INTO organization_applications (organization_id, application_id, created_at) "
                       "SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING",
                       Params().Add(org_id).AddArray(app_ids).Add(at_ms)));
}

Result<std::vector<std::string>> PgOrganizationRepo::NonMachineToMachineApplications(
    const std::vector<std::string>& app_ids) {
  return Collect(c_.Query("SELECT id FROM applications WHERE id = ANY($1::text[]) "
                          "AND type <> 'MachineToMachine' ORDER BY id",
                          Params().AddArray(app_ids)),
                 TextAt);
}

Result<void> PgOrganizationRepo::ReplaceApplications(const std::string& org_id,
                                                     const std::vector<std::string>& app_ids, int64_t at_ms) {
  GH_TRY(Done(c_.Query("DELETE FROM organization_applications WHERE organization_id = $1 "
                       "AND NOT (application_id = ANY($2::text[]))",
                       Params().Add(org_id).AddArray(app_ids))));
  return AddApplications(org_id, app_ids, at_ms);
}

Result<bool> PgOrganizationRepo::RemoveApplication(const std::string& org_id, const std::string& app_id) {
  return Changed(c_.Query("DELETE FROM organization_applications WHERE organization_id = $1 AND application_id = $2",
                          Params().Add(org_id).Add(app_id)));
}

Result<std::vector<std::string>> PgOrganizationRepo::ApplicationIds(const std::string& org_id) {
  return Collect(c_.Query("SELECT application_id FROM organization_applications WHERE organization_id = $1 "
                          "ORDER BY application_id",
                          Params().Add(org_id)),
                 TextAt);
}

Result<bool> PgOrganizationRepo::IsApplicationMember(const std::string& org_id, const std::string& app_id) {
  auto r = c_.Query("SELECT 1 FROM organization_applications WHERE organization_id = $1 AND application_id = $2",
                    Params().Add(org_id).Add(app_id));
  if (!r) return Fail(r.error());
  return !r->empty();
}

Result<model::Page<model::Application>> PgOrganizationRepo::ListApplications(
    const std::string& org_id, const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  const std::string from =
      "FROM organization_applications oa JOIN applications a ON a.id = oa.application_id "
      "WHERE oa.organization_id = $1 AND ($2::text IS NULL OR a.id COLLATE \"und-x-icu\" ILIKE $2 OR a.name COLLATE \"und-x-icu\" ILIKE $2 "
      "OR a.description COLLATE \"und-x-icu\" ILIKE $2) ";
  Params p;
  p.Add(org_id).Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) " + from, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query("SELECT " GH_APPLICATION_COLUMNS("a.") " " + from +
                                    "ORDER BY oa.application_id LIMIT $3 OFFSET $4",
                                AddPage(p, page)),
                       [](const Rows& r, int i) { return ReadApplication(r, i); });
  if (!items) return Fail(items.error());
  return model::Page<model::Application>{std::move(*items), *total};
}

Result<void> PgOrganizationRepo::AddApplicationRoles(const std::string& org_id, const std::string& app_id,
                                                     const std::vector<std::string>& role_ids) {
  return AddApplicationsRoles(org_id, {app_id}, role_ids);
}

Result<void> PgOrganizationRepo::AddApplicationsRoles(const std::string& org_id,
                                                      const std::vector<std::string>& app_ids,
                                                      const std::vector<std::string>& role_ids) {
  return Done(c_.Query("INSERT INTO organization_application_roles "
                       "(organization_id, application_id, organization_role_id) "
                       "SELECT $1, a, r FROM unnest($2::text[]) a, unnest($3::text[]) r ON CONFLICT DO NOTHING",
                       Params().Add(org_id).AddArray(app_ids).AddArray(role_ids)));
}

Result<void> PgOrganizationRepo::ReplaceApplicationRoles(const std::string& org_id, const std::string& app_id,
                                                         const std::vector<std::string>& role_ids) {
  GH_TRY(Done(c_.Query("DELETE FROM organization_application_roles WHERE organization_id = $1 "
                       "AND application_id = $2 AND NOT (organization_role_id = ANY($3::text[]))",
                       Params().Add(org_id).Add(app_id).AddArray(role_ids))));
  return AddApplicationRoles(org_id, app_id, role_ids);
}

Result<bool> PgOrganizationRepo::RemoveApplicationRole(const std::string& org_id, const std::string& app_id,
                                                       const std::string& role_id) {
  return Changed(c_.Query("DELETE FROM organization_application_roles WHERE organization_id = $1 "
                          "AND application_id = $2 AND organization_role_id = $3",
                          Params().Add(org_id).Add(app_id).Add(role_id)));
}

Result<std::vector<model::OrganizationRole>> PgOrganizationRepo::ApplicationRoles(const std::string& org_id,
                                                                                  const std::string& app_id) {
  auto rows = ApplicationsRolesOf(org_id, {app_id});
  if (!rows) return Fail(rows.error());
  std::vector<model::OrganizationRole> out;
  for (auto& row : *rows) out.push_back(std::move(row.role));
  return out;
}

Result<std::vector<MemberRoleRow>> PgOrganizationRepo::ApplicationsRolesOf(const std::string& org_id,
                                                                           const std::vector<std::string>& app_ids) {
  return Collect(c_.Query("SELECT oar.application_id, " GH_ORG_ROLE_COLUMNS("r.")
                          " FROM organization_application_roles oar JOIN organization_roles r "
                          "ON r.id = oar.organization_role_id WHERE oar.organization_id = $1 "
                          "AND oar.application_id = ANY($2::text[]) ORDER BY oar.application_id, r.name",
                          Params().Add(org_id).AddArray(app_ids)),
                 [](const Rows& r, int i) { return MemberRoleRow{r.Text(i, 0), ReadOrgRole(r, i, 1)}; });
}

Result<std::optional<std::vector<std::string>>> PgOrganizationRepo::ApplicationRoleIds(const std::string& org_id,
                                                                                       const std::string& app_id) {
  return RoleIdsOfMember(c_.Query("SELECT oar.organization_role_id FROM organization_applications oa "
                                  "LEFT JOIN organization_application_roles oar ON oar.organization_id = "
                                  "oa.organization_id AND oar.application_id = oa.application_id "
                                  "WHERE oa.organization_id = $1 AND oa.application_id = $2",
                                  Params().Add(org_id).Add(app_id)));
}

}  // namespace gatehouse::store::postgres
