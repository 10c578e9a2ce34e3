// The tokens a user grant yields at the token endpoint (authorization_code and refresh_token
// grants): the access token (for a resource, an organization, or only the userinfo endpoint),
// the refresh token, and the ID token. Shared by oidc_code_grant and oidc_refresh_grant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "model/oidc_entities.h"
#include "service/oidc/access_token.h"
#include "service/context.h"
#include "service/keys/key_ring.h"
#include "store/store.h"

namespace gatehouse::service {

struct UserTokenResponse {
  IssuedAccessToken access;
  std::optional<std::string> refresh_token;
  std::optional<std::string> id_token;
};

// Everything decided inside the unit of work; signing happens after it.
struct UserTokenPlan {
  AccessTokenRequest access;
  std::optional<nlohmann::json> id_token_claims;  // user claims; set when openid was granted
  int64_t auth_time_ms = 0;
  std::optional<std::string> nonce;
  std::optional<std::string> refresh_token;
};

// True for the scopes of OIDC itself (openid, profile, email, phone, address, offline_access and
// Logto's urn:logto:scope:*), which are not API permissions.
bool IsOidcScope(std::string_view scope);

// The access token for a user grant, without organization: for `resource` (RFC 8707: it must be
// one the grant named, and registered — invalid_target otherwise) with requested ∩ the user's
// global-role scopes of it; without resource, the userinfo token with the OIDC scopes requested.
Result<AccessTokenRequest> PlanUserAccessToken(store::Repos& r, const std::string& issuer,
                                               const model::Grant& grant,
                                               const std::optional<std::string>& resource,
                                               const std::vector<std::string>& requested);

// Fills plan.id_token_claims when the grant holds `openid`.
Result<void> PlanIdToken(store::Repos& r, const model::User& user, const model::Grant& grant,
                         UserTokenPlan& plan);

// Signs the access token and, if planned, the ID token.
Result<UserTokenResponse> SignUserTokens(const Context& ctx, const KeySet& keys,
                                         const std::string& issuer, const UserTokenPlan& plan);

// Loads the user of a grant; invalid_grant if gone or suspended.
Result<model::User> GrantUser(store::Repos& r, const model::Grant& grant);

}  // namespace gatehouse::service
