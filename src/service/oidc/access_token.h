// Access tokens: RFC 9068 JWT access tokens signed with the KeyRing's current key, and the check
// of our own tokens for the Management API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/keys/key_ring.h"

namespace gatehouse::service {

struct AccessTokenRequest {
  std::string issuer;    // <endpoint>/oidc
  std::string subject;   // user id, or client id for client_credentials
  std::string audience;  // resource indicator or urn:logto:organization:<id>
  std::string client_id;
  std::vector<std::string> scopes;
  int64_t ttl_seconds = 3600;
  std::optional<std::string> organization_id;  // organization-scoped resource tokens
};

struct IssuedAccessToken {
  std::string jwt;
  int64_t expires_in = 0;
  std::string scope;  // space-separated, as issued
};

// Signs an RFC 9068 access token: header {alg, typ: "at+jwt", kid}; claims iss, sub, aud, exp,
// iat, jti, client_id, scope (+ organization_id). REQUIRES: keys has a current key.
Result<IssuedAccessToken> IssueAccessToken(const KeySet& keys, const Clock& clock, Random& random,
                                           const AccessTokenRequest& request);

// Verifies one of our own access tokens: signature by a published key (alg bound to the key),
// typ at+jwt, iss, aud == `audience`, exp/nbf with 60 s leeway. Returns the claims.
// Any failure → Unauthenticated (auth.unauthorized) with a reason for the log.
Result<nlohmann::json> VerifyOwnAccessToken(const KeySet& keys, const Clock& clock,
                                            const std::string& issuer, const std::string& audience,
                                            std::string_view jwt);

// "a b c" → {"a", "b", "c"} (empty items dropped).
std::vector<std::string> SplitScopes(std::string_view scope);
std::string JoinScopes(const std::vector<std::string>& scopes);

}  // namespace gatehouse::service
