// Management API: organizations — API.md "Organizations" → /organizations CRUD. Members, member
// roles and M2M applications are registered from organization_members.cc and
// organization_applications.cc.
#include "api/json_input.h"
#include "api/organization_members.h"
#include "api/organizations_json.h"
#include "api/register.h"

namespace gatehouse::api {
namespace {

constexpr const char* kTag = "Organizations";

Json OrganizationSchema(bool create) {
  Json s = {
      {"type", "object"},
      {"properties",
       {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxName}}},
        {"description", {{"type", "string"}, {"maxLength", kMaxDescription}, {"nullable", true}}},
        {"customData", {{"type", "object"}}},
        {"isMfaRequired", {{"type", "boolean"}}},
        {"color",
         {{"type", "object"},
          {"properties",
           {{"primaryColor", {{"type", "string"}}},
            {"isDarkModeEnabled", {{"type", "boolean"}}},
            {"darkPrimaryColor", {{"type", "string"}}}}}}},
        {"branding",
         {{"type", "object"},
          {"properties",
           {{"logoUrl", {{"type", "string"}, {"format", "url"}}},
            {"darkLogoUrl", {{"type", "string"}, {"format", "url"}}},
            {"favicon", {{"type", "string"}, {"format", "url"}}},
            {"darkFavicon", {{"type", "string"}, {"format", "url"}}}}}}},
        {"customCss", {{"type", "string"}, {"nullable", true}}}}}};
  if (create) s["required"] = {"name"};
  return s;
}

constexpr size_t kMaxCss = 64 * 1024;

// customData, color and branding are non-nullable objects (Logto's guards): absent → nullopt,
// null or any other type → 400.
Result<std::optional<Json>> ObjectField(const Json& body, std::string_view key) {
  if (auto it = body.find(key); it != body.end() && it->is_null()) {
    return Fail(Error::InvalidInput("Invalid input: `" + std::string(key) + "` must be an object."));
  }
  return OptObject(body, key);
}

http::Response Create(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::OrganizationInput in;
  auto name = RequiredString(*body, "name", kMaxName);
  if (!name) return ErrorResponse(name.error());
  in.name = std::move(*name);
  auto description = OptString(*body, "description", kMaxDescription);
  if (!description) return ErrorResponse(description.error());
  in.description = std::move(*description);
  auto custom_data = ObjectField(*body, "customData");
  if (!custom_data) return ErrorResponse(custom_data.error());
  if (*custom_data) in.custom_data = std::move(**custom_data);
  auto mfa = OptBool(*body, "isMfaRequired");
  if (!mfa) return ErrorResponse(mfa.error());
  in.is_mfa_required = mfa->value_or(false);
  auto color = ObjectField(*body, "color");
  if (!color) return ErrorResponse(color.error());
  if (*color) in.color = std::move(**color);
  auto branding = ObjectField(*body, "branding");
  if (!branding) return ErrorResponse(branding.error());
  if (*branding) in.branding = std::move(**branding);
  auto css = OptString(*body, "customCss", kMaxCss);
  if (!css) return ErrorResponse(css.error());
  in.custom_css = std::move(*css);
  return JsonOr(service::CreateOrganization(ctx, std::move(in)), 201, OrganizationJson);
}

http::Response Update(const service::Context& ctx, const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return ErrorResponse(body.error());
  service::OrganizationPatch patch;
  auto name = OptString(*body, "name", kMaxName);
  if (!name) return ErrorResponse(name.error());
  if (*name && (*name)->empty()) {
    return ErrorResponse(Error::InvalidInput("Invalid input: `name` must not be empty."));
  }
  patch.name = std::move(*name);
  auto description = NullableString(*body, "description", kMaxDescription);
  if (!description) return ErrorResponse(description.error());
  patch.description = std::move(*description);
  auto custom_data = ObjectField(*body, "customData");
  if (!custom_data) return ErrorResponse(custom_data.error());
  patch.custom_data = std::move(*custom_data);
  auto mfa = OptBool(*body, "isMfaRequired");
  if (!mfa) return ErrorResponse(mfa.error());
  patch.is_mfa_required = *mfa;
  auto color = ObjectField(*body, "color");
  if (!color) return ErrorResponse(color.error());
  patch.color = std::move(*color);
  auto branding = ObjectField(*body, "branding");
  if (!branding) return ErrorResponse(branding.error());
  patch.branding = std::move(*branding);
  auto css = NullableString(*body, "customCss", kMaxCss);
  if (!css) return ErrorResponse(css.error());
  patch.custom_css = std::move(*css);
  return JsonOr(service::UpdateOrganization(ctx, req.Param("id"), patch), 200, OrganizationJson);
}

http::Response List(const service::Context& ctx, const http::Request& req) {
  auto page = ParsePage(req, /*always_paginate=*/true);
  if (!page) return ErrorResponse(page.error());
  auto featured = req.Query("showFeatured");
  bool show_featured = featured && (*featured == "true" || *featured == "1");
  return PageOr(req, *page,
                service::ListOrganizations(ctx, SearchQuery(req), *page, show_featured),
                OrganizationListItemJson);
}

}  // namespace

void RegisterOrganizationRoutes(RouteTable& routes, const service::Context& ctx) {
  const std::string base = "/api/organizations";
  routes.Add("GET", base, kTag, "List organizations", 200,
             [ctx](http::Request& req) { return List(ctx, req); });
  routes.Add("POST", base, kTag, "Create an organization", 201,
             [ctx](http::Request& req) { return Create(ctx, req); }, OrganizationSchema(true));
  routes.Add("GET", base + "/:id", kTag, "Get an organization", 200,
             [ctx](http::Request& req) {
               return JsonOr(service::GetOrganization(ctx, req.Param("id")), 200,
                             OrganizationJson);
             });
  routes.Add("PATCH", base + "/:id", kTag, "Update an organization", 200,
             [ctx](http::Request& req) { return Update(ctx, req); }, OrganizationSchema(false));
  routes.Add("DELETE", base + "/:id", kTag, "Delete an organization", 204,
             [ctx](http::Request& req) {
               return EmptyOr(service::DeleteOrganization(ctx, req.Param("id")), 204);
             });
  RegisterOrganizationMemberRoutes(routes, ctx);
  RegisterOrganizationApplicationRoutes(routes, ctx);
}

}  // namespace gatehouse::api
