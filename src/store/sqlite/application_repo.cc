#include "store/sqlite/application_repo.h"

#include <map>

#include "store/sqlite/rows.h"

namespace gatehouse::store::sqlite {
namespace {

constexpr std::string_view kCols = kApplicationColumns;
constexpr auto ApplicationAt = ReadApplication;

}  // namespace

SqliteApplicationRepo::SqliteApplicationRepo(Connection& c) : c_(c) {
  org_sql::RegisterCaseFold(c);
}

model::Application ReadApplication(Statement& s) {
  model::Application a;
  a.id = s.Text(0);
  a.name = s.Text(1);
  a.description = s.OptText(2);
  // The CHECK constraint guarantees a known type.
  a.type = model::ParseApplicationType(s.Text(3)).value_or(model::ApplicationType::kTraditional);
  a.oidc_client_metadata = rows::ParseJson(s.Text(4), a.oidc_client_metadata);
  a.custom_client_metadata = rows::ParseJson(s.Text(5));
  a.is_third_party = s.Int(6) != 0;
  a.is_built_in = s.Int(7) != 0;
  a.created_at = s.Int(8);
  return a;
}

namespace {

model::ApplicationSecret SecretAt(Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.OptInt(4)};
}

std::string Sql(std::string_view head, std::string_view tail) {
  return std::string(head).append(kCols).append(tail);
}

void BindColumns(Statement& s, const model::Application& a) {
  s.Bind(1, a.id)
      .Bind(2, a.name)
      .Bind(3, a.description)
      .Bind(4, model::ToString(a.type))
      .Bind(5, a.oidc_client_metadata.dump())
      .Bind(6, a.custom_client_metadata.dump())
      .Bind(7, a.is_third_party)
      .Bind(8, a.is_built_in)
      .Bind(9, a.created_at);
}

}  // namespace

Result<void> SqliteApplicationRepo::Insert(const model::Application& app) {
  auto r =
      rows::Exec(c_,
                 "INSERT INTO applications (id, name, description, type, oidc_client_metadata, "
                 "custom_client_metadata, is_third_party, is_built_in, created_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                 [&](Statement& s) { BindColumns(s, app); });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteApplicationRepo::Update(const model::Application& app) {
  auto r = rows::Exec(c_,
                      "UPDATE applications SET name = ?2, description = ?3, type = ?4, "
                      "oidc_client_metadata = ?5, custom_client_metadata = ?6, "
                      "is_third_party = ?7, is_built_in = ?8, created_at = ?9 WHERE id = ?1",
                      [&](Statement& s) { BindColumns(s, app); });
  if (!r) return Fail(r.error());
  if (*r == 0) return Fail(Error::NotFound("Application not found."));
  return Ok();
}

Result<std::optional<model::Application>> SqliteApplicationRepo::Find(const std::string& id) {
  return rows::SelectOne<model::Application>(
      c_, Sql("SELECT ", " FROM applications a WHERE a.id = ?"),
      [&](Statement& s) { s.Bind(1, id); }, ApplicationAt);
}

Result<model::Page<model::Application>> SqliteApplicationRepo::List(
    const ApplicationFilter& f, const std::optional<model::PageRequest>& page) {
  constexpr std::string_view kWhere =
      " FROM applications a WHERE (?1 IS NULL OR gh_fold(a.id) LIKE ?1 ESCAPE '\\' "
      "OR gh_fold(a.name) LIKE ?1 ESCAPE '\\' OR gh_fold(a.description) LIKE ?1 ESCAPE '\\') "
      "AND (?2 IS NULL OR NOT EXISTS (SELECT 1 FROM organization_applications oa "
      "WHERE oa.organization_id = ?2 AND oa.application_id = a.id)) "
      "AND (?3 IS NULL OR NOT EXISTS (SELECT 1 FROM applications_roles ar "
      "WHERE ar.application_id = a.id AND ar.role_id = ?3)) "
      "AND (?4 IS NULL OR a.type IN (SELECT value FROM json_each(?4))) "
      "AND (?5 IS NULL OR a.is_third_party = ?5)";
  auto like = rows::LikePattern(f.q);
  std::optional<std::string> types;
  if (!f.types.empty()) {
    std::vector<std::string> names;
    for (auto t : f.types) names.emplace_back(model::ToString(t));
    types = rows::JsonArray(names);
  }
  auto bind = [&](Statement& s) {
    s.Bind(1, like).Bind(2, f.exclude_organization_id).Bind(3, f.exclude_role_id).Bind(4, types);
    if (f.is_third_party)
      s.Bind(5, *f.is_third_party);
    else
      s.BindNull(5);
  };
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kWhere), bind);
  if (!total) return Fail(total.error());
  auto items = rows::Select<model::Application>(
      c_,
      Sql("SELECT ",
          std::string(kWhere).append(" ORDER BY a.created_at DESC, a.id LIMIT ?6 OFFSET ?7")),
      [&](Statement& s) {
        bind(s);
        s.Bind(6, rows::Limit(page)).Bind(7, rows::Offset(page));
      },
      ApplicationAt);
  if (!items) return Fail(items.error());
  return model::Page<model::Application>{std::move(*items), *total};
}

Result<bool> SqliteApplicationRepo::Delete(const std::string& id) {
  // Secrets, applications_roles, organization_applications (and their roles) cascade.
  auto r =
      rows::Exec(c_, "DELETE FROM applications WHERE id = ?", [&](Statement& s) { s.Bind(1, id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<std::pair<std::string, model::ApplicationType>>> SqliteApplicationRepo::TypesOf(
    const std::vector<std::string>& ids) {
  using Row = std::pair<std::string, model::ApplicationType>;
  return rows::Select<Row>(
      c_,
      "SELECT id, type FROM applications WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
      [&](Statement& s) { s.Bind(1, rows::JsonArray(ids)); },
      [](Statement& s) {
        return Row{s.Text(0), model::ParseApplicationType(s.Text(1)).value_or(
                                  model::ApplicationType::kTraditional)};
      });
}

Result<void> SqliteApplicationRepo::InsertSecret(const model::ApplicationSecret& secret) {
  auto r = rows::Exec(c_,
                      "INSERT INTO application_secrets (application_id, name, secret_hash, "
                      "created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                      [&](Statement& s) {
                        s.Bind(1, secret.application_id)
                            .Bind(2, secret.name)
                            .Bind(3, secret.secret_hash)
                            .Bind(4, secret.created_at)
                            .Bind(5, secret.expires_at);
                      });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::vector<model::ApplicationSecret>> SqliteApplicationRepo::ListSecrets(
    const std::string& app_id) {
  return rows::Select<model::ApplicationSecret>(
      c_,
      "SELECT application_id, name, secret_hash, created_at, expires_at FROM application_secrets "
      "WHERE application_id = ? ORDER BY created_at, name",
      [&](Statement& s) { s.Bind(1, app_id); }, SecretAt);
}

Result<bool> SqliteApplicationRepo::RenameSecret(const std::string& app_id, const std::string& name,
                                                 const std::string& new_name) {
  auto r = rows::Exec(
      c_, "UPDATE application_secrets SET name = ? WHERE application_id = ? AND name = ?",
      [&](Statement& s) { s.Bind(1, new_name).Bind(2, app_id).Bind(3, name); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<bool> SqliteApplicationRepo::DeleteSecret(const std::string& app_id,
                                                 const std::string& name) {
  auto r = rows::Exec(c_, "DELETE FROM application_secrets WHERE application_id = ? AND name = ?",
                      [&](Statement& s) { s.Bind(1, app_id).Bind(2, name); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<model::Page<ApplicationOrganizationRow>> SqliteApplicationRepo::Organizations(
    const std::string& app_id, const std::optional<model::PageRequest>& page) {
  auto total =
      rows::SelectInt(c_, "SELECT COUNT(*) FROM organization_applications WHERE application_id = ?",
                      [&](Statement& s) { s.Bind(1, app_id); });
  if (!total) return Fail(total.error());
  auto orgs = rows::Select<ApplicationOrganizationRow>(
      c_,
      "SELECT o.id, o.name, o.description, o.custom_data, o.is_mfa_required, o.color, o.branding, "
      "o.custom_css, o.created_at FROM organization_applications oa "
      "JOIN organizations o ON o.id = oa.organization_id WHERE oa.application_id = ? "
      "ORDER BY o.id LIMIT ? OFFSET ?",
      [&](Statement& s) {
        s.Bind(1, app_id).Bind(2, rows::Limit(page)).Bind(3, rows::Offset(page));
      },
      [](Statement& s) {
        ApplicationOrganizationRow row;
        auto& o = row.organization;
        o.id = s.Text(0);
        o.name = s.Text(1);
        o.description = s.OptText(2);
        o.custom_data = rows::ParseJson(s.Text(3));
        o.is_mfa_required = s.Int(4) != 0;
        o.color = rows::ParseJson(s.Text(5));
        o.branding = rows::ParseJson(s.Text(6));
        o.custom_css = s.OptText(7);
        o.created_at = s.Int(8);
        return row;
      });
  if (!orgs) return Fail(orgs.error());
  if (!orgs->empty()) {
    std::map<std::string, ApplicationOrganizationRow*> by_id;
    std::vector<std::string> ids;
    for (auto& row : *orgs) {
      by_id[row.organization.id] = &row;
      ids.push_back(row.organization.id);
    }
    using RoleRow = std::pair<std::string, model::OrganizationRole>;
    auto roles = rows::Select<RoleRow>(
        c_,
        "SELECT oar.organization_id, r.id, r.name, r.description, r.type, r.created_at "
        "FROM organization_application_roles oar "
        "JOIN organization_roles r ON r.id = oar.organization_role_id "
        "WHERE oar.application_id = ? AND oar.organization_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY oar.organization_id, r.name",
        [&](Statement& s) { s.Bind(1, app_id).Bind(2, rows::JsonArray(ids)); },
        [](Statement& s) {
          model::OrganizationRole r;
          r.id = s.Text(1);
          r.name = s.Text(2);
          r.description = s.OptText(3);
          r.type = model::ParseRoleType(s.Text(4)).value_or(model::RoleType::kUser);
          r.created_at = s.Int(5);
          return RoleRow{s.Text(0), std::move(r)};
        });
    if (!roles) return Fail(roles.error());
    for (auto& [org_id, role] : *roles) by_id[org_id]->roles.push_back(std::move(role));
  }
  return model::Page<ApplicationOrganizationRow>{std::move(*orgs), *total};
}

}  // namespace gatehouse::store::sqlite
