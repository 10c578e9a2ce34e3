// Management API routes of API.md "Users": handlers parse, call one service/users/users.h function and
// map the result.
#include "service/users/users.h"

#include "api/json_input.h"
#include "api/organizations_json.h"
#include "api/register.h"
#include "api/users_json.h"
#include "service/organizations/organizations.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Users";
constexpr size_t kMaxUrl = 2048;

Json StringSchema(size_t max_len, bool nullable = true) {
  Json s = {{"type", "string"}, {"maxLength", max_len}};
  if (nullable) s["nullable"] = true;
  return s;
}

Json UserBodySchema(bool with_password) {
  Json props = {{"username", StringSchema(kMaxName)},     {"primaryEmail", StringSchema(kMaxEmail)},
                {"primaryPhone", StringSchema(kMaxName)}, {"name", StringSchema(kMaxName)},
                {"avatar", StringSchema(kMaxUrl)},        {"customData", {{"type", "object"}}}};
  if (with_password) {
    props["password"] = {
        {"type", "string"}, {"minLength", 1}, {"maxLength", service::kMaxPasswordLength}};
  }
  return {{"type", "object"}, {"properties", props}};
}

const Json kPasswordSchema = {
    {"type", "object"},
    {"required", {"password"}},
    {"properties", {{"password", {{"type", "string"}, {"minLength", 1}}}}}};

// Reads an optional string field into `out`; false (and `err`) on a type or length error.
#define GH_READ(out, expr)                                 \
  do {                                                     \
    auto gh_read_ = (expr);                                \
    if (!gh_read_) return ErrorResponse(gh_read_.error()); \
    out = std::move(*gh_read_);                            \
  } while (0)

http::Response Create(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::NewUser u;
  GH_READ(u.username, OptString(*body, "username", kMaxName));
  GH_READ(u.primary_email, OptString(*body, "primaryEmail", kMaxEmail));
  GH_READ(u.primary_phone, OptString(*body, "primaryPhone", kMaxName));
  GH_READ(u.name, OptString(*body, "name", kMaxName));
  GH_READ(u.avatar, OptString(*body, "avatar", kMaxUrl));
  GH_READ(u.password, OptString(*body, "password", service::kMaxPasswordLength));
  GH_READ(u.custom_data, OptObject(*body, "customData"));
  return JsonOr(service::CreateUser(ctx, u), 200, UserJson);
}

http::Response Update(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::UserPatch p;
  GH_READ(p.username, NullableString(*body, "username", kMaxName));
  GH_READ(p.primary_email, NullableString(*body, "primaryEmail", kMaxEmail));
  GH_READ(p.primary_phone, NullableString(*body, "primaryPhone", kMaxName));
  GH_READ(p.name, NullableString(*body, "name", kMaxName));
  GH_READ(p.avatar, NullableString(*body, "avatar", kMaxUrl));
  GH_READ(p.custom_data, OptObject(*body, "customData"));
  return JsonOr(service::UpdateUser(ctx, req.Param("userId"), p), 200, UserJson);
}

http::Response SetPassword(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::string password;
  GH_READ(password, RequiredString(*body, "password", service::kMaxPasswordLength));
  return JsonOr(service::SetUserPassword(ctx, req.Param("userId"), password), 200, UserJson);
}

http::Response VerifyPassword(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::string password;
  GH_READ(password, RequiredString(*body, "password", service::kMaxPasswordLength));
  return EmptyOr(service::VerifyUserPassword(ctx, req.Param("userId"), password), 204);
}

http::Response SetSuspended(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::optional<bool> suspended;
  GH_READ(suspended, OptBool(*body, "isSuspended"));
  if (!suspended)
    return ErrorResponse(Error::InvalidInput("Invalid input: `isSuspended` is required."));
  return JsonOr(service::SetUserSuspended(ctx, req.Param("userId"), *suspended), 200, UserJson);
}

http::Response SetCustomData(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::optional<Json> data;
  GH_READ(data, OptObject(*body, "customData"));
  if (!data) return ErrorResponse(Error::InvalidInput("Invalid input: `customData` is required."));
  service::UserPatch p;
  p.custom_data = std::move(*data);
  return JsonOr(service::UpdateUser(ctx, req.Param("userId"), p), 200,
                [](const model::User& u) { return u.custom_data; });
}

http::Response List(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page, service::ListUsers(ctx, SearchQuery(req), *page), UserJson);
}

Json UserOrganizationJson(const service::UserOrganization& o) {
  Json out = OrganizationJson(o.organization);
  out["organizationRoles"] = RoleRefsJson(o.roles);
  return out;
}

#undef GH_READ

}  // namespace

void RegisterUserRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string base = "/api/users";
  const std::string one = base + "/:userId";
  auto get = [ctx](auto fn) { return [ctx, fn](http::Request& req) { return fn(ctx, req); }; };
  routes.Add("GET", base, kTag, "List users", 200, get(List));
  routes.Add("POST", base, kTag, "Create a user", 200, get(Create), UserBodySchema(true));
  routes.Add("GET", one, kTag, "Get a user", 200, [ctx](http::Request& req) {
    return JsonOr(service::GetUser(ctx, req.Param("userId")), 200, UserJson);
  });
  routes.Add("PATCH", one, kTag, "Update a user", 200, get(Update), UserBodySchema(false));
  routes.Add("DELETE", one, kTag, "Delete a user", 204, [ctx](http::Request& req) {
    return EmptyOr(service::DeleteUser(ctx, req.Param("userId")), 204);
  });
  routes.Add("PATCH", one + "/password", kTag, "Set a user's password", 200, get(SetPassword),
             kPasswordSchema);
  routes.Add("POST", one + "/password/verify", kTag, "Verify a user's password", 204,
             get(VerifyPassword), kPasswordSchema);
  routes.Add("GET", one + "/has-password", kTag, "Whether a user has a password", 200,
             [ctx](http::Request& req) {
               return JsonOr(service::GetUser(ctx, req.Param("userId")), 200,
                             [](const model::User& u) {
                               return Json{{"hasPassword", u.password_hash.has_value()}};
                             });
             });
  routes.Add("PATCH", one + "/is-suspended", kTag, "Suspend or reinstate a user", 200,
             get(SetSuspended),
             Json{{"type", "object"},
                  {"required", {"isSuspended"}},
                  {"properties", {{"isSuspended", {{"type", "boolean"}}}}}});
  routes.Add("GET", one + "/custom-data", kTag, "Get a user's custom data", 200,
             [ctx](http::Request& req) {
               return JsonOr(service::GetUser(ctx, req.Param("userId")), 200,
                             [](const model::User& u) { return u.custom_data; });
             });
  routes.Add("PATCH", one + "/custom-data", kTag, "Replace a user's custom data", 200,
             get(SetCustomData),
             Json{{"type", "object"},
                  {"required", {"customData"}},
                  {"properties", {{"customData", {{"type", "object"}}}}}});
  routes.Add("GET", one + "/organizations", kTag, "List the organizations of a user", 200,
             [ctx](http::Request& req) {
               return JsonOr(service::OrganizationsOfUser(ctx, req.Param("userId")), 200,
                             [](const std::vector<service::UserOrganization>& orgs) {
                               return JsonArray(orgs, UserOrganizationJson);
                             });
             });
}

}  // namespace gatehouse::api
