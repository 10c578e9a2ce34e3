#include "crypto/signing_key.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "common/base64url.h"
#include "crypto/digest.h"

namespace gatehouse::crypto {
namespace {

class SigningKeyAlgorithms : public ::testing::TestWithParam<JwsAlgorithm> {};

INSTANTIATE_TEST_SUITE_P(All, SigningKeyAlgorithms,
                         ::testing::Values(JwsAlgorithm::kES256, JwsAlgorithm::kES384,
                                           JwsAlgorithm::kRS256, JwsAlgorithm::kPS256,
                                           JwsAlgorithm::kEdDSA),
                         [](const auto& info) { return std::string(AlgorithmName(info.param)); });

std::string B64(const nlohmann::json& jwk, const char* name) {
  return Base64UrlDecode(jwk.at(name).get<std::string>()).value_or("");
}

// Rebuilds a VerifyKey from the published JWK, as a relying party would.
Result<VerifyKey> FromJwk(const nlohmann::json& jwk, JwsAlgorithm alg) {
  if (jwk["kty"] == "EC") return VerifyKey::FromEcPoint(alg, B64(jwk, "x"), B64(jwk, "y"));
  if (jwk["kty"] == "RSA") return VerifyKey::FromRsa(alg, B64(jwk, "n"), B64(jwk, "e"));
  return VerifyKey::FromEd25519(B64(jwk, "x"));
}

TEST_P(SigningKeyAlgorithms, SignatureVerifiesWithThePublishedJwk) {
  auto key = SigningKey::Generate(GetParam());
  ASSERT_TRUE(key) << key.error().message;
  auto sig = key->Sign("header.payload");
  ASSERT_TRUE(sig);
  auto jwk = key->PublicJwk("k1");
  EXPECT_EQ(jwk["kid"], "k1");
  EXPECT_EQ(jwk["alg"], AlgorithmName(GetParam()));
  EXPECT_EQ(jwk["use"], "sig");
  auto verify = FromJwk(jwk, GetParam());
  ASSERT_TRUE(verify) << verify.error().message;
  EXPECT_TRUE(verify->Verify("header.payload", *sig));
  EXPECT_TRUE(key->PublicKey().Verify("header.payload", *sig));
}

TEST_P(SigningKeyAlgorithms, SignatureOfAnotherMessageDoesNotVerify) {
  auto key = SigningKey::Generate(GetParam());
  ASSERT_TRUE(key);
  auto sig = key->Sign("header.payload");
  ASSERT_TRUE(sig);
  EXPECT_FALSE(key->PublicKey().Verify("header.payloaD", *sig));
  std::string flipped = *sig;
  flipped[flipped.size() / 2] ^= 1;
  EXPECT_FALSE(key->PublicKey().Verify("header.payload", flipped));
  EXPECT_FALSE(key->PublicKey().Verify("header.payload", ""));
}

TEST_P(SigningKeyAlgorithms, SignatureByAnotherKeyDoesNotVerify) {
  auto a = SigningKey::Generate(GetParam());
  auto b = SigningKey::Generate(GetParam());
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(b->PublicKey().Verify("m", *a->Sign("m")));
}

TEST_P(SigningKeyAlgorithms, KeysUsedInTurnOnOneThreadKeepTheirOwnIdentity) {
  // Regression: a per-thread context reused across keys once verified with the previous key.
  auto a = SigningKey::Generate(GetParam());
  auto b = SigningKey::Generate(GetParam());
  ASSERT_TRUE(a && b);
  for (int i = 0; i < 3; ++i) {
    auto sa = a->Sign("m");
    auto sb = b->Sign("m");
    EXPECT_TRUE(a->PublicKey().Verify("m", *sa));
    EXPECT_FALSE(b->PublicKey().Verify("m", *sa));
    EXPECT_TRUE(b->PublicKey().Verify("m", *sb));
    EXPECT_FALSE(a->PublicKey().Verify("m", *sb));
  }
}

TEST_P(SigningKeyAlgorithms, PemRoundTripKeepsTheKey) {
  auto key = SigningKey::Generate(GetParam());
  ASSERT_TRUE(key);
  const std::string pem = key->ToPem();
  EXPECT_NE(pem.find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
  auto loaded = SigningKey::FromPem(GetParam(), pem);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_TRUE(key->PublicKey().Verify("m", *loaded->Sign("m")));
  EXPECT_EQ(loaded->PublicJwk("k"), key->PublicJwk("k"));
}

TEST(SigningKey, EcdsaSignaturesAreFixedWidthRawNotDer) {
  for (int i = 0; i < 50; ++i) {  // DER length varies run to run; R||S must not
    EXPECT_EQ(SigningKey::Generate(JwsAlgorithm::kES256)->Sign("x")->size(), 64u);
  }
  EXPECT_EQ(SigningKey::Generate(JwsAlgorithm::kES384)->Sign("x")->size(), 96u);
  EXPECT_EQ(SigningKey::Generate(JwsAlgorithm::kEdDSA)->Sign("x")->size(), 64u);
  EXPECT_EQ(SigningKey::Generate(JwsAlgorithm::kRS256)->Sign("x")->size(), 256u);
}

TEST(SigningKey, FromPemRefusesAKeyOfAnotherAlgorithm) {
  auto p256 = SigningKey::Generate(JwsAlgorithm::kES256)->ToPem();
  EXPECT_FALSE(SigningKey::FromPem(JwsAlgorithm::kES384, p256));
  EXPECT_FALSE(SigningKey::FromPem(JwsAlgorithm::kRS256, p256));
  EXPECT_FALSE(SigningKey::FromPem(JwsAlgorithm::kEdDSA, p256));
  auto ed = SigningKey::Generate(JwsAlgorithm::kEdDSA)->ToPem();
  EXPECT_FALSE(SigningKey::FromPem(JwsAlgorithm::kES256, ed));
}

TEST(SigningKey, FromPemRefusesGarbage) {
  auto r = SigningKey::FromPem(JwsAlgorithm::kES256, "-----BEGIN PRIVATE KEY-----\nAAAA\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "crypto.invalid_key");
  EXPECT_FALSE(SigningKey::FromPem(JwsAlgorithm::kES256, ""));
}

TEST(SigningKey, RsaAndPssSignaturesAreNotInterchangeable) {
  auto rs = SigningKey::Generate(JwsAlgorithm::kRS256);
  ASSERT_TRUE(rs);
  auto as_pss = SigningKey::FromPem(JwsAlgorithm::kPS256, rs->ToPem());
  ASSERT_TRUE(as_pss);
  EXPECT_FALSE(as_pss->PublicKey().Verify("m", *rs->Sign("m")));
  EXPECT_FALSE(rs->PublicKey().Verify("m", *as_pss->Sign("m")));
}

TEST(SigningKey, SignsConcurrentlyFromManyThreads) {
  auto key = SigningKey::Generate(JwsAlgorithm::kES256);
  ASSERT_TRUE(key);
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) {
        std::string m = "msg" + std::to_string(t * 1000 + i);
        auto sig = key->Sign(m);
        if (sig && key->PublicKey().Verify(m, *sig)) ++good;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(good.load(), 400);
}

TEST(Digest, Sha256MatchesFips180Vector) {
  auto d = Sha256("abc");
  EXPECT_EQ(d[0], 0xba);
  EXPECT_EQ(d[31], 0xad);
}

TEST(Digest, ConstantTimeEqualsComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
}

}  // namespace
}  // namespace gatehouse::crypto
