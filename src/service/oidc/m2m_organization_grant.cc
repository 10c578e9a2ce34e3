#include "service/oidc/m2m_organization_grant.h"

#include "service/runtime/hot_caches.h"
#include "service/oidc/common.h"
#include "service/oidc/organization_scopes.h"
#include "service/organizations/member_permissions.h"

namespace gatehouse::service {

Result<IssuedAccessToken> ClientCredentialsOrganizationGrant(const Context& ctx, const KeySet& keys,
                                                             const std::string& issuer,
                                                             const ClientCredentialsRequest& req) {
  if (req.client.type != model::ApplicationType::kMachineToMachine) {
    return Fail(OAuthFailure("unauthorized_client",
                             "client_credentials is only for machine-to-machine applications"));
  }
  if (req.resources.size() > 1) {
    return Fail(OAuthFailure("invalid_target", "only one resource indicator is allowed"));
  }
  const std::string& org_id = *req.organization_id;
  std::optional<std::vector<std::string>> held;
  std::optional<model::Resource> resource;
  // The organization token without a resource: the permissions held are cached (hot_caches.h).
  // Application ids hold no space, so the first one ends the id.
  const bool cacheable = ctx.caches != nullptr && req.resources.empty();
  const std::string cache_key = cacheable ? req.client.id + ' ' + org_id : std::string();
  const int64_t read_at = ctx.clock.NowMillis();
  const uint64_t epoch = cacheable ? ctx.caches->epochs.epoch() : 0;
  if (cacheable) held = ctx.caches->application_organization_scopes.Get(cache_key, epoch, read_at);
  const bool cached = held.has_value();
  if (!cached) {
    GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
      if (req.resources.empty()) {
        auto scopes = MemberOrganizationScopes(ctx, r, authz::PrincipalKind::kApplication, org_id,
                                               req.client.id);
        if (!scopes) return Fail(scopes.error());
        held = std::move(*scopes);
        return Ok();
      }
      auto found = r.resources.FindByIndicator(req.resources.front());
      if (!found) return Fail(found.error());
      // RFC 8707 §2: an unknown resource is invalid_target.
      if (!*found)
        return Fail(OAuthFailure("invalid_target", "resource indicator is not registered"));
      resource = std::move(**found);
      auto org_scopes = MemberResourceScopes(ctx, r, authz::PrincipalKind::kApplication, org_id,
                                             req.client.id, resource->indicator);
      if (!org_scopes) return Fail(org_scopes.error());
      if (!*org_scopes) return Ok();  // not a member
      auto global = r.roles.ApplicationResourceScopes(req.client.id, resource->id);
      if (!global) return Fail(global.error());
      held = UnionScopes(std::move(*global), **org_scopes);
      return Ok();
    }));
    // Non-members are not remembered: the cache holds only what exists.
    if (cacheable && held) {
      ctx.caches->application_organization_scopes.Put(cache_key, *held, epoch, read_at);
    }
  }
  if (!held) {
    return Fail(OAuthFailure("access_denied", "application is not a member of the organization"));
  }
  auto explicit_scope = req.scope ? SplitScopes(*req.scope) : std::vector<std::string>{};
  auto issued = SelectScopes(explicit_scope, std::nullopt, *held);
  if (!issued) return Fail(issued.error());
  AccessTokenRequest token{issuer,          req.client.id, "", req.client.id, std::move(*issued),
                           kAccessTokenTtl, std::nullopt};
  if (resource) {
    token.audience = resource->indicator;
    token.ttl_seconds = resource->access_token_ttl;
    token.organization_id = org_id;
  } else {
    token.audience = OrganizationAudience(org_id);
  }
  return IssueAccessToken(keys, ctx.clock, ctx.random, token);
}

}  // namespace gatehouse::service
