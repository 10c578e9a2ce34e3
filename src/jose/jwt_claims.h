// Registered JWT claim checks (RFC 7519 §4.1) for access tokens (RFC 9068 §4): issuer, audience,
// expiry, not-before and issued-at, with a clock leeway. Pure: `now` comes from the caller.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gatehouse::jose {

// Error codes (Error::code) of the claim checks; all ErrorKind::kUnauthenticated.
inline constexpr std::string_view kWrongIssuer = "jwt.wrong_issuer";
inline constexpr std::string_view kWrongAudience = "jwt.wrong_audience";
inline constexpr std::string_view kExpired = "jwt.expired";
inline constexpr std::string_view kNotYetValid = "jwt.not_yet_valid";
inline constexpr std::string_view kBadIssuedAt = "jwt.bad_iat";
inline constexpr std::string_view kBadClaims = "jwt.bad_claims";

struct ClaimExpectations {
  std::string_view issuer;  // `iss` must equal it exactly (RFC 7519 §4.1.1)
  const std::vector<std::string>* audiences = nullptr;  // `aud` must contain one of them
  int64_t now = 0;                                      // seconds since the Unix epoch
  int64_t leeway = 0;                                   // seconds of clock skew tolerated, >= 0
  bool require_iat = true;                              // RFC 9068 §2.2 makes `iat` REQUIRED
};

// The registered claims a verifier reads, after they passed the checks.
struct RegisteredClaims {
  std::string issuer;
  std::string subject;                 // empty when absent
  std::vector<std::string> audiences;  // `aud` as a list (RFC 7519 §4.1.3: string or array)
  int64_t expires_at = 0;
  int64_t issued_at = 0;   // 0 when absent and not required
  int64_t not_before = 0;  // 0 when absent
};

// Checks `claims` (a JSON object) against `expect`:
//  - `iss` a string equal to expect.issuer                         else kWrongIssuer
//  - `aud` a string or array of strings containing one of expect.audiences (none configured
//    fails too: RFC 8725 §3.9)                                     else kWrongAudience
//  - `exp` a NumericDate with now < exp + leeway (RFC 7519 §4.1.4) else kExpired
//  - `nbf`, if present, with nbf <= now + leeway (§4.1.5)          else kNotYetValid
//  - `iat` (required unless !require_iat) not after now + leeway    else kBadIssuedAt
//  - `sub`, if present, a string; a claim of the wrong JSON type    -> kBadClaims
// The first failing check is reported; messages never include claim values beyond 64 bytes.
Result<RegisteredClaims> CheckRegisteredClaims(const nlohmann::json& claims,
                                               const ClaimExpectations& expect);

// True when JOSE `typ` matches `expected` as media types do (RFC 7515 §4.1.9): ASCII
// case-insensitively, with an omitted "application/" prefix, so "at+jwt" matches
// "application/at+jwt" and "AT+JWT" (RFC 9068 §4 requires accepting both spellings).
bool TypMatches(std::string_view typ, std::string_view expected);

}  // namespace gatehouse::jose
