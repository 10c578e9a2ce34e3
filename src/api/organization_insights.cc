// Management API for the Console's insight views (doc/console.md "Server side"):
//   GET  /api/organizations/:id/users/:userId/explain   why a member holds each permission
//   POST /api/organization-template/impact-preview      who a template change would reach
// Both read only.
#include <atomic>

#include "api/json_input.h"
#include "api/organizations_json.h"
#include "api/register.h"
#include "service/organizations/membership_explain.h"
#include "service/template/impact.h"
#include "service/runtime/worker_pool.h"

namespace gatehouse::api {
namespace {

Json RefsJson(const std::vector<service::RoleRef>& refs) {
  Json out = Json::array();
  for (const auto& r : refs) out.push_back({{"id", r.id}, {"name", r.name}});
  return out;
}

Json ExplanationJson(const service::MembershipExplanation& e) {
  Json roles = Json::array();
  for (const auto& r : e.roles) {
    roles.push_back({{"id", r.role.id}, {"name", r.role.name}, {"scopes", RefsJson(r.scopes)}});
  }
  Json scopes = Json::array();
  for (const auto& s : e.scopes) {
    scopes.push_back({{"id", s.scope.id},
                      {"name", s.scope.name},
                      {"description", s.scope.description ? Json(*s.scope.description) : Json()},
                      {"granted", s.granted},
                      {"grantedBy", RefsJson(s.granted_by)},
                      {"grantableBy", RefsJson(s.grantable_by)}});
  }
  Json resource_scopes = Json::array();
  for (const auto& s : e.resource_scopes) {
    resource_scopes.push_back(
        {{"id", s.scope.id},
         {"name", s.scope.name},
         {"description", s.scope.description ? Json(*s.scope.description) : Json()},
         {"resource",
          {{"id", s.scope.resource_id},
           {"name", s.resource_name},
           {"indicator", s.resource_indicator}}},
         {"granted", s.granted},
         {"grantedBy", RefsJson(s.granted_by)},
         {"grantableBy", RefsJson(s.grantable_by)}});
  }
  return {{"organizationId", e.organization_id},
          {"userId", e.user_id},
          {"isMember", e.is_member},
          {"roles", std::move(roles)},
          {"scopes", std::move(scopes)},
          {"resourceScopes", std::move(resource_scopes)}};
}

Json ChangesJson(const std::vector<service::ScopeChange>& changes) {
  Json out = Json::array();
  for (const auto& c : changes) {
    out.push_back({{"scope", {{"id", c.scope.id}, {"name", c.scope.name}}},
                   {"users", c.counts.users},
                   {"organizations", c.counts.organizations},
                   {"applications", c.counts.applications}});
  }
  return out;
}

Json PreviewJson(const service::TemplateImpactPreview& p) {
  return {
      {"change", service::ToString(p.change)}, {"affectedOrganizations", p.affected.organizations},
      {"affectedUsers", p.affected.users},     {"affectedApplications", p.affected.applications},
      {"gains", ChangesJson(p.gains)},         {"losses", ChangesJson(p.losses)}};
}

// The body of POST /impact-preview: `change` picks which id fields are required.
Result<service::TemplateChangeRequest> ParsePreviewRequest(const http::Request& req) {
  auto body = ParseBody(req);
  if (!body) return Fail(body.error());
  auto change = RequiredString(*body, "change", 64);
  if (!change) return Fail(change.error());
  auto kind = service::ParseTemplateChange(*change);
  if (!kind) {
    return Fail(Error::InvalidInput(
        "Invalid input: `change` must be addRoleScopes, removeRoleScopes, deleteRole or "
        "deleteScope."));
  }
  service::TemplateChangeRequest out;
  out.change = *kind;
  if (*kind == service::TemplateChange::kDeleteScope) {
    auto id = RequiredString(*body, "organizationScopeId", kMaxName);
    if (!id) return Fail(id.error());
    out.scope_id = std::move(*id);
    return out;
  }
  auto role = RequiredString(*body, "organizationRoleId", kMaxName);
  if (!role) return Fail(role.error());
  out.role_id = std::move(*role);
  if (*kind != service::TemplateChange::kDeleteRole) {
    auto ids = RequiredStringArray(*body, "organizationScopeIds", /*allow_empty=*/false);
    if (!ids) return Fail(ids.error());
    out.scope_ids = std::move(*ids);
  }
  return out;
}

Json PreviewSchema() {
  Json ids = {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}};
  return {{"type", "object"},
          {"required", {"change"}},
          {"properties",
           {{"change",
             {{"type", "string"},
              {"enum", {"addRoleScopes", "removeRoleScopes", "deleteRole", "deleteScope"}}}},
            {"organizationRoleId", {{"type", "string"}}},
            {"organizationScopeIds", ids},
            {"organizationScopeId", {{"type", "string"}}}}}};
}

// Runs one impact preview: parse, preview, map.
http::Response Preview(const service::Context& ctx, const http::Request& req) {
  auto request = ParsePreviewRequest(req);
  if (!request) return ErrorResponse(request.error());
  return JsonOr(service::PreviewTemplateChange(ctx, *request), 200, PreviewJson);
}

http::Response Busy() {
  return ErrorResponse({ErrorKind::kUnavailable, "organization_template.preview_busy",
                        "Other impact previews are running; try again shortly."});
}

// The previews' worker: one thread, two waiting. `stopping` is declared first so that it outlives
// the pool, whose destructor runs (and here drops) the queued jobs.
struct PreviewRuntime {
  std::atomic<bool> stopping{false};
  service::WorkerPool pool{1, 2};
  ~PreviewRuntime() { stopping = true; }
};

}  // namespace

void RegisterInsightRoutes(RouteTable& routes, const service::Context& ctx) {
  routes.Add("GET", "/api/organizations/:id/users/:userId/explain", "Organizations",
             "Explain the organization permissions of a user", 200, [ctx](http::Request& req) {
               return JsonOr(service::ExplainMembership(ctx, req.Param("id"), req.Param("userId")),
                             200, ExplanationJson);
             });
  // A preview scans every role assignment the change touches (seconds at millions of them,
  // doc/console.md): it runs on its own thread, one at a time with a short queue, so it never
  // holds an HTTP I/O thread and several at once cannot starve the token path.
  auto runtime = std::make_shared<PreviewRuntime>();
  routes.AddAsync(
      "POST", "/api/organization-template/impact-preview", "Organization template",
      "Preview who an organization template change would affect", 200,
      [ctx, runtime](http::Request& req, http::Responder done) {
        auto copy = std::make_shared<http::Request>(req);  // the job outlives this call
        // A raw pointer: the runtime joins its jobs before it goes away.
        PreviewRuntime* rt = runtime.get();
        bool queued = rt->pool.Submit([ctx, rt, copy, done] {
          if (rt->stopping) return done(Busy());  // shutting down: queued previews are dropped
          http::Response res;
          try {
            res = Preview(ctx, *copy);
          } catch (const std::exception& e) {
            res = ErrorResponse(Error::Internal(std::string("impact preview: ") + e.what()));
          }
          done(std::move(res));
        });
        if (!queued) done(Busy());
      },
      PreviewSchema());
}

}  // namespace gatehouse::api
