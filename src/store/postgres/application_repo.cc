#include "store/postgres/application_repo.h"

#include <map>

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

constexpr const char* kSelect = "SELECT " GH_APPLICATION_COLUMNS("a.") " FROM applications a ";

Params Columns(const model::Application& a) {
  Params p;
  p.Add(a.id).Add(a.name).Add(a.description).Add(model::ToString(a.type))
      .Add(a.oidc_client_metadata.dump()).Add(a.custom_client_metadata.dump())
      .Add(a.is_third_party).Add(a.is_built_in).Add(a.created_at);
  return p;
}

model::ApplicationSecret ReadSecret(const Rows& r, int i) {
  return {r.Text(i, 0), r.Text(i, 1), r.Text(i, 2), r.Int(i, 3), r.OptInt(i, 4)};
}

}  // namespace

Result<void> PgApplicationRepo::Insert(const model::Application& app) {
  return Done(c_.Query(
      "INSERT INTO applications (id, name, description, type, oidc_client_metadata, "
      "custom_client_metadata, is_third_party, is_built_in, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      Columns(app)));
}

Result<void> PgApplicationRepo::Update(const model::Application& app) {
  auto r = c_.Query(
      "UPDATE applications SET name = $2, description = $3, type = $4, oidc_client_metadata = $5, "
      "custom_client_metadata = $6, is_third_party = $7, is_built_in = $8, created_at = $9 "
      "WHERE id = $1",
      Columns(app));
  if (!r) return Fail(r.error());
  if (r->Affected() == 0) return Fail(Error::NotFound("Application not found."));
  return Ok();
}

Result<std::optional<model::Application>> PgApplicationRepo::Find(const std::string& id) {
  return First(c_.Query(std::string(kSelect) + "WHERE a.id = $1", Params().Add(id)),
               [](const Rows& r, int i) { return ReadApplication(r, i); });
}

Result<model::Page<model::Application>> PgApplicationRepo::List(
    const ApplicationFilter& f, const std::optional<model::PageRequest>& page) {
  const std::string where =
      "WHERE ($1::text IS NULL OR a.id COLLATE \"und-x-icu\" ILIKE $1 OR a.name COLLATE \"und-x-icu\" ILIKE $1 OR a.description COLLATE \"und-x-icu\" ILIKE $1) "
      "AND ($2::text IS NULL OR NOT EXISTS (SELECT 1 FROM organization_applications oa "
      "WHERE oa.organization_id = $2 AND oa.application_id = a.id)) "
      "AND ($3::text IS NULL OR NOT EXISTS (SELECT 1 FROM applications_roles ar "
      "WHERE ar.application_id = a.id AND ar.role_id = $3)) "
      "AND ($4::text[] IS NULL OR a.type = ANY($4::text[])) "
      "AND ($5::boolean IS NULL OR a.is_third_party = $5) ";
  Params p;
  p.Add(LikePattern(f.q)).Add(f.exclude_organization_id).Add(f.exclude_role_id);
  if (f.types.empty()) {
    p.AddNull();
  } else {
    std::vector<std::string> names;
    for (auto t : f.types) names.emplace_back(model::ToString(t));
    p.AddArray(names);
  }
  if (f.is_third_party) p.Add(*f.is_third_party); else p.AddNull();
  auto total = Count(c_.Query("SELECT COUNT(*) FROM applications a " + where, p));
  if (!total) return Fail(total.error());
  auto items = Collect(c_.Query(kSelect + where + "ORDER BY a.created_at DESC, a.id LIMIT $6 OFFSET $7",
                                AddPage(p, page)),
                       [](const Rows& r, int i) { return ReadApplication(r, i); });
  if (!items) return Fail(items.error());
  return model::Page<model::Application>{std::move(*items), *total};
}

Result<bool> PgApplicationRepo::Delete(const std::string& id) {
  // Secrets, role grants and organization memberships (and their roles) cascade.
  return Changed(c_.Query("DELETE FROM applications WHERE id = $1", Params().Add(id)));
}

Result<std::vector<std::pair<std::string, model::ApplicationType>>> PgApplicationRepo::TypesOf(
    const std::vector<std::string>& ids) {
  return Collect(c_.Query("SELECT id, type FROM applications WHERE id = ANY($1::text[]) ORDER BY id",
                          Params().AddArray(ids)),
                 [](const Rows& r, int i) {
                   return std::pair<std::string, model::ApplicationType>{
                       r.Text(i, 0), model::ParseApplicationType(r.Text(i, 1))
                                         .value_or(model::ApplicationType::kTraditional)};
                 });
}

Result<void> PgApplicationRepo::InsertSecret(const model::ApplicationSecret& s) {
  return Done(c_.Query(
      "INSERT INTO application_secrets (application_id, name, secret_hash, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      Params().Add(s.application_id).Add(s.name).Add(s.secret_hash).Add(s.created_at).Add(s.expires_at)));
}

Result<std::vector<model::ApplicationSecret>> PgApplicationRepo::ListSecrets(const std::string& app_id) {
  return Collect(c_.Query("SELECT application_id, name, secret_hash, created_at, expires_at "
                          "FROM application_secrets WHERE application_id = $1 ORDER BY created_at, name",
                          Params().Add(app_id)),
                 ReadSecret);
}

Result<bool> PgApplicationRepo::RenameSecret(const std::string& app_id, const std::string& name,
                                             const std::string& new_name) {
  return Changed(c_.Query("UPDATE application_secrets SET name = $1 WHERE application_id = $2 AND name = $3",
                          Params().Add(new_name).Add(app_id).Add(name)));
}

Result<bool> PgApplicationRepo::DeleteSecret(const std::string& app_id, const std::string& name) {
  return Changed(c_.Query("DELETE FROM application_secrets WHERE application_id = $1 AND name = $2",
                          Params().Add(app_id).Add(name)));
}

Result<model::Page<ApplicationOrganizationRow>> PgApplicationRepo::Organizations(
    const std::string& app_id, const std::optional<model::PageRequest>& page) {
  auto total = Count(c_.Query("SELECT COUNT(*) FROM organization_applications WHERE application_id = $1",
                              Params().Add(app_id)));
  if (!total) return Fail(total.error());
  Params p;
  p.Add(app_id);
  auto orgs = Collect(
      c_.Query("SELECT " GH_ORGANIZATION_COLUMNS("o.") " FROM organization_applications oa "
               "JOIN organizations o ON o.id = oa.organization_id WHERE oa.application_id = $1 "
               "ORDER BY o.id LIMIT $2 OFFSET $3",
               AddPage(p, page)),
      [](const Rows& r, int i) { return ApplicationOrganizationRow{ReadOrganization(r, i), {}}; });
  if (!orgs) return Fail(orgs.error());
  if (!orgs->empty()) {
    std::map<std::string, ApplicationOrganizationRow*> by_id;
    std::vector<std::string> ids;
    for (auto& row : *orgs) {
      by_id[row.organization.id] = &row;
      ids.push_back(row.organization.id);
    }
    auto roles = c_.Query(
        "SELECT oar.organization_id, " GH_ORG_ROLE_COLUMNS("r.") " FROM organization_application_roles oar "
        "JOIN organization_roles r ON r.id = oar.organization_role_id "
        "WHERE oar.application_id = $1 AND oar.organization_id = ANY($2::text[]) "
        "ORDER BY oar.organization_id, r.name",
        Params().Add(app_id).AddArray(ids));
    if (!roles) return Fail(roles.error());
    for (int i = 0; i < roles->size(); ++i) by_id[roles->Text(i, 0)]->roles.push_back(ReadOrgRole(*roles, i, 1));
  }
  return model::Page<ApplicationOrganizationRow>{std::move(*orgs), *total};
}

}  // namespace gatehouse::store::postgres
