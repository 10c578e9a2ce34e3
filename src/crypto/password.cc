#include "crypto/password.h"

#include <sodium.h>

namespace gatehouse::crypto {
namespace {

// OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1.
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19ull * 1024 * 1024;

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(Error::Internal("password hashing failed (out of memory)"));
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, std::string_view encoded) {
  // crypto_pwhash_str_verify needs a NUL-terminated string of bounded length.
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  std::string str(encoded);
  return crypto_pwhash_str_verify(str.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view encoded) {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return true;
  std::string str(encoded);
  return crypto_pwhash_str_needs_rehash(str.c_str(), kOpsLimit, kMemLimit) != 0;
}

}  // namespace gatehouse::crypto
