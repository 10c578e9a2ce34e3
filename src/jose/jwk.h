// JWK and JWK Set parsing (RFC 7517) into verification keys, each bound to one algorithm
// (RFC 8725 §3.1). Only public signature keys are read; everything else in a set is skipped
// with a reason, so one odd key never makes a whole JWKS unusable.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "crypto/verify_key.h"

namespace gatehouse::jose {

// A verification key from a JWK: its `kid` (empty when absent) and the key, whose algorithm()
// is the one and only algorithm it verifies.
struct Jwk {
  std::string kid;
  crypto::VerifyKey key;
};

// Reads one JWK as a verification key.
//  - kty EC (crv P-256/P-384, x, y: RFC 7518 §6.2), RSA (n, e: §6.3), OKP (crv Ed25519, x:
//    RFC 8037 §2); every other kty or curve fails.
//  - The algorithm is `alg` when present, and must agree with kty/crv (no ES384 on P-256, no
//    PS256 on an EC key). Without `alg` it is implied only where unambiguous: P-256 -> ES256,
//    P-384 -> ES384, Ed25519 -> EdDSA; an RSA JWK without `alg` fails (RS256 or PS256?).
//  - `use` other than "sig", or `key_ops` without "verify", fails: not a signature key
//    (RFC 7517 §4.2, §4.3).
//  - Private members (`d`, `p`, `q`, ...) fail: a JWKS that leaks a private key is broken.
// Fails with kInvalidInput, code "jose.invalid_jwk", and a reason.
Result<Jwk> ParseJwk(const nlohmann::json& jwk);

// A parsed JWK Set: the usable keys, and one line per skipped key saying why.
struct Jwks {
  std::vector<Jwk> keys;
  std::vector<std::string> skipped;
};

// Limits that keep a hostile or broken JWKS endpoint cheap to refuse.
inline constexpr size_t kMaxJwksSize = 1024 * 1024;
inline constexpr size_t kMaxJwksKeys = 100;

// Parses a JWK Set document (RFC 7517 §5): a JSON object with a `keys` array. Keys that
// ParseJwk refuses are skipped (listed in `skipped`); a later key with the kid and algorithm of
// an earlier one is skipped too. Fails ("jose.invalid_jwks") when the text is over
// kMaxJwksSize, is not such an object, has more than kMaxJwksKeys keys, or has no usable key.
Result<Jwks> ParseJwks(std::string_view json_text);

}  // namespace gatehouse::jose
