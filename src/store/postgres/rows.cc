#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {

std::optional<std::string> LikePattern(const std::optional<std::string>& q) {
  if (!q) return std::nullopt;
  std::string p = "%";
  for (char ch : *q) {
    if (ch == '%' || ch == '_' || ch == '\\') p += '\\';
    p += ch;
  }
  p += '%';
  return p;
}

model::Json ParseJson(const std::string& text, model::Json fallback) {
  auto j = model::Json::parse(text, nullptr, false);
  return j.is_discarded() ? fallback : j;
}

model::User ReadUser(const Rows& r, int i, int c) {
  model::User u;
  u.id = r.Text(i, c);
  u.username = r.OptText(i, c + 1);
  u.primary_email = r.OptText(i, c + 2);
  u.primary_phone = r.OptText(i, c + 3);
  u.name = r.OptText(i, c + 4);
  u.avatar = r.OptText(i, c + 5);
  u.custom_data = ParseJson(r.Text(i, c + 6), model::Json::object());
  u.password_hash = r.OptText(i, c + 7);
  u.is_suspended = r.Bool(i, c + 8);
  u.last_sign_in_at = r.OptInt(i, c + 9);
  u.created_at = r.Int(i, c + 10);
  u.updated_at = r.Int(i, c + 11);
  return u;
}

model::Application ReadApplication(const Rows& r, int i, int c) {
  model::Application a;
  a.id = r.Text(i, c);
  a.name = r.Text(i, c + 1);
  a.description = r.OptText(i, c + 2);
  a.type = model::ParseApplicationType(r.Text(i, c + 3)).value_or(model::ApplicationType::kTraditional);
  a.oidc_client_metadata = ParseJson(r.Text(i, c + 4), a.oidc_client_metadata);
  a.custom_client_metadata = ParseJson(r.Text(i, c + 5), model::Json::object());
  a.is_third_party = r.Bool(i, c + 6);
  a.is_built_in = r.Bool(i, c + 7);
  a.created_at = r.Int(i, c + 8);
  return a;
}

model::Resource ReadResource(const Rows& r, int i, int c) {
  return {r.Text(i, c), r.Text(i, c + 1), r.Text(i, c + 2), r.Int(i, c + 3), r.Bool(i, c + 4),
          r.Int(i, c + 5)};
}

model::Scope ReadScope(const Rows& r, int i, int c) {
  return {r.Text(i, c), r.Text(i, c + 1), r.Text(i, c + 2), r.OptText(i, c + 3), r.Int(i, c + 4)};
}

model::Role ReadRole(const Rows& r, int i, int c) {
  return {r.Text(i, c), r.Text(i, c + 1), r.Text(i, c + 2),
          model::ParseRoleType(r.Text(i, c + 3)).value_or(model::RoleType::kUser), r.Int(i, c + 4)};
}

model::OrganizationScope ReadOrgScope(const Rows& r, int i, int c) {
  return {r.Text(i, c), r.Text(i, c + 1), r.OptText(i, c + 2), r.Int(i, c + 3)};
}

model::OrganizationRole ReadOrgRole(const Rows& r, int i, int c) {
  return {r.Text(i, c), r.Text(i, c + 1), r.OptText(i, c + 2),
          model::ParseRoleType(r.Text(i, c + 3)).value_or(model::RoleType::kUser), r.Int(i, c + 4)};
}

model::Organization ReadOrganization(const Rows& r, int i, int c) {
  model::Organization o;
  o.id = r.Text(i, c);
  o.name = r.Text(i, c + 1);
  o.description = r.OptText(i, c + 2);
  o.custom_data = ParseJson(r.Text(i, c + 3), model::Json::object());
  o.is_mfa_required = r.Bool(i, c + 4);
  o.color = ParseJson(r.Text(i, c + 5), model::Json::object());
  o.branding = ParseJson(r.Text(i, c + 6), model::Json::object());
  o.custom_css = r.OptText(i, c + 7);
  o.created_at = r.Int(i, c + 8);
  return o;
}

}  // namespace gatehouse::store::postgres
