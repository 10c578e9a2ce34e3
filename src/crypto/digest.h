// Hashes and constant-time comparison (OpenSSL one-shot functions: no context allocation).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crypto/algorithm.h"

namespace gatehouse::crypto {

using Sha256Digest = std::array<uint8_t, 32>;

// SHA-256 of `bytes` (FIPS 180-4).
Sha256Digest Sha256(std::string_view bytes);

// Largest digest HashForAlgorithm writes (SHA-384 + headroom for SHA-512).
inline constexpr size_t kMaxDigestSize = 64;

// The digest JWS `alg` signs over (SHA-256 for ES256/RS256/PS256, SHA-384 for ES384), written to
// `out`; returns its length. Returns 0 for EdDSA, which signs the message itself (RFC 8032).
size_t HashForAlgorithm(JwsAlgorithm alg, std::string_view message,
                        std::array<uint8_t, kMaxDigestSize>& out);

// Compares two byte strings in time independent of their contents (lengths are not secret).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace gatehouse::crypto
