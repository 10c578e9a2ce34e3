// Management API: organization scopes (permissions) of the template — API.md "Organization
// template" → /organization-scopes. Handlers parse, call service/template/organization_template.h, map.
#include "api/json_input.h"
#include "api/organizations_json.h"
#include "api/register.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Organization scopes";

const Json kCreateSchema = {
    {"type", "object"},
    {"required", {"name"}},
    {"properties",
     {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxName}}},
      {"description", {{"type", "string"}, {"maxLength", kMaxDescription}, {"nullable", true}}}}}};

http::Response Create(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  auto name = RequiredString(*body, "name", kMaxName);
  if (!name) return ErrorResponse(name.error());
  auto description = OptString(*body, "description", kMaxDescription);
  if (!description) return ErrorResponse(description.error());
  return JsonOr(service::CreateOrganizationScope(ctx, std::move(*name), std::move(*description)),
                201, OrganizationScopeJson);
}

http::Response List(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/false);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page, service::ListOrganizationScopes(ctx, SearchQuery(req), *page),
                OrganizationScopeJson);
}

http::Response Update(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::OrganizationScopePatch patch;
  auto name = OptString(*body, "name", kMaxName);
  if (!name) return ErrorResponse(name.error());
  if (*name && (*name)->empty()) {
    return ErrorResponse(Error::InvalidInput("Invalid input: `name` must not be empty."));
  }
  patch.name = std::move(*name);
  auto description = NullableString(*body, "description", kMaxDescription);
  if (!description) return ErrorResponse(description.error());
  patch.description = std::move(*description);
  return JsonOr(service::UpdateOrganizationScope(ctx, req.Param("id"), patch), 200,
                OrganizationScopeJson);
}

}  // namespace

void RegisterOrganizationScopeRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string base = "/api/organization-scopes";
  routes.Add("GET", base, kTag, "List organization scopes", 200,
             [ctx](http::Request& req) { return List(ctx, req); });
  routes.Add("POST", base, kTag, "Create an organization scope", 201,
             [ctx](http::Request& req) { return Create(ctx, req); }, kCreateSchema);
  routes.Add("GET", base + "/:id", kTag, "Get an organization scope", 200,
             [ctx](http::Request& req) {
               return JsonOr(service::GetOrganizationScope(ctx, req.Param("id")), 200,
                             OrganizationScopeJson);
             });
  Json patch_schema = kCreateSchema;
  patch_schema.erase("required");
  routes.Add("PATCH", base + "/:id", kTag, "Update an organization scope", 200,
             [ctx](http::Request& req) { return Update(ctx, req); }, patch_schema);
  routes.Add("DELETE", base + "/:id", kTag, "Delete an organization scope", 204,
             [ctx](http::Request& req) {
               return EmptyOr(service::DeleteOrganizationScope(ctx, req.Param("id")), 204);
             });
}

}  // namespace gatehouse::api
