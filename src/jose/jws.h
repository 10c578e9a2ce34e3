// Compact JWS (RFC 7515 §7.1) parsing and the JOSE Header policy of RFC 8725. Parsing only splits
// and decodes; nothing here says a token is authentic. Verification (key choice, signature,
// claims) is src/verify's job.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"
#include "crypto/algorithm.h"

namespace gatehouse::jose {

// Error codes (Error::code) of this layer, all with ErrorKind::kInvalidInput.
inline constexpr std::string_view kMalformed = "jose.malformed";
inline constexpr std::string_view kUnsupportedAlgorithm = "jose.unsupported_algorithm";
inline constexpr std::string_view kForbiddenHeader = "jose.forbidden_header";

// Tokens larger than this are refused before any decoding. A Gatehouse access token is well
// under 2 KiB; 16 KiB leaves room for large scope lists and stays cheap to reject.
inline constexpr size_t kMaxTokenSize = 16 * 1024;

// A compact JWS split into its parts and decoded, NOT verified.
struct CompactJws {
  std::string_view signing_input;  // "<header b64>.<payload b64>", a view into the token
  nlohmann::json header;           // the JOSE Header, a JSON object with unique names
  std::string payload;             // decoded payload bytes (not parsed: parse after verifying)
  std::string signature;           // decoded signature bytes
};

// Splits `token` strictly (RFC 7515 §7.1, §5.2): at most `max_size` bytes; exactly three
// non-empty parts (JWE's five parts and unsecured two-part forms are refused); each part
// canonical base64url without padding or whitespace (RFC 7515 §2); the header a JSON object
// with unique member names. The returned signing_input views `token`, which must outlive it.
// Fails with code kMalformed.
Result<CompactJws> ParseCompactJws(std::string_view token, size_t max_size = kMaxTokenSize);

// The header members a verifier acts on, after the policy checks.
struct JoseHeader {
  crypto::JwsAlgorithm alg;
  std::string kid;  // empty when absent
  std::string typ;  // empty when absent
};

// Applies the header policy of RFC 8725 and reads alg/kid/typ:
//  - `alg` must be one of crypto::JwsAlgorithm; "none" and HS* are refused by name (§3.1, §3.2)
//    -> kUnsupportedAlgorithm.
//  - `jwk`, `jku`, `x5u`, `x5c` are refused: a token never brings its own key (RFC 7515
//    §4.1.2-§4.1.6, RFC 8725 §3.10) -> kForbiddenHeader.
//  - `crit` is refused: no extension is understood, so none may be critical (RFC 7515
//    §4.1.11); so are `b64` (RFC 7797), `zip` and `cty` (nested JWTs are not accepted,
//    RFC 8725 §3.11) -> kForbiddenHeader.
//  - `kid` and `typ`, when present, must be strings -> kMalformed.
Result<JoseHeader> CheckJoseHeader(const nlohmann::json& header);

}  // namespace gatehouse::jose
