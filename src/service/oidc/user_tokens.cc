#include "service/oidc/user_tokens.h"

#include "service/oidc/common.h"
#include "service/oidc/id_token.h"

namespace gatehouse::service {

bool IsOidcScope(std::string_view s) {
  return s == "openid" || s == "profile" || s == "email" || s == "phone" || s == "address" ||
         s == "offline_access" || s.rfind("urn:logto:scope:", 0) == 0;
}

Result<AccessTokenRequest> PlanUserAccessToken(store::Repos& r, const std::string& issuer,
                                               const model::Grant& grant,
                                               const std::optional<std::string>& resource,
                                               const std::vector<std::string>& requested) {
  AccessTokenRequest out{issuer, grant.user_id, "", grant.client_id, {}, kAccessTokenTtl, {}};
  if (!resource) {
    out.audience = UserinfoAudience(issuer);
    for (const auto& s : requested)
      if (IsOidcScope(s) && !Contains(out.scopes, s)) out.scopes.push_back(s);
    return out;
  }
  // RFC 8707 §2.2: the resource must be consistent with what the grant was given for.
  if (!Contains(grant.resources, *resource) || *resource == kResourceOrganizations) {
    return Fail(OAuthFailure("invalid_target", "resource was not requested in the authorization"));
  }
  auto found = r.resources.FindByIndicator(*resource);
  if (!found) return Fail(found.error());
  if (!*found) return Fail(OAuthFailure("invalid_target", "resource indicator is not registered"));
  auto held = r.roles.UserResourceScopes(grant.user_id, (*found)->id);
  if (!held) return Fail(held.error());
  for (const auto& s : requested)
    if (Contains(*held, s) && !Contains(out.scopes, s)) out.scopes.push_back(s);
  out.audience = *resource;
  out.ttl_seconds = (*found)->access_token_ttl;
  return out;
}

Result<void> PlanIdToken(store::Repos& r, const model::User& user, const model::Grant& grant,
                         UserTokenPlan& plan) {
  plan.auth_time_ms = grant.auth_time;
  if (!Contains(grant.scopes, kScopeOpenId)) return Ok();
  auto claims = UserClaims(r, user, grant.scopes, false);
  if (!claims) return Fail(claims.error());
  plan.id_token_claims = std::move(*claims);
  return Ok();
}

Result<UserTokenResponse> SignUserTokens(const Context& ctx, const KeySet& keys,
                                         const std::string& issuer, const UserTokenPlan& plan) {
  UserTokenResponse out;
  auto access = IssueAccessToken(keys, ctx.clock, ctx.random, plan.access);
  if (!access) return Fail(access.error());
  out.access = std::move(*access);
  out.refresh_token = plan.refresh_token;
  if (plan.id_token_claims) {
    IdTokenRequest id{issuer, plan.access.client_id, *plan.id_token_claims, plan.auth_time_ms,
                      plan.nonce};
    auto jwt = IssueIdToken(keys, ctx.clock, id);
    if (!jwt) return Fail(jwt.error());
    out.id_token = std::move(*jwt);
  }
  return out;
}

Result<model::User> GrantUser(store::Repos& r, const model::Grant& grant) {
  auto user = r.users.Find(grant.user_id);
  if (!user) return Fail(user.error());
  if (!*user || (*user)->is_suspended) {
    return Fail(OAuthFailure("invalid_grant", "the user of this grant cannot sign in"));
  }
  return std::move(**user);
}

}  // namespace gatehouse::service
