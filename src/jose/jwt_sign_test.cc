#include "jose/jwt_sign.h"

#include <gtest/gtest.h>

#include "common/base64url.h"
#include "jose/jws.h"

namespace gatehouse::jose {
namespace {

using crypto::JwsAlgorithm;
using crypto::SigningKey;

TEST(SignJwt, ProducesAVerifiableCompactJws) {
  auto key = SigningKey::Generate(JwsAlgorithm::kES256);
  ASSERT_TRUE(key);
  auto token = SignJwt(*key, "key-1", "at+jwt", R"({"sub":"alice"})");
  ASSERT_TRUE(token) << token.error().message;
  auto jws = ParseCompactJws(*token);
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->header, nlohmann::json({{"alg", "ES256"}, {"typ", "at+jwt"}, {"kid", "key-1"}}));
  EXPECT_EQ(jws->payload, R"({"sub":"alice"})");
  EXPECT_EQ(jws->signature.size(), 64u);
  EXPECT_TRUE(key->PublicKey().Verify(jws->signing_input, jws->signature));
}

TEST(SignJwt, WritesTheHeaderInAFixedOrderWithoutEmptyMembers) {
  auto key = SigningKey::Generate(JwsAlgorithm::kEdDSA);
  auto token = SignJwt(*key, "", "", "{}");
  ASSERT_TRUE(token);
  EXPECT_EQ(*Base64UrlDecode(token->substr(0, token->find('.'))), R"({"alg":"EdDSA"})");
  token = SignJwt(*key, "k", "at+jwt", "{}");
  EXPECT_EQ(*Base64UrlDecode(token->substr(0, token->find('.'))),
            R"({"alg":"EdDSA","typ":"at+jwt","kid":"k"})");
}

TEST(SignJwt, EscapesKidAndTypThatNeedIt) {
  auto key = SigningKey::Generate(JwsAlgorithm::kES256);
  auto token = SignJwt(*key, "a\"b\\c", "x\ny", "{}");
  ASSERT_TRUE(token);
  auto jws = ParseCompactJws(*token);
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->header["kid"], "a\"b\\c");
  EXPECT_EQ(jws->header["typ"], "x\ny");
}

TEST(SignJwt, RefusesClaimsThatAreNotAnObject) {
  auto key = SigningKey::Generate(JwsAlgorithm::kES256);
  EXPECT_FALSE(SignJwt(*key, "k", "JWT", "[]"));
  EXPECT_FALSE(SignJwt(*key, "k", "JWT", ""));
  EXPECT_FALSE(SignJwtClaims(*key, "k", "JWT", nlohmann::json::array()));
  EXPECT_FALSE(SignJwtClaims(*key, "k", "JWT", {{"bad", "\xff"}}));
}

TEST(SignJwtClaims, SerialisesTheClaimsObject) {
  auto key = SigningKey::Generate(JwsAlgorithm::kRS256);
  auto token = SignJwtClaims(*key, "k", "at+jwt", {{"scope", "a b"}, {"exp", 10}});
  ASSERT_TRUE(token);
  auto jws = ParseCompactJws(*token);
  EXPECT_EQ(nlohmann::json::parse(jws->payload)["scope"], "a b");
  EXPECT_TRUE(key->PublicKey().Verify(jws->signing_input, jws->signature));
}

}  // namespace
}  // namespace gatehouse::jose
