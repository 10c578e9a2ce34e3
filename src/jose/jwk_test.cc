#include "jose/jwk.h"

#include <gtest/gtest.h>

#include "crypto/signing_key.h"

namespace gatehouse::jose {
namespace {

using crypto::JwsAlgorithm;
using crypto::SigningKey;

nlohmann::json PublicJwk(JwsAlgorithm alg, const char* kid = "k") {
  return SigningKey::Generate(alg)->PublicJwk(kid);
}

TEST(ParseJwk, BindsEachKeyToItsAlg) {
  for (auto alg : {JwsAlgorithm::kES256, JwsAlgorithm::kES384, JwsAlgorithm::kRS256,
                   JwsAlgorithm::kPS256, JwsAlgorithm::kEdDSA}) {
    auto jwk = ParseJwk(PublicJwk(alg));
    ASSERT_TRUE(jwk) << crypto::AlgorithmName(alg) << ": " << jwk.error().message;
    EXPECT_EQ(jwk->key.algorithm(), alg);
    EXPECT_EQ(jwk->kid, "k");
  }
}

TEST(ParseJwk, ImpliesTheAlgOnlyWhereUnambiguous) {
  auto ec = PublicJwk(JwsAlgorithm::kES384);
  ec.erase("alg");
  EXPECT_EQ(ParseJwk(ec)->key.algorithm(), JwsAlgorithm::kES384);
  auto ed = PublicJwk(JwsAlgorithm::kEdDSA);
  ed.erase("alg");
  EXPECT_EQ(ParseJwk(ed)->key.algorithm(), JwsAlgorithm::kEdDSA);
  auto rsa = PublicJwk(JwsAlgorithm::kRS256);
  rsa.erase("alg");
  auto r = ParseJwk(rsa);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("ambiguous"), std::string::npos);
}

TEST(ParseJwk, RefusesAnAlgThatDoesNotFitTheKey) {
  auto ec = PublicJwk(JwsAlgorithm::kES256);
  ec["alg"] = "ES384";
  EXPECT_FALSE(ParseJwk(ec));
  ec["alg"] = "RS256";
  EXPECT_FALSE(ParseJwk(ec));
  ec["alg"] = "HS256";
  EXPECT_FALSE(ParseJwk(ec));
  auto rsa = PublicJwk(JwsAlgorithm::kRS256);
  rsa["alg"] = "EdDSA";
  EXPECT_FALSE(ParseJwk(rsa));
  rsa["alg"] = "PS256";
  EXPECT_EQ(ParseJwk(rsa)->key.algorithm(), JwsAlgorithm::kPS256);
}

TEST(ParseJwk, RefusesKeysNotMeantForVerification) {
  auto jwk = PublicJwk(JwsAlgorithm::kES256);
  jwk["use"] = "enc";
  EXPECT_FALSE(ParseJwk(jwk));
  jwk.erase("use");
  jwk["key_ops"] = {"encrypt"};
  EXPECT_FALSE(ParseJwk(jwk));
  jwk["key_ops"] = {"verify"};
  EXPECT_TRUE(ParseJwk(jwk));
}

TEST(ParseJwk, RefusesPrivateAndSymmetricKeys) {
  auto jwk = PublicJwk(JwsAlgorithm::kES256);
  jwk["d"] = "AAAA";
  EXPECT_FALSE(ParseJwk(jwk));
  EXPECT_FALSE(ParseJwk({{"kty", "oct"}, {"k", "c2VjcmV0"}, {"alg", "HS256"}}));
}

TEST(ParseJwk, RefusesMalformedMembers) {
  auto jwk = PublicJwk(JwsAlgorithm::kES256);
  jwk["x"] = "not base64url!";
  EXPECT_FALSE(ParseJwk(jwk));
  jwk.erase("x");
  EXPECT_FALSE(ParseJwk(jwk));
  EXPECT_FALSE(ParseJwk(nlohmann::json::array()));
  EXPECT_FALSE(ParseJwk({{"kty", "EC"}, {"crv", "P-521"}, {"x", "AA"}, {"y", "AA"}}));
  auto kid = PublicJwk(JwsAlgorithm::kES256);
  kid["kid"] = 7;
  EXPECT_FALSE(ParseJwk(kid));
}

TEST(ParseJwks, KeepsUsableKeysAndSaysWhyOthersWereSkipped) {
  nlohmann::json set = {{"keys",
                         {PublicJwk(JwsAlgorithm::kES256, "a"), {{"kty", "oct"}, {"k", "AA"}},
                          PublicJwk(JwsAlgorithm::kEdDSA, "b")}}};
  auto jwks = ParseJwks(set.dump());
  ASSERT_TRUE(jwks) << jwks.error().message;
  ASSERT_EQ(jwks->keys.size(), 2u);
  EXPECT_EQ(jwks->keys[1].kid, "b");
  ASSERT_EQ(jwks->skipped.size(), 1u);
  EXPECT_NE(jwks->skipped[0].find("key 1"), std::string::npos);
}

TEST(ParseJwks, SkipsASecondKeyWithTheSameKidAndAlg) {
  nlohmann::json set = {
      {"keys", {PublicJwk(JwsAlgorithm::kES256, "a"), PublicJwk(JwsAlgorithm::kES256, "a")}}};
  auto jwks = ParseJwks(set.dump());
  ASSERT_TRUE(jwks);
  EXPECT_EQ(jwks->keys.size(), 1u);
}

TEST(ParseJwks, RefusesDocumentsWithoutUsableKeys) {
  EXPECT_FALSE(ParseJwks(R"({"keys":[]})"));
  EXPECT_FALSE(ParseJwks(R"({"keys":{}})"));
  EXPECT_FALSE(ParseJwks(R"([])"));
  EXPECT_FALSE(ParseJwks("garbage"));
  EXPECT_FALSE(ParseJwks(R"({"keys":[{"kty":"oct","k":"AA"}]})"));
}

TEST(ParseJwks, RefusesOversizedDocumentsAndTooManyKeys) {
  EXPECT_FALSE(ParseJwks(std::string(kMaxJwksSize + 1, ' ')));
  nlohmann::json set = {{"keys", nlohmann::json::array()}};
  for (int i = 0; i < 101; ++i) set["keys"].push_back({{"kty", "EC"}});
  auto r = ParseJwks(set.dump());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("100"), std::string::npos);
}

}  // namespace
}  // namespace gatehouse::jose
