// Token revocation (RFC 7009), introspection (RFC 7662) and the userinfo look-up (OIDC Core
// §5.3) over the provider's tokens: opaque refresh tokens (in the store) and JWT access tokens
// (self-contained, verified against the key ring).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/keys/key_ring.h"

namespace gatehouse::service {

// RFC 7009 §2.1: revoking a refresh token revokes its whole grant (every refresh token of the
// family; RFC 7009 §2.1 "SHOULD also invalidate ... the same authorization grant"). A token of
// another client, an unknown token or a JWT access token (stateless; it expires on its own) is
// answered with success and changes nothing (§2.2: invalid tokens do not cause an error).
Result<void> RevokeToken(const Context& ctx, const model::Application& client,
                         const std::string& token);

// RFC 7662 §2.2: {active:false} for anything not currently valid or not the caller's refresh
// token; for an active refresh token {active, token_type: "refresh_token", client_id, sub, scope,
// iat, exp, iss}; for a JWT access token signed by us and unexpired its claims plus
// {active, token_type: "access_token"}.
Result<nlohmann::json> IntrospectToken(const Context& ctx, const KeySet& keys,
                                       const std::string& issuer, const model::Application& client,
                                       const std::string& token);

// Verifies one of our JWTs of type `typ` (signature by a published key, alg of the key, iss,
// exp with 60 s leeway); nullopt for anything else. No audience check.
std::optional<nlohmann::json> VerifyOwnJwt(const KeySet& keys, const Clock& clock,
                                           const std::string& issuer, std::string_view token,
                                           std::string_view typ);

// GET/POST /oidc/me: the claims for the bearer access token, which must be a userinfo token
// (aud <issuer>/me) of a user who still exists and is not suspended — else invalid_token.
Result<nlohmann::json> Userinfo(const Context& ctx, const KeySet& keys, const std::string& issuer,
                                std::string_view access_token);

}  // namespace gatehouse::service
