#include "crypto/digest.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace gatehouse::crypto {
namespace {

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Sha256Digest Sha256(std::string_view bytes) {
  Sha256Digest out;
  SHA256(Bytes(bytes), bytes.size(), out.data());
  return out;
}

size_t HashForAlgorithm(JwsAlgorithm alg, std::string_view message,
                        std::array<uint8_t, kMaxDigestSize>& out) {
  switch (alg) {
    case JwsAlgorithm::kES256:
    case JwsAlgorithm::kRS256:
    case JwsAlgorithm::kPS256:
      SHA256(Bytes(message), message.size(), out.data());
      return SHA256_DIGEST_LENGTH;
    case JwsAlgorithm::kES384:
      SHA384(Bytes(message), message.size(), out.data());
      return SHA384_DIGEST_LENGTH;
    case JwsAlgorithm::kEdDSA:
      return 0;
  }
  return 0;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace gatehouse::crypto
