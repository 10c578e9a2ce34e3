// Base64url without padding (RFC 4648 §5), as JOSE uses it (RFC 7515 §2).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gatehouse {

std::string Base64UrlEncode(std::string_view bytes);
// Appends the base64url encoding of `bytes` to `out` (no temporary string: the JWS hot path).
void AppendBase64Url(std::string& out, std::string_view bytes);
// Returns nullopt on any character outside the alphabet, on padding, or on an impossible length.
std::optional<std::string> Base64UrlDecode(std::string_view text);

// Standard base64 with padding (RFC 4648 §4), for HTTP Basic credentials.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace gatehouse
