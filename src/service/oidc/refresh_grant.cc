#include "service/oidc/refresh_grant.h"

#include "service/runtime/hot_caches.h"
#include "service/oidc/code_grant.h"
#include "service/oidc/common.h"
#include "service/oidc/organization_scopes.h"
#include "service/organizations/member_permissions.h"

namespace gatehouse::service {
namespace {

Error InvalidGrant(std::string why) { return OAuthFailure("invalid_grant", std::move(why)); }

// The organization checks of API.md, in order, and the token they allow.
Result<AccessTokenRequest> PlanOrganizationToken(const Context& ctx, store::Repos& r,
                                                 const std::string& issuer,
                                                 const model::Grant& grant,
                                                 const RefreshGrantRequest& req,
                                                 const std::vector<std::string>& explicit_scope) {
  const std::string& org_id = *req.organization_id;
  std::optional<model::Resource> resource;
  std::optional<std::vector<std::string>> held;
  if (req.resources.empty()) {
    auto scopes =
        MemberOrganizationScopes(ctx, r, authz::PrincipalKind::kUser, org_id, grant.user_id);
    if (!scopes) return Fail(scopes.error());
    held = std::move(*scopes);
  } else {
    auto found = r.resources.FindByIndicator(req.resources.front());
    if (!found) return Fail(found.error());
    if (!*found)
      return Fail(OAuthFailure("invalid_target", "resource indicator is not registered"));
    resource = std::move(**found);
    auto org_scopes = MemberResourceScopes(ctx, r, authz::PrincipalKind::kUser, org_id,
                                           grant.user_id, resource->indicator);
    if (!org_scopes) return Fail(org_scopes.error());
    if (*org_scopes) {
      auto global = r.roles.UserResourceScopes(grant.user_id, resource->id);
      if (!global) return Fail(global.error());
      held = UnionScopes(std::move(*global), **org_scopes);
    }
  }
  if (!held) return Fail(OAuthFailure("access_denied", "user is not a member of the organization"));
  if (!Contains(grant.scopes, kScopeOrganizations)) {
    return Fail(OAuthFailure("insufficient_scope", "refresh token missing required scope"));
  }
  for (const auto& s : explicit_scope)
    if (!Contains(grant.scopes, s)) {
      return Fail(OAuthFailure("invalid_scope", "scope " + s + " was not granted"));
    }
  auto issued = SelectScopes(explicit_scope, grant.scopes, *held);
  if (!issued) return Fail(issued.error());
  AccessTokenRequest out{issuer,          grant.user_id,      OrganizationAudience(org_id),
                         grant.client_id, std::move(*issued), kAccessTokenTtl,
                         std::nullopt};
  if (resource) {
    out.audience = resource->indicator;
    out.ttl_seconds = resource->access_token_ttl;
    out.organization_id = org_id;
  }
  return out;
}

bool ShouldRotate(const model::Application& client, const model::RefreshTokenRecord& t,
                  int64_t now) {
  if (!IsConfidential(client.type)) return true;  // public clients: always (RFC 9700 §4.14.2)
  return (now - t.created_at) * 10 >= (t.expires_at - t.created_at) * 7;
}

// The cache key of a refresh request: every field length-prefixed, so no two requests share one.
std::string PlanKey(const RefreshGrantRequest& req, const std::string& hash) {
  std::string key;
  auto add = [&key](std::string_view v) {
    key += std::to_string(v.size());
    key += ':';
    key += v;
  };
  add(req.client.id);
  add(hash);
  add(req.organization_id ? "o" + *req.organization_id : "-");
  add(req.scope ? "s" + *req.scope : "-");
  for (const auto& r : req.resources) add(r);
  return key;
}

}  // namespace

Result<UserTokenResponse> RefreshTokenGrant(const Context& ctx, const KeySet& keys,
                                            const std::string& issuer,
                                            const RefreshGrantRequest& req) {
  if (req.resources.size() > 1) {
    return Fail(OAuthFailure("invalid_target", "only one resource indicator is allowed"));
  }
  const std::string hash = HashOpaque(req.refresh_token);
  const int64_t now = ctx.clock.NowMillis();
  const auto explicit_scope = req.scope ? SplitScopes(*req.scope) : std::vector<std::string>{};
  std::optional<model::RefreshTokenRecord> token;
  std::optional<model::Grant> grant;
  UserTokenPlan plan;
  bool reused = false;
  // Confidential clients only (the token is bound to a client that proved its secret), and only
  // while no write has ended since the plan was read (hot_caches.h); a token due for rotation
  // always takes the full path below.
  const bool cacheable = ctx.caches != nullptr && IsConfidential(req.client.type);
  const std::string key = cacheable ? PlanKey(req, hash) : std::string();
  const uint64_t epoch = cacheable ? ctx.caches->epochs.epoch() : 0;
  if (cacheable) {
    if (auto hit = ctx.caches->refresh_plans.Get(key, epoch, now)) {
      if (hit->token.expires_at > now && hit->grant.expires_at > now &&
          !ShouldRotate(req.client, hit->token, now)) {
        hit->plan.refresh_token = req.refresh_token;
        return SignUserTokens(ctx, keys, issuer, hit->plan);
      }
    }
  }
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto t = r.grants.FindRefreshToken(hash);
    if (!t) return Fail(t.error());
    if (!*t) return Fail(InvalidGrant("invalid refresh token"));
    token = std::move(*t);
    auto g = r.grants.FindGrant(token->grant_id);
    if (!g) return Fail(g.error());
    if (!*g || (*g)->client_id != req.client.id) return Fail(InvalidGrant("invalid refresh token"));
    grant = std::move(*g);
    if (token->rotated_at) {
      reused = true;
      return Ok();
    }
    if (grant->revoked_at || token->expires_at <= now || grant->expires_at <= now) {
      return Fail(InvalidGrant("refresh token expired or revoked"));
    }
    auto user = GrantUser(r, *grant);
    if (!user) return Fail(user.error());
    Result<AccessTokenRequest> access =
        req.organization_id ? PlanOrganizationToken(ctx, r, issuer, *grant, req, explicit_scope)
                            : Result<AccessTokenRequest>(AccessTokenRequest{});
    if (!req.organization_id) {
      for (const auto& s : explicit_scope)
        if (!Contains(grant->scopes, s)) {
          return Fail(OAuthFailure("invalid_scope", "scope " + s + " was not granted"));
        }
      std::optional<std::string> resource;
      if (!req.resources.empty()) resource = req.resources.front();
      access = PlanUserAccessToken(r, issuer, *grant, resource,
                                   explicit_scope.empty() ? grant->scopes : explicit_scope);
    }
    if (!access) return Fail(access.error());
    plan.access = std::move(*access);
    return PlanIdToken(r, *user, *grant, plan);
  }));
  if (reused) {
    // RFC 9700 §4.14.2: a rotated token used again means it leaked; end the whole family.
    GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
      auto revoked = r.grants.RevokeGrant(grant->id, now);
      if (!revoked) return Fail(revoked.error());
      return Ok();
    }));
    return Fail(InvalidGrant("refresh token has already been used"));
  }
  if (cacheable) ctx.caches->refresh_plans.Put(key, {*token, *grant, plan}, epoch, now);
  plan.refresh_token = req.refresh_token;
  if (ShouldRotate(req.client, *token, now)) {
    bool raced = false;
    GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
      auto marked = r.grants.MarkRefreshTokenRotated(hash, now);
      if (!marked) return Fail(marked.error());
      auto g = r.grants.FindGrant(grant->id);
      if (!g) return Fail(g.error());
      if (!*marked || !*g || (*g)->revoked_at) {
        // Another request rotated it first (or the family was revoked meanwhile): reuse.
        raced = true;
        auto revoked = r.grants.RevokeGrant(grant->id, now);
        if (!revoked) return Fail(revoked.error());
        return Ok();
      }
      auto next = InsertRefreshToken(ctx, r, *grant);
      if (!next) return Fail(next.error());
      plan.refresh_token = std::move(*next);
      return Ok();
    }));
    if (raced) return Fail(InvalidGrant("refresh token has already been used"));
  }
  return SignUserTokens(ctx, keys, issuer, plan);
}

}  // namespace gatehouse::service
