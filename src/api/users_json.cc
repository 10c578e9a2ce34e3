#include "api/users_json.h"

namespace gatehouse::api {
namespace {

using Json = nlohmann::json;
constexpr const char* kTenant = "default";

Json Opt(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json Opt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Json UserJson(const model::User& u) {
  return {{"id", u.id},
          {"username", Opt(u.username)},
          {"primaryEmail", Opt(u.primary_email)},
          {"primaryPhone", Opt(u.primary_phone)},
          {"name", Opt(u.name)},
          {"avatar", Opt(u.avatar)},
          {"customData", u.custom_data},
          {"identities", Json::object()},
          {"lastSignInAt", Opt(u.last_sign_in_at)},
          {"createdAt", u.created_at},
          {"updatedAt", u.updated_at},
          {"isSuspended", u.is_suspended},
          {"hasPassword", u.password_hash.has_value()}};
}

Json ApplicationJson(const model::Application& a) {
  return {{"tenantId", kTenant},
          {"id", a.id},
          {"name", a.name},
          {"description", Opt(a.description)},
          {"type", model::ToString(a.type)},
          {"oidcClientMetadata", a.oidc_client_metadata},
          {"customClientMetadata", a.custom_client_metadata},
          {"isThirdParty", a.is_third_party},
          {"createdAt", a.created_at}};
}

Json SecretJson(const model::ApplicationSecret& s) {
  return {{"tenantId", kTenant},
          {"applicationId", s.application_id},
          {"name", s.name},
          {"createdAt", s.created_at},
          {"expiresAt", Opt(s.expires_at)}};
}

Json ResourceJson(const model::Resource& r) {
  return {{"tenantId", kTenant},       {"id", r.id},
          {"name", r.name},            {"indicator", r.indicator},
          {"isDefault", false},        {"accessTokenTtl", r.access_token_ttl},
          {"isBuiltIn", r.is_built_in}};
}

Json ScopeJson(const model::Scope& s) {
  return {{"tenantId", kTenant},
          {"id", s.id},
          {"resourceId", s.resource_id},
          {"name", s.name},
          {"description", Opt(s.description)},
          {"createdAt", s.created_at}};
}

Json RoleJson(const model::Role& r) {
  return {{"tenantId", kTenant},
          {"id", r.id},
          {"name", r.name},
          {"description", r.description},
          {"type", model::ToString(r.type)},
          {"isDefault", false}};
}

}  // namespace gatehouse::api
