// JwsAlgorithm: the JWS signature algorithms Gatehouse signs and verifies (RFC 7518 §3.1,
// RFC 8037 §3.1). Deliberately closed: `none` and the HMAC family (HS*) have no value here, so no
// code path can ever select them (RFC 8725 §3.1, §3.2).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace gatehouse::crypto {

enum class JwsAlgorithm {
  kES256,  // ECDSA P-256 + SHA-256 (RFC 7518 §3.4)
  kES384,  // ECDSA P-384 + SHA-384 (RFC 7518 §3.4)
  kRS256,  // RSASSA-PKCS1-v1_5 + SHA-256 (RFC 7518 §3.3)
  kPS256,  // RSASSA-PSS + SHA-256, MGF1 SHA-256, 32-byte salt (RFC 7518 §3.5)
  kEdDSA,  // Ed25519 (RFC 8037 §3.1); Ed448 is not supported
};

// The `alg` header value, e.g. "ES256".
std::string_view AlgorithmName(JwsAlgorithm alg);

// Parses an `alg` value. Case-sensitive (RFC 7515 §4.1.1). Returns nullopt for every other
// value, including "none", "HS256" and "ES512".
std::optional<JwsAlgorithm> AlgorithmFromName(std::string_view name);

// True for ES256/ES384.
constexpr bool IsEcdsa(JwsAlgorithm alg) {
  return alg == JwsAlgorithm::kES256 || alg == JwsAlgorithm::kES384;
}
// True for RS256/PS256.
constexpr bool IsRsa(JwsAlgorithm alg) {
  return alg == JwsAlgorithm::kRS256 || alg == JwsAlgorithm::kPS256;
}

// Byte length of one ECDSA coordinate / scalar (32 for P-256, 48 for P-384), 0 otherwise.
constexpr size_t EcdsaScalarSize(JwsAlgorithm alg) {
  return alg == JwsAlgorithm::kES256 ? 32 : alg == JwsAlgorithm::kES384 ? 48 : 0;
}

}  // namespace gatehouse::crypto
