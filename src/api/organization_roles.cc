// Management API: organization roles of the template and their permissions — API.md
// "Organization template" → /organization-roles, /:id/scopes, /:id/resource-scopes.
#include "api/json_input.h"
#include "api/organizations_json.h"
#include "api/register.h"
#include "service/template/relations.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Organization roles";

Json RoleSchema(bool create) {
  Json s = {{"type", "object"},
            {"properties",
             {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxName}}},
              {"description",
               {{"type", "string"}, {"maxLength", kMaxDescription}, {"nullable", true}}},
              {"type", {{"type", "string"}, {"enum", {"User", "MachineToMachine"}}}}}}};
  if (create) {
    s["required"] = {"name"};
    s["properties"]["organizationScopeIds"] = {{"type", "array"}, {"items", {{"type", "string"}}}};
    s["properties"]["resourceScopeIds"] = {{"type", "array"}, {"items", {{"type", "string"}}}};
  }
  return s;
}

Json IdsSchema(const char* key) {
  return {{"type", "object"},
          {"required", {key}},
          {"properties", {{key, {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
}

Result<std::optional<model::RoleType>> OptRoleType(const Json& body) {
  auto type = OptString(body, "type", 32);
  if (!type) return Fail(type.error());
  if (!*type) return std::optional<model::RoleType>{};
  auto parsed = model::ParseRoleType(**type);
  if (!parsed) {
    return Fail(Error::InvalidInput("Invalid input: `type` must be User or MachineToMachine."));
  }
  return std::optional<model::RoleType>(*parsed);
}

http::Response Create(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::OrganizationRoleInput in;
  auto name = RequiredString(*body, "name", kMaxName);
  if (!name) return ErrorResponse(name.error());
  in.name = std::move(*name);
  auto description = OptString(*body, "description", kMaxDescription);
  if (!description) return ErrorResponse(description.error());
  in.description = std::move(*description);
  auto type = OptRoleType(*body);
  if (!type) return ErrorResponse(type.error());
  in.type = type->value_or(model::RoleType::kUser);
  auto scope_ids = OptStringArray(*body, "organizationScopeIds");
  if (!scope_ids) return ErrorResponse(scope_ids.error());
  in.organization_scope_ids = scope_ids->value_or(std::vector<std::string>{});
  auto resource_scope_ids = OptStringArray(*body, "resourceScopeIds");
  if (!resource_scope_ids) return ErrorResponse(resource_scope_ids.error());
  in.resource_scope_ids = resource_scope_ids->value_or(std::vector<std::string>{});
  return JsonOr(service::CreateOrganizationRole(ctx, std::move(in)), 201, OrganizationRoleJson);
}

http::Response Update(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::OrganizationRolePatch patch;
  auto name = OptString(*body, "name", kMaxName);
  if (!name) return ErrorResponse(name.error());
  if (*name && (*name)->empty()) {
    return ErrorResponse(Error::InvalidInput("Invalid input: `name` must not be empty."));
  }
  patch.name = std::move(*name);
  auto description = NullableString(*body, "description", kMaxDescription);
  if (!description) return ErrorResponse(description.error());
  patch.description = std::move(*description);
  auto type = OptRoleType(*body);
  if (!type) return ErrorResponse(type.error());
  patch.type = *type;
  return JsonOr(service::UpdateOrganizationRole(ctx, req.Param("id"), patch), 200,
                OrganizationRoleJson);
}

http::Response List(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page, service::ListOrganizationRoles(ctx, SearchQuery(req), *page),
                OrganizationRoleDetailJson);
}

// POST (add) or PUT (replace) of a role's permissions of `kind`, ids under `key`.
http::Response WritePermissions(const service::Context& ctx, const http::Request& req,
                                service::RolePermissionKind kind, const char* key, bool replace) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  auto ids = RequiredStringArray(*body, key);
  if (!ids) return ErrorResponse(ids.error());
  if (replace) {
    return EmptyOr(service::ReplaceRolePermissions(ctx, kind, req.Param("id"), *ids), 204);
  }
  return EmptyOr(service::AddRolePermissions(ctx, kind, req.Param("id"), *ids), 201);
}

// The /scopes or /resource-scopes relation routes of a role.
void RegisterPermissionRoutes(RouteTable& routes, const service::Context& ctx,
                              service::RolePermissionKind kind) {
  const bool org = kind == service::RolePermissionKind::kOrganizationScope;
  const std::string path = org ? "/api/organization-roles/:id/scopes"
                               : "/api/organization-roles/:id/resource-scopes";
  const char* key = org ? "organizationScopeIds" : "scopeIds";
  const std::string param = org ? "organizationScopeId" : "scopeId";
  const std::string what = org ? "organization scopes" : "resource scopes";
  routes.Add("GET", path, kTag, "List the " + what + " of an organization role", 200,
             [ctx, org](http::Request& req) {
               auto page = ParsePage(req, /*always_paginate=*/false);
               if (!page) return ErrorResponse(page.error());
               if (org) {
                 return SlicedOr(req, *page,
                                 service::ListRoleOrganizationScopes(ctx, req.Param("id")),
                                 OrganizationScopeJson);
               }
               return SlicedOr(req, *page, service::ListRoleResourceScopes(ctx, req.Param("id")),
                               ResourceScopeJson);
             });
  routes.Add("POST", path, kTag, "Add " + what + " to an organization role", 201,
             [ctx, kind, key](http::Request& req) {
               return WritePermissions(ctx, req, kind, key, /*replace=*/false);
             },
             IdsSchema(key));
  routes.Add("PUT", path, kTag, "Replace the " + what + " of an organization role", 204,
             [ctx, kind, key](http::Request& req) {
               return WritePermissions(ctx, req, kind, key, /*replace=*/true);
             },
             IdsSchema(key));
  routes.Add("DELETE", path + "/:" + param, kTag, "Remove a scope from an organization role", 204,
             [ctx, kind, param](http::Request& req) {
               return EmptyOr(
                   service::RemoveRolePermission(ctx, kind, req.Param("id"), req.Param(param)),
                   204);
             });
}

}  // namespace

void RegisterOrganizationRoleRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string base = "/api/organization-roles";
  routes.Add("GET", base, kTag, "List organization roles with their scopes", 200,
             [ctx](http::Request& req) { return List(ctx, req); });
  routes.Add("POST", base, kTag, "Create an organization role", 201,
             [ctx](http::Request& req) { return Create(ctx, req); }, RoleSchema(true));
  routes.Add("GET", base + "/:id", kTag, "Get an organization role", 200,
             [ctx](http::Request& req) {
               return JsonOr(service::GetOrganizationRole(ctx, req.Param("id")), 200,
                             OrganizationRoleJson);
             });
  routes.Add("PATCH", base + "/:id", kTag, "Update an organization role", 200,
             [ctx](http::Request& req) { return Update(ctx, req); }, RoleSchema(false));
  routes.Add("DELETE", base + "/:id", kTag, "Delete an organization role", 204,
             [ctx](http::Request& req) {
               return EmptyOr(service::DeleteOrganizationRole(ctx, req.Param("id")), 204);
             });
  RegisterPermissionRoutes(routes, ctx, service::RolePermissionKind::kOrganizationScope);
  RegisterPermissionRoutes(routes, ctx, service::RolePermissionKind::kResourceScope);
}

}  // namespace gatehouse::api
