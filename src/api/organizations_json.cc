#include "api/organizations_json.h"

#include "api/json_input.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTenant = "default";

Json OptJson(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

}  // namespace

Json OrganizationScopeJson(const model::OrganizationScope& s) {
  return {{"tenantId", kTenant}, {"id", s.id}, {"name", s.name},
          {"description", OptJson(s.description)}};
}

Json OrganizationRoleJson(const model::OrganizationRole& r) {
  return {{"tenantId", kTenant},
          {"id", r.id},
          {"name", r.name},
          {"description", OptJson(r.description)},
          {"type", model::ToString(r.type)}};
}

Json OrganizationRoleDetailJson(const service::OrganizationRoleDetail& d) {
  Json out = OrganizationRoleJson(d.role);
  out["scopes"] = JsonArray(d.scopes, [](const model::OrganizationScope& s) {
    return Json{{"id", s.id}, {"name", s.name}};
  });
  out["resourceScopes"] = JsonArray(d.resource_scopes, [](const store::RoleResourceScopeRow& r) {
    return Json{{"id", r.scope.id},
                {"name", r.scope.name},
                {"resource", {{"id", r.scope.resource_id}, {"name", r.resource_name}}}};
  });
  return out;
}

Json ResourceScopeJson(const model::Scope& s) {
  return {{"tenantId", kTenant},
          {"id", s.id},
          {"resourceId", s.resource_id},
          {"name", s.name},
          {"description", OptJson(s.description)},
          {"createdAt", s.created_at}};
}

Json OrganizationJson(const model::Organization& o) {
  return {{"tenantId", kTenant},
          {"id", o.id},
          {"name", o.name},
          {"description", OptJson(o.description)},
          {"customData", o.custom_data},
          {"isMfaRequired", o.is_mfa_required},
          {"color", o.color},
          {"branding", o.branding},
          {"customCss", OptJson(o.custom_css)},
          {"createdAt", o.created_at}};
}

Json OrganizationListItemJson(const service::OrganizationListItem& item) {
  Json out = OrganizationJson(item.organization);
  if (item.users) {
    out["usersCount"] = item.users->users_count;
    out["featuredUsers"] = JsonArray(item.users->featured, [](const store::FeaturedUser& u) {
      return Json{{"id", u.id}, {"avatar", OptJson(u.avatar)}, {"name", OptJson(u.name)}};
    });
  }
  return out;
}

Json RoleRefsJson(const std::vector<model::OrganizationRole>& roles) {
  return JsonArray(roles, [](const model::OrganizationRole& r) {
    return Json{{"id", r.id}, {"name", r.name}};
  });
}

Json OrganizationUserJson(const service::OrganizationUser& m) {
  const auto& u = m.member;
  return {{"id", u.id},
          {"username", OptJson(u.username)},
          {"primaryEmail", OptJson(u.primary_email)},
          {"primaryPhone", OptJson(u.primary_phone)},
          {"name", OptJson(u.name)},
          {"avatar", OptJson(u.avatar)},
          {"customData", u.custom_data},
          {"identities", Json::object()},
          {"lastSignInAt", u.last_sign_in_at ? Json(*u.last_sign_in_at) : Json(nullptr)},
          {"createdAt", u.created_at},
          {"updatedAt", u.updated_at},
          {"isSuspended", u.is_suspended},
          {"hasPassword", u.password_hash.has_value()},
          {"organizationRoles", RoleRefsJson(m.roles)}};
}

Json OrganizationApplicationJson(const service::OrganizationApplication& m) {
  const auto& a = m.member;
  return {{"tenantId", kTenant},
          {"id", a.id},
          {"name", a.name},
          {"description", OptJson(a.description)},
          {"type", model::ToString(a.type)},
          {"oidcClientMetadata", a.oidc_client_metadata},
          {"customClientMetadata", a.custom_client_metadata},
          {"isThirdParty", a.is_third_party},
          {"createdAt", a.created_at},
          {"organizationRoles", RoleRefsJson(m.roles)}};
}

std::optional<std::string> SearchQuery(const http::Request& req) {
  auto q = req.Query("q");
  if (!q || q->empty()) return std::nullopt;
  return std::string(*q);
}

Result<service::Nullable<std::string>> NullableString(const Json& body, std::string_view key,
                                                      size_t max_len) {
  auto it = body.find(key);
  if (it == body.end()) return service::Nullable<std::string>{};
  if (it->is_null()) return service::Nullable<std::string>(std::optional<std::string>{});
  auto s = OptString(body, key, max_len);
  if (!s) return Fail(s.error());
  return service::Nullable<std::string>(std::move(*s));
}

}  // namespace gatehouse::api
