// KeyCache: the JWKS a Verifier trusts, loaded lazily, shared by all threads, refreshed when it
// ages or when a token names a key it does not know, without letting tokens drive the fetch rate.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/shared_slot.h"
#include "crypto/verify_key.h"
#include "jose/jwk.h"

namespace gatehouse::verify {

// Error codes (Error::code) of KeyCache::Find.
inline constexpr std::string_view kJwksUnavailable = "verify.jwks_unavailable";
inline constexpr std::string_view kUnknownKey = "verify.unknown_key";
inline constexpr std::string_view kAlgorithmMismatch = "verify.alg_mismatch";

struct KeyCacheSettings {
  std::function<Result<std::string>()> fetch;  // returns the JWKS document
  std::function<int64_t()> now;                // seconds; any monotone-enough clock
  int64_t max_age = 600;                       // refetch (in the background of one call) after
  int64_t cooldown = 30;                       // at most one token-triggered fetch per interval
};

class KeyCache {
 public:
  explicit KeyCache(KeyCacheSettings settings);

  // Fetches and parses the JWKS now, whatever the cooldown. On failure (kJwksUnavailable) the
  // previous keys stay in use.
  Result<void> Refresh();

  // The key for the token's `kid` whose own algorithm is `alg` (RFC 8725 §3.1). With an empty
  // `kid` the JWKS must hold exactly one key. Fails with:
  //  - kAlgorithmMismatch: the kid exists, but for another algorithm (no refetch: key
  //    rotation never changes the algorithm of a kid);
  //  - kUnknownKey: no such kid, even after one refetch (skipped within the cooldown);
  //  - kJwksUnavailable: no JWKS could be loaded yet (retried at most once per cooldown, so a
  //    dead endpoint costs callers nothing but the error).
  // Thread-safe; lock-free on the common path (known kid, fresh JWKS).
  Result<crypto::VerifyKey> Find(std::string_view kid, crypto::JwsAlgorithm alg);

 private:
  struct Snapshot {
    jose::Jwks jwks;
    int64_t fetched_at;
  };

  // REQUIRES: fetch_mutex_ held.
  Result<void> FetchLocked();
  // REQUIRES: fetch_mutex_ held. True when a token-triggered fetch is allowed now.
  bool CooledDownLocked() const;

  KeyCacheSettings settings_;
  SharedSlot<Snapshot> current_;
  std::mutex fetch_mutex_;
  bool attempted_ = false;    // guarded by fetch_mutex_
  int64_t last_attempt_ = 0;  // guarded by fetch_mutex_
  std::string last_error_;    // guarded by fetch_mutex_
};

}  // namespace gatehouse::verify
