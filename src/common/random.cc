#include "common/random.h"

#include <sodium.h>

#include <stdexcept>

#include "common/base64url.h"

namespace gatehouse {

std::string Random::Id(size_t length) {
  static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string id(length, '0');
  for (auto& c : id) {
    // Rejection sampling keeps the distribution uniform over 36 symbols.
    unsigned char b;
    do {
      Fill(&b, 1);
    } while (b >= 252);  // 252 = 7 * 36
    c = kAlphabet[b % 36];
  }
  return id;
}

std::string Random::Token(size_t bytes) {
  std::string raw(bytes, '\0');
  Fill(raw.data(), raw.size());
  return Base64UrlEncode(raw);
}

SystemRandom::SystemRandom() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

void SystemRandom::Fill(void* out, size_t n) { randombytes_buf(out, n); }

}  // namespace gatehouse
