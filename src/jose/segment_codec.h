// Base64url for JWS segments (RFC 7515 §2, RFC 4648 §5, no padding): table-driven and strict.
// common/base64url uses libsodium's constant-time codec, which is right for secrets but was 14 %
// of a whole RS256 verification here; JWS segments are public, so timing does not matter and
// this codec is several times faster. Same acceptance rules as libsodium's (tested against it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::jose {

// Appends the base64url encoding of `bytes` (no padding) to `out`.
void AppendSegment(std::string& out, std::string_view bytes);

// Decodes one segment. Returns nullopt on any byte outside [A-Za-z0-9_-] (so on padding and
// whitespace), on a length of 1 mod 4, and on non-zero unused trailing bits (only the canonical
// encoding of a value is accepted, so a signature has exactly one spelling).
std::optional<std::string> DecodeSegment(std::string_view text);

}  // namespace gatehouse::jose
