// Management API routes of API.md "API resources": resources (RFC 8707 indicators) and their
// scopes. Handlers parse, call one service/resources/resources.h function and map the result.
#include "service/resources/resources.h"

#include "api/json_input.h"
#include "api/organizations_json.h"
#include "api/register.h"
#include "api/users_json.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Resources";

const Json kResourceSchema = {
    {"type", "object"},
    {"required", {"name", "indicator"}},
    {"properties",
     {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxName}}},
      {"indicator",
       {{"type", "string"}, {"minLength", 1}, {"maxLength", service::kMaxIndicatorLength}}},
      {"accessTokenTtl", {{"type", "integer"}, {"minimum", 1}}}}}};

const Json kScopeSchema = {
    {"type", "object"},
    {"required", {"name"}},
    {"properties",
     {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", service::kMaxScopeNameLength}}},
      {"description", {{"type", "string"}, {"maxLength", kMaxDescription}, {"nullable", true}}}}}};

#define GH_READ(out, expr)                                 \
  do {                                                     \
    auto gh_read_ = (expr);                                \
    if (!gh_read_) return ErrorResponse(gh_read_.error()); \
    out = std::move(*gh_read_);                            \
  } while (0)

http::Response Create(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::NewResource r;
  GH_READ(r.name, RequiredString(*body, "name", kMaxName));
  GH_READ(r.indicator, RequiredString(*body, "indicator", service::kMaxIndicatorLength));
  GH_READ(r.access_token_ttl, OptInt(*body, "accessTokenTtl"));
  return JsonOr(service::CreateResource(ctx, r), 201, [](const model::Resource& res) {
    Json out = ResourceJson(res);
    out["scopes"] = Json::array();
    return out;
  });
}

http::Response Update(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::ResourcePatch p;
  GH_READ(p.name, OptString(*body, "name", kMaxName));
  if (p.name && p.name->empty()) {
    return ErrorResponse(Error::InvalidInput("Invalid input: `name` must not be empty."));
  }
  GH_READ(p.access_token_ttl, OptInt(*body, "accessTokenTtl"));
  return JsonOr(service::UpdateResource(ctx, req.Param("id"), p), 200, ResourceJson);
}

http::Response List(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/false);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page, service::ListResources(ctx, SearchQuery(req), *page), ResourceJson);
}

http::Response CreateScope(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::string name;
  GH_READ(name, RequiredString(*body, "name", service::kMaxScopeNameLength));
  std::optional<std::string> description;
  GH_READ(description, OptString(*body, "description", kMaxDescription));
  return JsonOr(service::CreateScope(ctx, req.Param("resourceId"), name, description), 201,
                ScopeJson);
}

http::Response UpdateScope(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::ScopePatch p;
  GH_READ(p.name, OptString(*body, "name", service::kMaxScopeNameLength));
  if (p.name && p.name->empty()) {
    return ErrorResponse(Error::InvalidInput("Invalid input: `name` must not be empty."));
  }
  GH_READ(p.description, NullableString(*body, "description", kMaxDescription));
  return JsonOr(service::UpdateScope(ctx, req.Param("resourceId"), req.Param("scopeId"), p), 200,
                ScopeJson);
}

http::Response ListScopes(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/false);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page,
                service::ListScopes(ctx, req.Param("resourceId"), SearchQuery(req), *page),
                ScopeJson);
}

#undef GH_READ

}  // namespace

void RegisterResourceRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string base = "/api/resources";
  const std::string one = base + "/:id";
  const std::string scopes = base + "/:resourceId/scopes";
  auto bind = [ctx](auto fn) { return [ctx, fn](http::Request& req) { return fn(ctx, req); }; };
  routes.Add("GET", base, kTag, "List API resources", 200, bind(List));
  routes.Add("POST", base, kTag, "Create an API resource", 201, bind(Create), kResourceSchema);
  routes.Add("GET", one, kTag, "Get an API resource", 200, [ctx](http::Request& req) {
    return JsonOr(service::GetResource(ctx, req.Param("id")), 200, ResourceJson);
  });
  Json patch_schema = kResourceSchema;
  patch_schema.erase("required");
  patch_schema["properties"].erase("indicator");
  routes.Add("PATCH", one, kTag, "Update an API resource", 200, bind(Update), patch_schema);
  routes.Add("DELETE", one, kTag, "Delete an API resource", 204, [ctx](http::Request& req) {
    return EmptyOr(service::DeleteResource(ctx, req.Param("id")), 204);
  });
  routes.Add("GET", scopes, kTag, "List the scopes of an API resource", 200, bind(ListScopes));
  routes.Add("POST", scopes, kTag, "Create a scope", 201, bind(CreateScope), kScopeSchema);
  Json scope_patch = kScopeSchema;
  scope_patch.erase("required");
  routes.Add("PATCH", scopes + "/:scopeId", kTag, "Update a scope", 200, bind(UpdateScope),
             scope_patch);
  routes.Add("DELETE", scopes + "/:scopeId", kTag, "Delete a scope", 204,
             [ctx](http::Request& req) {
               return EmptyOr(
                   service::DeleteScope(ctx, req.Param("resourceId"), req.Param("scopeId")), 204);
             });
}

}  // namespace gatehouse::api
