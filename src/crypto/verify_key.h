// VerifyKey: a public key bound to exactly one JWS algorithm (RFC 8725 §3.1: a key is used with
// one algorithm only). Immutable, cheap to copy, Verify() safe from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "common/result.h"
#include "crypto/algorithm.h"

namespace gatehouse::crypto {

class Pkey;

class VerifyKey {
 public:
  // An ES256/ES384 key from the affine coordinates of its public point (big-endian, each exactly
  // EcdsaScalarSize(alg) bytes: RFC 7518 §6.2.1.2/3). Fails unless the point is on the curve.
  static Result<VerifyKey> FromEcPoint(JwsAlgorithm alg, std::string_view x, std::string_view y);

  // An RS256/PS256 key from modulus and public exponent (big-endian, RFC 7518 §6.3.1).
  // Fails for moduli under 2048 bits (RFC 7518 §3.3) or over 8192 bits, and for even or
  // unit exponents.
  static Result<VerifyKey> FromRsa(JwsAlgorithm alg, std::string_view n, std::string_view e);

  // An EdDSA (Ed25519) key from its 32-byte public key (RFC 8037 §2).
  static Result<VerifyKey> FromEd25519(std::string_view x);

  JwsAlgorithm algorithm() const;

  // True when `signature` (raw JWS form, not base64url) is a valid signature of `signing_input`
  // under this key and its algorithm. ECDSA signatures must be exactly R||S with r and s in
  // [1, n-1] (RFC 7518 §3.4, RFC 8725 §3.4); anything else is simply false.
  bool Verify(std::string_view signing_input, std::string_view signature) const;

 private:
  friend class SigningKey;
  explicit VerifyKey(std::shared_ptr<const Pkey> pkey) : pkey_(std::move(pkey)) {}
  std::shared_ptr<const Pkey> pkey_;
};

}  // namespace gatehouse::crypto
