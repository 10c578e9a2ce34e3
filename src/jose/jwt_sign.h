// Compact JWS/JWT creation (RFC 7515 §5.1, §7.1; RFC 7519 §7.1): the server's token signing path.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "common/result.h"
#include "crypto/signing_key.h"

namespace gatehouse::jose {

// Signs a JWT: returns "<header>.<payload>.<signature>", each base64url without padding.
// The header is {"alg":<key's alg>,"typ":<typ>,"kid":<kid>} in that order; `typ` and `kid` are
// left out when empty. `claims_json` is used byte for byte as the payload.
// REQUIRES: `claims_json` is the serialisation of a JSON object (checked only for its first
// character '{'; kInvalidInput otherwise). Fails with kInternal only if OpenSSL fails.
// Thread-safe. Cost: one hash and one signature plus linear copies, no JSON parsing.
Result<std::string> SignJwt(const crypto::SigningKey& key, std::string_view kid,
                            std::string_view typ, std::string_view claims_json);

// As SignJwt, serialising `claims` (which must be a JSON object) with nlohmann::json::dump().
Result<std::string> SignJwtClaims(const crypto::SigningKey& key, std::string_view kid,
                                  std::string_view typ, const nlohmann::json& claims);

}  // namespace gatehouse::jose
