// Random: the only source of randomness (libsodium's CSPRNG). Injected so tests can be
// deterministic where they need to be.
#pragma once

#include <cstddef>
#include <string>

namespace gatehouse {

class Random {
 public:
  virtual ~Random() = default;
  // Fills `out` with `n` cryptographically secure random bytes.
  virtual void Fill(void* out, size_t n) = 0;

  // A random id of `length` lowercase alphanumerics (API.md: organizations 12, others 21).
  std::string Id(size_t length = 21);
  // A random opaque secret: `bytes` random bytes, base64url without padding (>= 256 bits default).
  std::string Token(size_t bytes = 32);
};

// libsodium randombytes_buf. REQUIRES: sodium_init() succeeded (done by the constructor).
class SystemRandom final : public Random {
 public:
  SystemRandom();
  void Fill(void* out, size_t n) override;
};

}  // namespace gatehouse
