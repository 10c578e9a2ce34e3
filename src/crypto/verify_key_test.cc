#include "crypto/verify_key.h"

#include <gtest/gtest.h>

#include "common/base64url.h"
#include "crypto/signing_key.h"

namespace gatehouse::crypto {
namespace {

std::string Field(const nlohmann::json& jwk, const char* name) {
  return *Base64UrlDecode(jwk.at(name).get<std::string>());
}

TEST(VerifyKey, RefusesAPointOffTheCurve) {
  auto jwk = SigningKey::Generate(JwsAlgorithm::kES256)->PublicJwk("k");
  std::string y = Field(jwk, "y");
  y.back() ^= 1;
  EXPECT_FALSE(VerifyKey::FromEcPoint(JwsAlgorithm::kES256, Field(jwk, "x"), y));
}

TEST(VerifyKey, RefusesShortenedCoordinates) {
  auto jwk = SigningKey::Generate(JwsAlgorithm::kES256)->PublicJwk("k");
  EXPECT_FALSE(
      VerifyKey::FromEcPoint(JwsAlgorithm::kES256, Field(jwk, "x").substr(1), Field(jwk, "y")));
}

TEST(VerifyKey, RefusesAP256PointDeclaredAsEs384) {
  auto jwk = SigningKey::Generate(JwsAlgorithm::kES256)->PublicJwk("k");
  EXPECT_FALSE(VerifyKey::FromEcPoint(JwsAlgorithm::kES384, Field(jwk, "x"), Field(jwk, "y")));
}

TEST(VerifyKey, RefusesTheAllZeroPoint) {
  EXPECT_FALSE(VerifyKey::FromEcPoint(JwsAlgorithm::kES256, std::string(32, '\0'),
                                      std::string(32, '\0')));
}

TEST(VerifyKey, RefusesRsaModuliUnder2048Bits) {
  std::string n(128, '\xff');  // 1024 bits
  EXPECT_FALSE(VerifyKey::FromRsa(JwsAlgorithm::kRS256, n, std::string("\x01\x00\x01", 3)));
}

TEST(VerifyKey, RefusesEvenOrUnitRsaExponents) {
  auto jwk = SigningKey::Generate(JwsAlgorithm::kRS256)->PublicJwk("k");
  const std::string n = Field(jwk, "n");
  EXPECT_TRUE(VerifyKey::FromRsa(JwsAlgorithm::kRS256, n, std::string("\x01\x00\x01", 3)));
  EXPECT_FALSE(VerifyKey::FromRsa(JwsAlgorithm::kRS256, n, std::string("\x01\x00\x02", 3)));
  EXPECT_FALSE(VerifyKey::FromRsa(JwsAlgorithm::kRS256, n, std::string("\x01", 1)));
  EXPECT_FALSE(VerifyKey::FromRsa(JwsAlgorithm::kRS256, n, ""));
  EXPECT_FALSE(VerifyKey::FromRsa(JwsAlgorithm::kES256, n, std::string("\x01\x00\x01", 3)));
}

TEST(VerifyKey, RefusesEd25519KeysOfTheWrongSize) {
  EXPECT_FALSE(VerifyKey::FromEd25519(std::string(31, 'a')));
  EXPECT_FALSE(VerifyKey::FromEd25519(std::string(33, 'a')));
}

TEST(VerifyKey, EcdsaRefusesDerEncodedSignatures) {
  auto key = SigningKey::Generate(JwsAlgorithm::kES256);
  auto raw = *key->Sign("m");
  // The same (r, s) in DER (with minimal integers) is not a JWS signature.
  std::string der = "\x30\x44\x02\x20" + raw.substr(0, 32) + "\x02\x20" + raw.substr(32);
  EXPECT_FALSE(key->PublicKey().Verify("m", der));
  EXPECT_TRUE(key->PublicKey().Verify("m", raw));
}

}  // namespace
}  // namespace gatehouse::crypto
