#include "service/management/bootstrap.h"

#include <spdlog/spdlog.h>

#include "crypto/password.h"
#include "service/applications/applications.h"

namespace gatehouse::service {
namespace {

// The Management API resource with scope `all`, and the two roles holding it. Returns the ids of
// the M2M role and the user role.
Result<std::pair<std::string, std::string>> EnsureManagementApi(const Context& ctx,
                                                                store::Repos& r,
                                                                const std::string& indicator) {
  int64_t now = ctx.clock.NowMillis();
  auto resource = r.resources.FindByIndicator(indicator);
  if (!resource) return Fail(resource.error());
  std::string resource_id;
  if (*resource) {
    resource_id = (*resource)->id;
  } else {
    model::Resource res{ctx.random.Id(21), "Management API", indicator, 3600, true, now};
    GH_TRY(r.resources.Insert(res));
    resource_id = res.id;
  }
  std::string scope_id;
  auto scopes = r.resources.ListScopes(resource_id, std::nullopt, std::nullopt);
  if (!scopes) return Fail(scopes.error());
  for (const auto& s : scopes->items)
    if (s.name == kManagementScope) scope_id = s.id;
  if (scope_id.empty()) {
    model::Scope s{ctx.random.Id(21), resource_id, kManagementScope,
                   "Default scope for the Management API: full access.", now};
    GH_TRY(r.resources.InsertScope(s));
    scope_id = s.id;
  }
  std::string role_ids[2];
  const std::pair<const char*, model::RoleType> wanted[2] = {
      {kManagementM2mRole, model::RoleType::kMachineToMachine},
      {kManagementUserRole, model::RoleType::kUser}};
  for (int i = 0; i < 2; ++i) {
    auto roles = r.roles.List(std::string(wanted[i].first), wanted[i].second, std::nullopt);
    if (!roles) return Fail(roles.error());
    for (const auto& role : roles->items)
      if (role.name == wanted[i].first) role_ids[i] = role.id;
    if (role_ids[i].empty()) {
      model::Role role{ctx.random.Id(21), wanted[i].first,
                       "Built-in: holds the Management API permission `all`.", wanted[i].second,
                       now};
      GH_TRY(r.roles.Insert(role));
      role_ids[i] = role.id;
    }
    GH_TRY(r.roles.AddScopes(role_ids[i], {scope_id}));
  }
  return std::make_pair(role_ids[0], role_ids[1]);
}

Result<void> EnsureClient(const Context& ctx, store::Repos& r, const std::string& role_id,
                          const std::string& client_id, const std::string& secret) {
  auto app = r.applications.Find(client_id);
  if (!app) return Fail(app.error());
  if (*app) return Ok();  // idempotent: an existing app is left as it is
  model::Application a;
  a.id = client_id;
  a.name = "Bootstrap admin";
  a.description = "Created at start-up; holds the Management API permission `all`.";
  a.type = model::ApplicationType::kMachineToMachine;
  a.created_at = ctx.clock.NowMillis();
  GH_TRY(r.applications.Insert(a));
  GH_TRY(r.applications.InsertSecret({client_id, "bootstrap", HashSecret(secret), a.created_at,
                                      std::nullopt}));
  GH_TRY(r.roles.AddApplications(role_id, {client_id}));
  spdlog::info("created bootstrap application {}", client_id);
  return Ok();
}

Result<void> EnsureAdmin(const Context& ctx, store::Repos& r, const std::string& role_id,
                         const std::string& username, const std::string& password) {
  auto existing = r.users.FindByIdentifier(username);
  if (!existing) return Fail(existing.error());
  if (*existing) return Ok();
  auto hash = crypto::HashPassword(password);
  if (!hash) return Fail(hash.error());
  model::User u;
  u.id = ctx.random.Id(21);
  u.username = username;
  u.password_hash = *hash;
  u.created_at = u.updated_at = ctx.clock.NowMillis();
  GH_TRY(r.users.Insert(u));
  GH_TRY(r.roles.AddUsers(role_id, {u.id}));
  spdlog::info("created console admin {}", username);
  return Ok();
}

// The Console SPA: created once, its redirect URIs kept equal to the configured endpoint's.
Result<void> EnsureConsoleApp(const Context& ctx, store::Repos& r, const std::string& endpoint) {
  model::Json metadata = {{"redirectUris", {endpoint + "/console/callback"}},
                          {"postLogoutRedirectUris", {endpoint + "/console"}}};
  auto app = r.applications.Find(kConsoleClientId);
  if (!app) return Fail(app.error());
  if (*app) {
    model::Application a = std::move(**app);
    if (a.oidc_client_metadata.value("redirectUris", model::Json()) == metadata["redirectUris"] &&
        a.oidc_client_metadata.value("postLogoutRedirectUris", model::Json()) ==
            metadata["postLogoutRedirectUris"] &&
        a.is_built_in) {
      return Ok();
    }
    if (!a.oidc_client_metadata.is_object()) a.oidc_client_metadata = model::Json::object();
    a.oidc_client_metadata["redirectUris"] = metadata["redirectUris"];
    a.oidc_client_metadata["postLogoutRedirectUris"] = metadata["postLogoutRedirectUris"];
    a.is_built_in = true;
    spdlog::info("console application: redirect URIs set for {}", endpoint);
    return r.applications.Update(a);
  }
  model::Application a;
  a.id = kConsoleClientId;
  a.name = kConsoleName;
  a.description = "Built-in: the web Console (single-page app, code + PKCE).";
  a.type = model::ApplicationType::kSpa;
  a.oidc_client_metadata = std::move(metadata);
  a.is_built_in = true;
  a.created_at = ctx.clock.NowMillis();
  GH_TRY(r.applications.Insert(a));
  spdlog::info("created console application {}", a.id);
  return Ok();
}

}  // namespace

bool IsBuiltInRoleName(std::string_view name) {
  return name == kManagementM2mRole || name == kManagementUserRole;
}

Result<BootstrapOutcome> Bootstrap(const Context& ctx, const BootstrapConfig& config) {
  BootstrapOutcome outcome;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto roles = EnsureManagementApi(ctx, r, config.management_api_resource);
    if (!roles) return Fail(roles.error());
    if (config.client_id && config.client_secret) {
      GH_TRY(EnsureClient(ctx, r, roles->first, *config.client_id, *config.client_secret));
    } else {
      auto holders = r.roles.ListApplications(roles->first, model::PageRequest{0, 1});
      if (!holders) return Fail(holders.error());
      if (holders->total == 0) {
        std::string id = ctx.random.Id(21), secret = ctx.random.Token(32);
        GH_TRY(EnsureClient(ctx, r, roles->first, id, secret));
        outcome.generated_client_id = id;
        outcome.generated_client_secret = secret;
      }
    }
    if (!config.endpoint.empty()) GH_TRY(EnsureConsoleApp(ctx, r, config.endpoint));
    if (config.admin_username && config.admin_password) {
      GH_TRY(EnsureAdmin(ctx, r, roles->second, *config.admin_username, *config.admin_password));
    }
    return Ok();
  }));
  return outcome;
}

}  // namespace gatehouse::service
