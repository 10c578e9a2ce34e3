// Management API: M2M applications as organization members and their organization roles —
// API.md "Organizations" → /organizations/:id/applications...
#include "api/json_input.h"
#include "api/organization_members.h"
#include "api/organizations_json.h"
#include "service/organizations/member_apps.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Organization applications";

Json IdsSchema(std::initializer_list<const char*> keys) {
  Json props = Json::object();
  for (const char* k : keys) props[k] = {{"type", "array"}, {"items", {{"type", "string"}}}};
  return {{"type", "object"},
          {"required", std::vector<std::string>(keys.begin(), keys.end())},
          {"properties", props}};
}

http::Response WriteApps(const service::Context& ctx, const http::Request& req, bool replace) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  auto ids = RequiredStringArray(*body, "applicationIds", /*allow_empty=*/replace);
  if (!ids) return ErrorResponse(ids.error());
  if (replace) {
    return EmptyOr(service::ReplaceOrganizationApplications(ctx, req.Param("id"), *ids), 204);
  }
  return EmptyOr(service::AddOrganizationApplications(ctx, req.Param("id"), *ids), 201);
}

http::Response AssignRoles(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  auto apps = RequiredStringArray(*body, "applicationIds", /*allow_empty=*/false);
  if (!apps) return ErrorResponse(apps.error());
  auto roles = RequiredStringArray(*body, "organizationRoleIds", /*allow_empty=*/false);
  if (!roles) return ErrorResponse(roles.error());
  return EmptyOr(
      service::AssignOrganizationApplicationsRoles(ctx, req.Param("id"), *apps, *roles), 201);
}

http::Response WriteAppRoles(const service::Context& ctx, const http::Request& req,
                             bool replace) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  auto roles = RequiredStringArray(*body, "organizationRoleIds");
  if (!roles) return ErrorResponse(roles.error());
  const auto& org = req.Param("id");
  const auto& app = req.Param("applicationId");
  if (replace) {
    return EmptyOr(service::ReplaceOrganizationApplicationRoles(ctx, org, app, *roles), 204);
  }
  return EmptyOr(service::AddOrganizationApplicationRoles(ctx, org, app, *roles), 201);
}

}  // namespace

void RegisterOrganizationApplicationRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string apps = "/api/organizations/:id/applications";
  routes.Add("GET", apps, kTag, "List the applications of an organization", 200,
             [ctx](http::Request& req) {
               auto page = ParsePage(req, /*always_paginate=*/true);
               if (!page) return ErrorResponse(page.error());
               return PageOr(req, *page,
                             service::ListOrganizationApplications(ctx, req.Param("id"),
                                                                   SearchQuery(req), *page),
                             OrganizationApplicationJson);
             });
  routes.Add("POST", apps, kTag, "Add applications to an organization", 201,
             [ctx](http::Request& req) { return WriteApps(ctx, req, false); },
             IdsSchema({"applicationIds"}));
  routes.Add("PUT", apps, kTag, "Replace the applications of an organization", 204,
             [ctx](http::Request& req) { return WriteApps(ctx, req, true); },
             IdsSchema({"applicationIds"}));
  routes.Add("DELETE", apps + "/:applicationId", kTag,
             "Remove an application from an organization", 204, [ctx](http::Request& req) {
               return EmptyOr(service::RemoveOrganizationApplication(ctx, req.Param("id"),
                                                                     req.Param("applicationId")),
                              204);
             });
  routes.Add("POST", apps + "/roles", kTag, "Assign organization roles to applications", 201,
             [ctx](http::Request& req) { return AssignRoles(ctx, req); },
             IdsSchema({"applicationIds", "organizationRoleIds"}));

  const std::string roles = apps + "/:applicationId/roles";
  routes.Add("GET", roles, kTag, "List the organization roles of an application", 200,
             [ctx](http::Request& req) {
               auto page = ParsePage(req, /*always_paginate=*/false);
               if (!page) return ErrorResponse(page.error());
               return SlicedOr(req, *page,
                               service::ListOrganizationApplicationRoles(
                                   ctx, req.Param("id"), req.Param("applicationId")),
                               OrganizationRoleJson);
             });
  routes.Add("POST", roles, kTag, "Assign organization roles to an application", 201,
             [ctx](http::Request& req) { return WriteAppRoles(ctx, req, false); },
             IdsSchema({"organizationRoleIds"}));
  routes.Add("PUT", roles, kTag, "Replace the organization roles of an application", 204,
             [ctx](http::Request& req) { return WriteAppRoles(ctx, req, true); },
             IdsSchema({"organizationRoleIds"}));
  routes.Add("DELETE", roles + "/:organizationRoleId", kTag,
             "Remove an organization role from an application", 204, [ctx](http::Request& req) {
               return EmptyOr(service::RemoveOrganizationApplicationRole(
                                  ctx, req.Param("id"), req.Param("applicationId"),
                                  req.Param("organizationRoleId")),
                              204);
             });
}

}  // namespace gatehouse::api
