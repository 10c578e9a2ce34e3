// Management API routes of API.md "global roles": roles, their scopes, users (User roles) and
// applications (MachineToMachine roles). Handlers parse, call one service/resources/roles.h function and
// map the result.
#include "service/resources/roles.h"

#include "api/json_input.h"
#include "api/organizations_json.h"
#include "api/register.h"
#include "api/users_json.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Roles";

Json IdsSchema(const char* key) {
  return {{"type", "object"},
          {"required", {key}},
          {"properties",
           {{key, {{"type", "array"}, {"minItems", 1}, {"items", {{"type", "string"}}}}}}}};
}

const Json kRoleSchema = {
    {"type", "object"},
    {"required", {"name", "description"}},
    {"properties",
     {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxName}}},
      {"description", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxDescription}}},
      {"type", {{"type", "string"}, {"enum", {"User", "MachineToMachine"}}}},
      {"scopeIds", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};

#define GH_READ(out, expr)                                 \
  do {                                                     \
    auto gh_read_ = (expr);                                \
    if (!gh_read_) return ErrorResponse(gh_read_.error()); \
    out = std::move(*gh_read_);                            \
  } while (0)

Result<std::optional<model::RoleType>> ReadType(std::optional<std::string_view> text) {
  if (!text) return std::optional<model::RoleType>{};
  auto t = model::ParseRoleType(*text);
  if (!t)
    return Fail(Error::InvalidInput("Invalid input: `type` must be User or MachineToMachine."));
  return std::optional<model::RoleType>(*t);
}

http::Response Create(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::NewRole role;
  GH_READ(role.name, RequiredString(*body, "name", kMaxName));
  GH_READ(role.description, RequiredString(*body, "description", kMaxDescription));
  std::optional<std::string> type_text;
  GH_READ(type_text, OptString(*body, "type", 32));
  std::optional<model::RoleType> type;
  GH_READ(type, ReadType(type_text ? std::optional<std::string_view>(*type_text) : std::nullopt));
  role.type = type.value_or(model::RoleType::kUser);
  std::optional<std::vector<std::string>> scope_ids;
  GH_READ(scope_ids, OptStringArray(*body, "scopeIds"));
  if (scope_ids) role.scope_ids = std::move(*scope_ids);
  return JsonOr(service::CreateRole(ctx, role), 200, RoleJson);
}

http::Response Update(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::RolePatch p;
  GH_READ(p.name, OptString(*body, "name", kMaxName));
  GH_READ(p.description, OptString(*body, "description", kMaxDescription));
  if ((p.name && p.name->empty()) || (p.description && p.description->empty())) {
    return ErrorResponse(
        Error::InvalidInput("Invalid input: `name` and `description` must not be empty."));
  }
  return JsonOr(service::UpdateRole(ctx, req.Param("id"), p), 200, RoleJson);
}

Json RoleListItemJson(const service::RoleListItem& item) {
  Json out = RoleJson(item.role);
  out["usersCount"] = item.holders.users_count;
  out["featuredUsers"] = JsonArray(item.holders.featured_users, [](const store::FeaturedUser& u) {
    return Json{{"id", u.id},
                {"avatar", u.avatar ? Json(*u.avatar) : Json(nullptr)},
                {"name", u.name ? Json(*u.name) : Json(nullptr)}};
  });
  out["applicationsCount"] = item.holders.applications_count;
  out["featuredApplications"] =
      JsonArray(item.holders.featured_applications, [](const model::Application& a) {
        return Json{{"id", a.id}, {"name", a.name}, {"type", model::ToString(a.type)}};
      });
  return out;
}

http::Response List(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  store::RoleFilter f;
  f.q = SearchQuery(req);
  GH_READ(f.type, ReadType(req.Query("type")));
  if (auto v = req.Query("excludeUserId"); v && !v->empty()) f.exclude_user_id = std::string(*v);
  if (auto v = req.Query("excludeApplicationId"); v && !v->empty()) {
    f.exclude_application_id = std::string(*v);
  }
  return PageOr(req, *page, service::ListRoles(ctx, f, *page), RoleListItemJson);
}

Json ScopeWithResourceJson(const store::ScopeWithResource& s) {
  Json out = ScopeJson(s.scope);
  out["resource"] = ResourceJson(s.resource);
  return out;
}

http::Response ListScopes(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/false);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page, service::ListRoleScopes(ctx, req.Param("id"), SearchQuery(req), *page),
                ScopeWithResourceJson);
}

http::Response AddScopes(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::vector<std::string> ids;
  GH_READ(ids, RequiredStringArray(*body, "scopeIds", /*allow_empty=*/false));
  return JsonOr(service::AddRoleScopes(ctx, req.Param("id"), ids), 201,
                [](const std::vector<model::Scope>& s) { return JsonArray(s, ScopeJson); });
}

http::Response ListUsers(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page, service::ListRoleUsers(ctx, req.Param("id"), SearchQuery(req), *page),
                UserJson);
}

http::Response AddUsers(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::vector<std::string> ids;
  GH_READ(ids, RequiredStringArray(*body, "userIds", /*allow_empty=*/false));
  return EmptyOr(service::AddRoleUsers(ctx, req.Param("id"), ids), 201);
}

http::Response ListApplications(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page,
                service::ListRoleApplications(ctx, req.Param("id"), SearchQuery(req), *page),
                ApplicationJson);
}

http::Response AddApplications(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::vector<std::string> ids;
  GH_READ(ids, RequiredStringArray(*body, "applicationIds", /*allow_empty=*/false));
  return EmptyOr(service::AddRoleApplications(ctx, req.Param("id"), ids), 201);
}

#undef GH_READ

}  // namespace

void RegisterRoleRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string base = "/api/roles";
  const std::string one = base + "/:id";
  auto bind = [ctx](auto fn) { return [ctx, fn](http::Request& req) { return fn(ctx, req); }; };
  routes.Add("GET", base, kTag, "List roles", 200, bind(List));
  routes.Add("POST", base, kTag, "Create a role", 200, bind(Create), kRoleSchema);
  routes.Add("GET", one, kTag, "Get a role", 200, [ctx](http::Request& req) {
    return JsonOr(service::GetRole(ctx, req.Param("id")), 200, RoleJson);
  });
  Json patch_schema = kRoleSchema;
  patch_schema.erase("required");
  patch_schema["properties"].erase("type");
  patch_schema["properties"].erase("scopeIds");
  routes.Add("PATCH", one, kTag, "Update a role", 200, bind(Update), patch_schema);
  routes.Add("DELETE", one, kTag, "Delete a role", 204, [ctx](http::Request& req) {
    return EmptyOr(service::DeleteRole(ctx, req.Param("id")), 204);
  });
  routes.Add("GET", one + "/scopes", kTag, "List the scopes of a role", 200, bind(ListScopes));
  routes.Add("POST", one + "/scopes", kTag, "Add scopes to a role", 201, bind(AddScopes),
             IdsSchema("scopeIds"));
  routes.Add("DELETE", one + "/scopes/:scopeId", kTag, "Remove a scope from a role", 204,
             [ctx](http::Request& req) {
               return EmptyOr(service::RemoveRoleScope(ctx, req.Param("id"), req.Param("scopeId")),
                              204);
             });
  routes.Add("GET", one + "/users", kTag, "List the users of a role", 200, bind(ListUsers));
  routes.Add("POST", one + "/users", kTag, "Assign a User role to users", 201, bind(AddUsers),
             IdsSchema("userIds"));
  routes.Add("DELETE", one + "/users/:userId", kTag, "Remove a role from a user", 204,
             [ctx](http::Request& req) {
               return EmptyOr(service::RemoveRoleUser(ctx, req.Param("id"), req.Param("userId")),
                              204);
             });
  routes.Add("GET", one + "/applications", kTag, "List the applications of a role", 200,
             bind(ListApplications));
  routes.Add("POST", one + "/applications", kTag, "Assign a MachineToMachine role to applications",
             201, bind(AddApplications), IdsSchema("applicationIds"));
  routes.Add("DELETE", one + "/applications/:applicationId", kTag,
             "Remove a role from an application", 204, [ctx](http::Request& req) {
               return EmptyOr(
                   service::RemoveRoleApplication(ctx, req.Param("id"), req.Param("applicationId")),
                   204);
             });
}

}  // namespace gatehouse::api
