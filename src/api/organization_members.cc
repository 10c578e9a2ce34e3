// Management API: organization members (users) and their organization roles — API.md
// "Organizations" → /organizations/:id/users...
#include "api/organization_members.h"

#include "api/json_input.h"
#include "api/organizations_json.h"
#include "service/organizations/members.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Organization members";

Json IdsSchema(std::initializer_list<const char*> keys, bool required = true) {
  Json props = Json::object();
  for (const char* k : keys) props[k] = {{"type", "array"}, {"items", {{"type", "string"}}}};
  Json s = {{"type", "object"}, {"properties", props}};
  if (required) s["required"] = Json(std::vector<std::string>(keys.begin(), keys.end()));
  return s;
}

http::Response ListUsers(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  std::optional<std::string> role_id;
  if (auto r = req.Query("organizationRoleId"); r && !r->empty()) role_id = std::string(*r);
  return PageOr(req, *page,
                service::ListOrganizationUsers(ctx, req.Param("id"), SearchQuery(req), role_id,
                                               *page),
                OrganizationUserJson);
}

// POST: adds and echoes the body's userIds as sent (Logto does); PUT: replaces.
http::Response WriteUsers(const service::Context& ctx, const http::Request& req, bool replace) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  auto ids = RequiredStringArray(*body, "userIds", /*allow_empty=*/replace);
  if (!ids) return ErrorResponse(ids.error());
  if (replace) return EmptyOr(service::ReplaceOrganizationUsers(ctx, req.Param("id"), *ids), 204);
  auto added = service::AddOrganizationUsers(ctx, req.Param("id"), *ids);
  if (!added) return ErrorResponse(added.error());
  return http::Response::Json(201, Json{{"userIds", (*body)["userIds"]}});
}

http::Response AssignRoles(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  auto users = RequiredStringArray(*body, "userIds", /*allow_empty=*/false);
  if (!users) return ErrorResponse(users.error());
  auto roles = RequiredStringArray(*body, "organizationRoleIds", /*allow_empty=*/false);
  if (!roles) return ErrorResponse(roles.error());
  return EmptyOr(service::AssignOrganizationUsersRoles(ctx, req.Param("id"), *users, *roles), 201);
}

Result<service::RoleSelection> ParseRoleSelection(const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return Fail(body.error());
  auto ids = OptStringArray(*body, "organizationRoleIds");
  if (!ids) return Fail(ids.error());
  auto names = OptStringArray(*body, "organizationRoleNames");
  if (!names) return Fail(names.error());
  return service::RoleSelection{ids->value_or(std::vector<std::string>{}),
                                names->value_or(std::vector<std::string>{})};
}

http::Response WriteUserRoles(const service::Context& ctx, const http::Request& req,
                              bool replace) {
  auto roles = ParseRoleSelection(req);
  if (!roles) return ErrorResponse(roles.error());
  const auto& org = req.Param("id");
  const auto& user = req.Param("userId");
  if (replace) return EmptyOr(service::ReplaceOrganizationUserRoles(ctx, org, user, *roles), 204);
  return JsonOr(service::AddOrganizationUserRoles(ctx, org, user, *roles), 201,
                [](const std::vector<std::string>& ids) {
                  return Json{{"organizationRoleIds", ids}};
                });
}

}  // namespace

void RegisterOrganizationMemberRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string users = "/api/organizations/:id/users";
  routes.Add("GET", users, kTag, "List the members of an organization", 200,
             [ctx](http::Request& req) { return ListUsers(ctx, req); });
  routes.Add("POST", users, kTag, "Add members to an organization", 201,
             [ctx](http::Request& req) { return WriteUsers(ctx, req, false); },
             IdsSchema({"userIds"}));
  routes.Add("PUT", users, kTag, "Replace the members of an organization", 204,
             [ctx](http::Request& req) { return WriteUsers(ctx, req, true); },
             IdsSchema({"userIds"}));
  routes.Add("DELETE", users + "/:userId", kTag, "Remove a member from an organization", 204,
             [ctx](http::Request& req) {
               return EmptyOr(
                   service::RemoveOrganizationUser(ctx, req.Param("id"), req.Param("userId")),
                   204);
             });
  routes.Add("POST", users + "/roles", kTag, "Assign organization roles to members", 201,
             [ctx](http::Request& req) { return AssignRoles(ctx, req); },
             IdsSchema({"userIds", "organizationRoleIds"}));

  const std::string roles = users + "/:userId/roles";
  routes.Add("GET", roles, kTag, "List the organization roles of a member", 200,
             [ctx](http::Request& req) {
               auto page = ParsePage(req, /*always_paginate=*/false);
               if (!page) return ErrorResponse(page.error());
               return SlicedOr(req, *page,
                               service::ListOrganizationUserRoles(ctx, req.Param("id"),
                                                                 req.Param("userId")),
                               OrganizationRoleJson);
             });
  routes.Add("POST", roles, kTag, "Assign organization roles to a member", 201,
             [ctx](http::Request& req) { return WriteUserRoles(ctx, req, false); },
             IdsSchema({"organizationRoleIds", "organizationRoleNames"}, false));
  routes.Add("PUT", roles, kTag, "Replace the organization roles of a member", 204,
             [ctx](http::Request& req) { return WriteUserRoles(ctx, req, true); },
             IdsSchema({"organizationRoleIds", "organizationRoleNames"}, false));
  routes.Add("DELETE", roles + "/:organizationRoleId", kTag,
             "Remove an organization role from a member", 204, [ctx](http::Request& req) {
               return EmptyOr(service::RemoveOrganizationUserRole(ctx, req.Param("id"),
                                                                  req.Param("userId"),
                                                                  req.Param("organizationRoleId")),
                              204);
             });
  routes.Add("GET", users + "/:userId/scopes", kTag,
             "List the organization scopes a member holds", 200, [ctx](http::Request& req) {
               return JsonOr(service::ListOrganizationUserScopes(ctx, req.Param("id"),
                                                                 req.Param("userId")),
                             200, [](const std::vector<model::OrganizationScope>& scopes) {
                               return JsonArray(scopes, OrganizationScopeJson);
                             });
             });
}

}  // namespace gatehouse::api
