// The refresh_token grant (RFC 6749 §6) with rotation and reuse detection (RFC 9700 §4.14.2), and
// Logto's organization tokens (API.md "OIDC": refresh_token + organization_id [+ resource]).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/keys/key_ring.h"
#include "service/oidc/user_tokens.h"

namespace gatehouse::service {

struct RefreshGrantRequest {
  model::Application client;  // authenticated
  std::string refresh_token;
  std::optional<std::string> scope;  // explicit scope, space-separated
  std::vector<std::string> resources;  // RFC 8707: at most one
  std::optional<std::string> organization_id;
};

// invalid_grant: unknown, expired, revoked or other client's token, or a reused rotated token —
// which also revokes the whole family. Then, with organization_id, the checks of API.md in order:
//   1. the user is a member (403 access_denied "user is not a member of the organization");
//   2. the grant holds urn:logto:scope:organizations (403 insufficient_scope);
//   3. explicit scope ⊆ the grant's scopes (400 invalid_scope);
//   4. explicit scope with nothing held → 403 access_denied.
// The organization token: aud urn:logto:organization:<id>, scope = requested ∩ organization
// permissions held now (live). With resource too: aud = resource, claim organization_id, held =
// the user's global-role scopes of it ∪ its organization roles' resource scopes.
// Rotation: public clients always; confidential clients once 70 % of the token's life has passed
// (otherwise the same refresh token is returned). An ID token comes back when openid was granted.
Result<UserTokenResponse> RefreshTokenGrant(const Context& ctx, const KeySet& keys,
                                            const std::string& issuer,
                                            const RefreshGrantRequest& request);

}  // namespace gatehouse::service
