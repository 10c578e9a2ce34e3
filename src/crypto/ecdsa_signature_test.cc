#include "crypto/ecdsa_signature.h"

#include <gtest/gtest.h>

#include <vector>

namespace gatehouse::crypto {
namespace {

std::vector<uint8_t> Raw(uint8_t r_fill, uint8_t s_fill, size_t n = 32) {
  std::vector<uint8_t> raw(2 * n);
  std::fill(raw.begin(), raw.begin() + n, r_fill);
  std::fill(raw.begin() + n, raw.end(), s_fill);
  return raw;
}

// P-256 group order n.
std::vector<uint8_t> P256Order() {
  return {0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
          0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17,
          0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51};
}

TEST(EcdsaSignature, RawToDerAndBackIsTheIdentity) {
  auto raw = Raw(0x80, 0x01);  // r needs a sign octet, s has leading zeros once trimmed
  raw[32] = 0;
  uint8_t der[kMaxEcdsaDerSize];
  size_t len = EcdsaRawToDer(JwsAlgorithm::kES256, raw, der);
  ASSERT_GT(len, 0u);
  EXPECT_EQ(der[0], 0x30);
  EXPECT_EQ(der[2], 0x02);
  EXPECT_EQ(der[3], 33);  // 0x00 sign octet + 32 bytes
  std::vector<uint8_t> back(64);
  ASSERT_TRUE(EcdsaDerToRaw({der, len}, 32, back.data()));
  EXPECT_EQ(back, raw);
}

TEST(EcdsaSignature, RefusesZeroR) {
  uint8_t der[kMaxEcdsaDerSize];
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES256, Raw(0, 1), der), 0u);
}

TEST(EcdsaSignature, RefusesZeroS) {
  uint8_t der[kMaxEcdsaDerSize];
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES256, Raw(1, 0), der), 0u);
}

TEST(EcdsaSignature, RefusesAllZeroSignature) {
  uint8_t der[kMaxEcdsaDerSize];
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES256, Raw(0, 0), der), 0u);
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES384, Raw(0, 0, 48), der), 0u);
}

TEST(EcdsaSignature, RefusesRAtOrAboveTheGroupOrder) {
  auto n = P256Order();
  EXPECT_FALSE(EcdsaScalarInRange(JwsAlgorithm::kES256, n));
  auto n_minus_1 = n;
  n_minus_1.back() -= 1;
  EXPECT_TRUE(EcdsaScalarInRange(JwsAlgorithm::kES256, n_minus_1));
  std::vector<uint8_t> raw = n;
  raw.insert(raw.end(), n_minus_1.begin(), n_minus_1.end());
  uint8_t der[kMaxEcdsaDerSize];
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES256, raw, der), 0u);
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES256, Raw(0xFF, 1), der), 0u);
}

TEST(EcdsaSignature, RefusesWrongWidth) {
  uint8_t der[kMaxEcdsaDerSize];
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES256, Raw(1, 1, 31), der), 0u);
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kES384, Raw(1, 1, 32), der), 0u);
  EXPECT_EQ(EcdsaRawToDer(JwsAlgorithm::kRS256, Raw(1, 1), der), 0u);
}

TEST(EcdsaSignature, DerParserRefusesTrailingBytesNegativesAndOversizedIntegers) {
  std::vector<uint8_t> out(64);
  const std::vector<uint8_t> ok = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02};
  EXPECT_TRUE(EcdsaDerToRaw(ok, 32, out.data()));
  auto trailing = ok;
  trailing.push_back(0);
  EXPECT_FALSE(EcdsaDerToRaw(trailing, 32, out.data()));
  const std::vector<uint8_t> negative = {0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x02};
  EXPECT_FALSE(EcdsaDerToRaw(negative, 32, out.data()));
  std::vector<uint8_t> big = {0x30, 0x26, 0x02, 0x21, 0x01};
  big.resize(2 + 2 + 33, 0x11);
  big.insert(big.end(), {0x02, 0x01, 0x01});
  big[1] = static_cast<uint8_t>(big.size() - 2);
  EXPECT_FALSE(EcdsaDerToRaw(big, 32, out.data()));
  EXPECT_FALSE(EcdsaDerToRaw({}, 32, out.data()));
  const std::vector<uint8_t> short_seq = {0x30, 0x05, 0x02, 0x01, 0x01, 0x02, 0x01};
  EXPECT_FALSE(EcdsaDerToRaw(short_seq, 32, out.data()));
}

// About one signature in 128 has an R or S whose top byte is zero: DER then holds a 31-byte
// INTEGER, and the raw form must still be left-padded to 32 bytes (RFC 7518 §3.4).
TEST(EcdsaSignature, ShortRRoundTripsBothWays) {
  auto raw = Raw(0x12, 0x34);
  raw[0] = 0;  // r = 00 12 12 ...: 31 significant bytes
  uint8_t der[kMaxEcdsaDerSize];
  size_t len = EcdsaRawToDer(JwsAlgorithm::kES256, raw, der);
  ASSERT_EQ(len, 2u + (2 + 31) + (2 + 32));
  EXPECT_EQ(der[3], 31);
  EXPECT_EQ(der[4], 0x12);
  std::vector<uint8_t> back(64, 0xEE);
  ASSERT_TRUE(EcdsaDerToRaw({der, len}, 32, back.data()));
  EXPECT_EQ(back, raw);
}

TEST(EcdsaSignature, ShortSRoundTripsBothWays) {
  auto raw = Raw(0x92, 0x34);  // r needs a sign octet: 33 bytes in DER
  raw[32] = 0;
  raw[33] = 0;  // s = 00 00 34 ...: 30 significant bytes
  uint8_t der[kMaxEcdsaDerSize];
  size_t len = EcdsaRawToDer(JwsAlgorithm::kES256, raw, der);
  ASSERT_EQ(len, 2u + (2 + 33) + (2 + 30));
  EXPECT_EQ(der[2 + 2 + 33 + 1], 30);
  std::vector<uint8_t> back(64, 0xEE);
  ASSERT_TRUE(EcdsaDerToRaw({der, len}, 32, back.data()));
  EXPECT_EQ(back, raw);
}

TEST(EcdsaSignature, DerWithShortIntegersFromAnotherEncoderIsPadded) {
  // 30 45 | 02 1F <31 x 0x11> | 02 21 00 <32 x 0x99>: R short, S with its sign octet.
  std::vector<uint8_t> der = {0x30, 0x44, 0x02, 0x1F};
  der.insert(der.end(), 31, 0x11);
  der.insert(der.end(), {0x02, 0x21, 0x00});
  der.insert(der.end(), 32, 0x99);
  std::vector<uint8_t> out(64, 0xEE);
  ASSERT_TRUE(EcdsaDerToRaw(der, 32, out.data()));
  std::vector<uint8_t> want(1, 0x00);
  want.insert(want.end(), 31, 0x11);
  want.insert(want.end(), 32, 0x99);
  EXPECT_EQ(out, want);
}

}  // namespace
}  // namespace gatehouse::crypto
