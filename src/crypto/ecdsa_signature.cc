#include "crypto/ecdsa_signature.h"

#include <algorithm>
#include <cstring>

namespace gatehouse::crypto {
namespace {

// Group orders n (SEC 2 §2.4.2, §2.5.1), big-endian.
constexpr uint8_t kP256Order[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51};
constexpr uint8_t kP384Order[48] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xC7, 0x63, 0x4D, 0x81, 0xF4, 0x37, 0x2D, 0xDF,
    0x58, 0x1A, 0x0D, 0xB2, 0x48, 0xB0, 0xA7, 0x7A, 0xEC, 0xEC, 0x19, 0x6A, 0xCC, 0xC5, 0x29, 0x73};

// Reads one DER INTEGER at der[*pos] into `out` (left-padded to `size`); advances *pos.
bool ReadInteger(std::span<const uint8_t> der, size_t* pos, size_t size, uint8_t* out) {
  size_t p = *pos;
  if (p + 2 > der.size() || der[p] != 0x02) return false;
  size_t len = der[p + 1];
  p += 2;
  if (len == 0 || len >= 0x80 || p + len > der.size()) return false;
  const uint8_t* v = der.data() + p;
  if (v[0] & 0x80) return false;  // negative
  while (len > 1 && v[0] == 0) {  // leading zero octets (a sign octet, or a lax encoder's)
    ++v;
    --len;
  }
  if (len > size) return false;
  std::memset(out, 0, size - len);
  std::memcpy(out + size - len, v, len);
  *pos = p + (v - (der.data() + p)) + len;
  return true;
}

// Appends `value` (big-endian, non-zero) as a minimal DER INTEGER.
size_t WriteInteger(std::span<const uint8_t> value, uint8_t* out) {
  size_t skip = 0;
  while (skip + 1 < value.size() && value[skip] == 0) ++skip;
  const bool pad = value[skip] & 0x80;  // keep it non-negative
  size_t len = value.size() - skip + (pad ? 1 : 0);
  out[0] = 0x02;
  out[1] = static_cast<uint8_t>(len);
  size_t n = 2;
  if (pad) out[n++] = 0;
  std::memcpy(out + n, value.data() + skip, value.size() - skip);
  return n + value.size() - skip;
}

}  // namespace

bool EcdsaScalarInRange(JwsAlgorithm alg, std::span<const uint8_t> value) {
  std::span<const uint8_t> order = alg == JwsAlgorithm::kES256 ? std::span<const uint8_t>(kP256Order)
                                                               : std::span<const uint8_t>(kP384Order);
  if (value.size() != order.size()) return false;
  const bool zero = std::all_of(value.begin(), value.end(), [](uint8_t b) { return b == 0; });
  return !zero && std::lexicographical_compare(value.begin(), value.end(), order.begin(), order.end());
}

bool EcdsaDerToRaw(std::span<const uint8_t> der, size_t scalar_size, uint8_t* out) {
  if (der.size() < 2 || der[0] != 0x30) return false;
  size_t pos = 2;
  size_t body = der[1];
  if (body == 0x81) {  // long form, one length octet (not needed below P-521, tolerated)
    if (der.size() < 3) return false;
    body = der[2];
    pos = 3;
  } else if (body >= 0x80) {
    return false;
  }
  if (pos + body != der.size()) return false;
  if (!ReadInteger(der, &pos, scalar_size, out)) return false;
  if (!ReadInteger(der, &pos, scalar_size, out + scalar_size)) return false;
  return pos == der.size();
}

size_t EcdsaRawToDer(JwsAlgorithm alg, std::span<const uint8_t> raw,
                     uint8_t (&out)[kMaxEcdsaDerSize]) {
  const size_t n = EcdsaScalarSize(alg);
  if (n == 0 || raw.size() != 2 * n) return 0;
  auto r = raw.first(n);
  auto s = raw.subspan(n);
  if (!EcdsaScalarInRange(alg, r) || !EcdsaScalarInRange(alg, s)) return 0;
  size_t len = 2;
  len += WriteInteger(r, out + len);
  len += WriteInteger(s, out + len);
  out[0] = 0x30;
  out[1] = static_cast<uint8_t>(len - 2);
  return len;
}

}  // namespace gatehouse::crypto
