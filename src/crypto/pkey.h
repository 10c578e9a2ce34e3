// Pkey: an immutable OpenSSL key bound to one JWS algorithm, and the raw sign/verify operations
// SigningKey and VerifyKey share. Internal to src/crypto.
//
// Speed: EVP_PKEY_CTX creation in OpenSSL 3 fetches the algorithm from the provider (locks,
// allocations: a few microseconds). Each thread therefore keeps a small cache of contexts that
// are initialised once per (key, operation) and reused, which is what `openssl speed` does too.
#pragma once

#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "common/result.h"
#include "crypto/algorithm.h"

namespace gatehouse::crypto {

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

// Largest raw JWS signature: RSA-8192.
inline constexpr size_t kMaxSignatureSize = 1024;

// Fails (kInvalidInput, "crypto.invalid_key") unless `pkey` is of the type and size `alg` needs:
// the right curve for ES256/ES384, RSA of 2048..8192 bits (RFC 7518 §3.3), Ed25519 for EdDSA.
Result<void> CheckKeyFitsAlgorithm(EVP_PKEY* pkey, JwsAlgorithm alg);

class Pkey {
 public:
  // REQUIRES: `pkey` is of the type `alg` needs (checked by the factories of SigningKey and
  // VerifyKey, never here).
  Pkey(PkeyPtr pkey, JwsAlgorithm alg);
  Pkey(const Pkey&) = delete;
  Pkey& operator=(const Pkey&) = delete;

  EVP_PKEY* get() const { return pkey_.get(); }
  JwsAlgorithm alg() const { return alg_; }

  // Writes the JWS signature of `message` (RFC 7515 §5.1 step 5: over the JWS Signing Input) to
  // `out`; returns its length, or 0 on an OpenSSL failure. REQUIRES: a private key.
  size_t Sign(std::string_view message, std::span<uint8_t, kMaxSignatureSize> out) const;

  // True when `signature` (JWS form, e.g. R||S for ECDSA) is valid for `message`.
  bool Verify(std::string_view message, std::span<const uint8_t> signature) const;

 private:
  PkeyPtr pkey_;
  JwsAlgorithm alg_;
  uint64_t id_;  // process-unique, keys the per-thread context cache
};

}  // namespace gatehouse::crypto
