// The authorization_code grant (RFC 6749 §4.1.3) with PKCE (RFC 7636 §4.6): single-use codes —
// a replayed code revokes the grant it started (RFC 6749 §4.1.2, RFC 9700 §4.5) — and an exact
// redirect_uri match.
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

struct CodeGrantRequest {
  model::Application client;  // authenticated
  std::string code;
  std::optional<std::string> redirect_uri;
  std::optional<std::string> code_verifier;
  std::vector<std::string> resources;  // RFC 8707: at most one
};

// invalid_grant for an unknown, expired, used, or other client's code, a redirect_uri that
// differs from the authorization request's, a wrong or missing code_verifier when a challenge was
// sent, a code_verifier when none was (PKCE downgrade, RFC 9700 §2.1.1); invalid_target for a
// resource the grant does not cover. Issues a refresh token when offline_access was granted and
// an ID token (with the request's nonce) when openid was.
Result<UserTokenResponse> AuthorizationCodeGrant(const Context& ctx, const KeySet& keys,
                                                 const std::string& issuer,
                                                 const CodeGrantRequest& request);

// RFC 7636 §4.6: BASE64URL(SHA256(verifier)) == challenge; verifier 43-128 unreserved chars.
bool PkceMatches(std::string_view verifier, std::string_view challenge);

// Creates a refresh token of `grant` (inside the unit of work); returns its value.
Result<std::string> InsertRefreshToken(const Context& ctx, store::Repos& r, const model::Grant& grant);

}  // namespace gatehouse::service
