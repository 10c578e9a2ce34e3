// Management API routes of API.md "Applications" (OIDC clients) and their secrets: handlers
// parse, call one service/applications/applications.h function and map the result.
#include "service/applications/applications.h"

#include "api/json_input.h"
#include "api/organizations_json.h"
#include "api/register.h"
#include "api/users_json.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Applications";
constexpr size_t kMaxSecretName = 256;

const Json kMetadataSchema = {
    {"type", "object"},
    {"properties",
     {{"redirectUris", {{"type", "array"}, {"items", {{"type", "string"}}}}},
      {"postLogoutRedirectUris", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};

Json ApplicationSchema(bool create) {
  Json props = {
      {"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxName}}},
      {"description", {{"type", "string"}, {"maxLength", kMaxDescription}, {"nullable", true}}},
      {"oidcClientMetadata", kMetadataSchema},
      {"customClientMetadata", {{"type", "object"}}}};
  Json schema = {{"type", "object"}, {"properties", props}};
  if (create) {
    schema["properties"]["type"] = {{"type", "string"},
                                    {"enum", {"Traditional", "SPA", "Native", "MachineToMachine"}}};
    schema["properties"]["isThirdParty"] = {{"type", "boolean"}};
    schema["required"] = {"name", "type"};
  }
  return schema;
}

const Json kSecretSchema = {
    {"type", "object"},
    {"required", {"name"}},
    {"properties",
     {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxSecretName}}},
      {"expiresAt", {{"type", "integer"}, {"nullable", true}}}}}};

#define GH_READ(out, expr)                                 \
  do {                                                     \
    auto gh_read_ = (expr);                                \
    if (!gh_read_) return ErrorResponse(gh_read_.error()); \
    out = std::move(*gh_read_);                            \
  } while (0)

http::Response Create(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::NewApplication a;
  GH_READ(a.name, RequiredString(*body, "name", kMaxName));
  GH_READ(a.description, OptString(*body, "description", kMaxDescription));
  std::string type;
  GH_READ(type, RequiredString(*body, "type", 32));
  auto parsed = model::ParseApplicationType(type);
  if (!parsed) {
    return ErrorResponse(Error::InvalidInput(
        "Invalid input: `type` must be Traditional, SPA, Native or MachineToMachine."));
  }
  a.type = *parsed;
  GH_READ(a.oidc_client_metadata, OptObject(*body, "oidcClientMetadata"));
  GH_READ(a.custom_client_metadata, OptObject(*body, "customClientMetadata"));
  std::optional<bool> third_party;
  GH_READ(third_party, OptBool(*body, "isThirdParty"));
  a.is_third_party = third_party.value_or(false);
  return JsonOr(service::CreateApplication(ctx, a), 200, ApplicationJson);
}

http::Response Update(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::ApplicationPatch p;
  GH_READ(p.name, OptString(*body, "name", kMaxName));
  if (p.name && p.name->empty()) {
    return ErrorResponse(Error::InvalidInput("Invalid input: `name` must not be empty."));
  }
  GH_READ(p.description, NullableString(*body, "description", kMaxDescription));
  GH_READ(p.oidc_client_metadata, OptObject(*body, "oidcClientMetadata"));
  GH_READ(p.custom_client_metadata, OptObject(*body, "customClientMetadata"));
  return JsonOr(service::UpdateApplication(ctx, req.Param("id"), p), 200, ApplicationJson);
}

http::Response List(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  store::ApplicationFilter f;
  f.q = SearchQuery(req);
  if (auto v = req.Query("excludeOrganizationId"); v && !v->empty())
    f.exclude_organization_id = std::string(*v);
  if (auto v = req.Query("excludeRoleId"); v && !v->empty()) f.exclude_role_id = std::string(*v);
  for (auto t : req.QueryAll("types")) {
    auto parsed = model::ParseApplicationType(t);
    if (!parsed)
      return ErrorResponse(
          Error::InvalidInput("Invalid input: unknown application type in `types`."));
    f.types.push_back(*parsed);
  }
  if (auto v = req.Query("isThirdParty")) {
    if (*v != "true" && *v != "false") {
      return ErrorResponse(
          Error::InvalidInput("Invalid input: `isThirdParty` must be true or false."));
    }
    f.is_third_party = *v == "true";
  }
  return PageOr(req, *page, service::ListApplications(ctx, f, *page), ApplicationJson);
}

Json ApplicationOrganizationJson(const store::ApplicationOrganizationRow& row) {
  Json out = OrganizationJson(row.organization);
  out["organizationRoles"] = RoleRefsJson(row.roles);
  return out;
}

http::Response Organizations(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/false);
  if (!page) return ErrorResponse(page.error());
  return PageOr(req, *page, service::ListApplicationOrganizations(ctx, req.Param("id"), *page),
                ApplicationOrganizationJson);
}

http::Response CreateSecret(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::string name;
  GH_READ(name, RequiredString(*body, "name", kMaxSecretName));
  std::optional<int64_t> expires_at;
  GH_READ(expires_at, OptInt(*body, "expiresAt"));
  auto created = service::CreateSecret(ctx, req.Param("id"), name, expires_at);
  if (!created) return ErrorResponse(created.error());
  Json out = SecretJson(created->secret);
  out["value"] = created->value;  // shown once, here only
  auto res = http::Response::Json(201, out);
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

http::Response RenameSecret(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  std::string name;
  GH_READ(name, RequiredString(*body, "name", kMaxSecretName));
  return JsonOr(service::RenameSecret(ctx, req.Param("id"), req.Param("name"), name), 200,
                SecretJson);
}

#undef GH_READ

}  // namespace

void RegisterApplicationRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string base = "/api/applications";
  const std::string one = base + "/:id";
  auto bind = [ctx](auto fn) { return [ctx, fn](http::Request& req) { return fn(ctx, req); }; };
  routes.Add("GET", base, kTag, "List applications", 200, bind(List));
  routes.Add("POST", base, kTag, "Create an application", 200, bind(Create),
             ApplicationSchema(true));
  routes.Add("GET", one, kTag, "Get an application", 200, [ctx](http::Request& req) {
    return JsonOr(service::GetApplication(ctx, req.Param("id")), 200, ApplicationJson);
  });
  routes.Add("PATCH", one, kTag, "Update an application", 200, bind(Update),
             ApplicationSchema(false));
  routes.Add("DELETE", one, kTag, "Delete an application", 204, [ctx](http::Request& req) {
    return EmptyOr(service::DeleteApplication(ctx, req.Param("id")), 204);
  });
  routes.Add("GET", one + "/organizations", kTag, "List the organizations of an application", 200,
             bind(Organizations));
  routes.Add("POST", one + "/secrets", kTag, "Create a client secret", 201, bind(CreateSecret),
             kSecretSchema);
  routes.Add("GET", one + "/secrets", kTag, "List client secrets (without values)", 200,
             [ctx](http::Request& req) {
               return JsonOr(service::ListSecrets(ctx, req.Param("id")), 200,
                             [](const std::vector<model::ApplicationSecret>& s) {
                               return JsonArray(s, SecretJson);
                             });
             });
  Json rename_schema = kSecretSchema;
  rename_schema["properties"].erase("expiresAt");
  routes.Add("PATCH", one + "/secrets/:name", kTag, "Rename a client secret", 200,
             bind(RenameSecret), rename_schema);
  routes.Add("DELETE", one + "/secrets/:name", kTag, "Delete a client secret", 204,
             [ctx](http::Request& req) {
               return EmptyOr(service::DeleteSecret(ctx, req.Param("id"), req.Param("name")), 204);
             });
}

}  // namespace gatehouse::api
