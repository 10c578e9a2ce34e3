// SigningKey: a private key that signs JWS (the server's token signing key). Immutable and cheap
// to copy (shared ownership); Sign() is safe to call from many threads at once.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "crypto/algorithm.h"
#include "crypto/verify_key.h"

namespace gatehouse::crypto {

class Pkey;

class SigningKey {
 public:
  // Generates a fresh key for `alg`: P-256 (ES256), P-384 (ES384), RSA-2048 with e = 65537
  // (RS256, PS256), Ed25519 (EdDSA). Fails only if OpenSSL fails.
  static Result<SigningKey> Generate(JwsAlgorithm alg);

  // Loads a private key written by ToPem() (PKCS#8 "PRIVATE KEY"; traditional "EC/RSA PRIVATE
  // KEY" PEM is accepted too). Fails with kInvalidInput when the PEM does not parse or the key
  // does not fit `alg` (wrong type or curve, RSA shorter than 2048 bits: RFC 7518 §3.3).
  static Result<SigningKey> FromPem(JwsAlgorithm alg, std::string_view pem);

  // The private key as unencrypted PKCS#8 PEM (RFC 5958), for the server's database.
  // This is a secret: never log it.
  std::string ToPem() const;

  JwsAlgorithm algorithm() const;

  // The public half as a JWK (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2): `kty`, `crv`/`x`/`y` or
  // `n`/`e`, plus `kid` as given, `alg` and `use: "sig"`. Suitable for /oidc/jwks.
  nlohmann::json PublicJwk(std::string_view kid) const;

  // The public half as a key that verifies this key's signatures.
  VerifyKey PublicKey() const;

  // The JWS signature over `signing_input` (RFC 7515 §5.1 step 5), raw bytes (not base64url):
  // R||S of fixed width for ECDSA (RFC 7518 §3.4), the modulus-sized block for RSA, 64 bytes for
  // Ed25519. Fails (kInternal) only if OpenSSL fails.
  Result<std::string> Sign(std::string_view signing_input) const;

 private:
  explicit SigningKey(std::shared_ptr<const Pkey> pkey) : pkey_(std::move(pkey)) {}
  std::shared_ptr<const Pkey> pkey_;
};

}  // namespace gatehouse::crypto
