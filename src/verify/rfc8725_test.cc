// The attacks of RFC 8725 (JWT Best Current Practices) and issue 4, one test each: every one must
// be refused, with the reason a service can act on.
#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include "verify/verify_test_util.h"

namespace gatehouse::verify {
namespace {

using namespace testing;
using crypto::JwsAlgorithm;
using crypto::SigningKey;

class Rfc8725 : public ::testing::Test {
 protected:
  Rfc8725() {
    Options o;
    o.jwks_json = keys_.Jwks().dump();
    o.issuer = kIssuer;
    o.audiences = {OrganizationAudience("org-a")};
    o.now = [] { return kNow; };
    verifier_ = std::make_unique<Verifier>(std::move(*Verifier::Create(std::move(o))));
  }

  // The reason `token` is refused; fails the test if it is accepted.
  Reason Refusal(const std::string& token) {
    auto r = verifier_->Verify(token);
    if (r) {
      ADD_FAILURE() << "accepted: " << token;
      return Reason::kConfiguration;
    }
    return r.error().reason();
  }

  std::string SignedInput(const nlohmann::json& header, const nlohmann::json& claims) {
    return Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(claims.dump());
  }

  const Keys& keys_ = Keys::Shared();
  std::unique_ptr<Verifier> verifier_;
};

TEST_F(Rfc8725, AcceptsTheGenuineTokenTheAttacksStartFrom) {
  EXPECT_TRUE(verifier_->Verify(Mint(keys_.es256, Header(keys_.es256, "es256"), OrgClaims())));
}

TEST_F(Rfc8725, RefusesAlgNoneWithOrWithoutASignature) {
  nlohmann::json header = {{"alg", "none"}, {"typ", "at+jwt"}, {"kid", "es256"}};
  const std::string input = SignedInput(header, OrgClaims());
  EXPECT_EQ(Refusal(input + "."), Reason::kMalformed);  // unsigned: no third part content
  EXPECT_EQ(Refusal(input + "." + Base64UrlEncode("x")), Reason::kUnsupportedAlgorithm);
  header["alg"] = "None";
  EXPECT_EQ(Refusal(SignedInput(header, OrgClaims()) + ".eA"), Reason::kUnsupportedAlgorithm);
}

TEST_F(Rfc8725, RefusesHmacKeyedWithThePublicKey) {
  // The classic confusion: HS256 with the verifier's public key (as JWK text) as the secret.
  for (const char* kid : {"es256", "rs256"}) {
    nlohmann::json header = {{"alg", "HS256"}, {"typ", "at+jwt"}, {"kid", kid}};
    const std::string input = SignedInput(header, OrgClaims());
    const std::string secret =
        (kid == std::string("es256") ? keys_.es256 : keys_.rs256).PublicJwk(kid).dump();
    unsigned char mac[32];
    unsigned int len = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
    const std::string token =
        input + "." + Base64UrlEncode({reinterpret_cast<const char*>(mac), len});
    EXPECT_EQ(Refusal(token), Reason::kUnsupportedAlgorithm);
  }
}

TEST_F(Rfc8725, RefusesATokenWhoseAlgIsNotTheAlgOfItsKey) {
  // ES384 signature presented under the ES256 key's kid.
  auto header = Header(keys_.es384, "es256");
  EXPECT_EQ(Refusal(Mint(keys_.es384, header, OrgClaims())), Reason::kUnsupportedAlgorithm);
  // The RS256 key's owner signs PS256 with the same RSA key: still refused, the key is RS256's.
  auto as_pss = *SigningKey::FromPem(JwsAlgorithm::kPS256, keys_.rs256.ToPem());
  EXPECT_EQ(Refusal(Mint(as_pss, Header(as_pss, "rs256"), OrgClaims())),
            Reason::kUnsupportedAlgorithm);
  // EdDSA claimed for an EC key.
  EXPECT_EQ(Refusal(Mint(keys_.eddsa, Header(keys_.eddsa, "es256"), OrgClaims())),
            Reason::kUnsupportedAlgorithm);
}

TEST_F(Rfc8725, RefusesEcdsaSignaturesWithRorSZeroOrOutOfRange) {
  const std::string input = SignedInput(Header(keys_.es256, "es256"), OrgClaims());
  const std::string genuine = *keys_.es256.Sign(input);
  const std::string zero(32, '\0');
  const std::string order(  // the P-256 group order n
      "\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"
      "\xBC\xE6\xFA\xAD\xA7\x17\x9E\x84\xF3\xB9\xCA\xC2\xFC\x63\x25\x51",
      32);
  ASSERT_EQ(order.size(), 32u);
  for (const std::string& sig :
       {zero + zero, zero + genuine.substr(32), genuine.substr(0, 32) + zero,
        order + genuine.substr(32), genuine.substr(0, 32) + order, std::string(64, '\xff')}) {
    EXPECT_EQ(Refusal(input + "." + Base64UrlEncode(sig)), Reason::kBadSignature);
  }
  // Truncated or DER-shaped signatures too.
  EXPECT_EQ(Refusal(input + "." + Base64UrlEncode(genuine.substr(1))), Reason::kBadSignature);
}

TEST_F(Rfc8725, RefusesAValidSignatureByAnotherKeyUnderAKnownKid) {
  for (auto alg : {JwsAlgorithm::kES256, JwsAlgorithm::kRS256, JwsAlgorithm::kEdDSA}) {
    auto attacker = *SigningKey::Generate(alg);
    const char* kid = alg == JwsAlgorithm::kES256   ? "es256"
                      : alg == JwsAlgorithm::kRS256 ? "rs256"
                                                    : "eddsa";
    EXPECT_EQ(Refusal(Mint(attacker, Header(attacker, kid), OrgClaims())), Reason::kBadSignature);
  }
}

TEST_F(Rfc8725, NeverTrustsAKeyOrKeyUrlCarriedByTheToken) {
  auto attacker = *SigningKey::Generate(JwsAlgorithm::kES256);
  nlohmann::json header = Header(attacker, "es256");
  header["jwk"] = attacker.PublicJwk("es256");
  EXPECT_EQ(Refusal(Mint(attacker, header, OrgClaims())), Reason::kForbiddenHeader);
  // Even a genuine signature is refused when the header points at keys elsewhere.
  for (const char* name : {"jku", "x5u", "x5c"}) {
    nlohmann::json h = Header(keys_.es256, "es256");
    h[name] = name == std::string("x5c") ? nlohmann::json::array({"MIIB"})
                                         : nlohmann::json("https://evil.example/keys");
    EXPECT_EQ(Refusal(Mint(keys_.es256, h, OrgClaims())), Reason::kForbiddenHeader) << name;
  }
}

TEST_F(Rfc8725, RefusesUnknownCriticalExtensions) {
  nlohmann::json h = Header(keys_.es256, "es256");
  h["crit"] = {"urn:example:must-understand"};
  h["urn:example:must-understand"] = true;
  EXPECT_EQ(Refusal(Mint(keys_.es256, h, OrgClaims())), Reason::kForbiddenHeader);
}

TEST_F(Rfc8725, RefusesAnIdTokenOfferedAsAnAccessToken) {
  nlohmann::json h = Header(keys_.es256, "es256");
  h["typ"] = "JWT";
  auto id_claims = OrgClaims();
  id_claims["aud"] = OrganizationAudience("org-a");
  EXPECT_EQ(Refusal(Mint(keys_.es256, h, id_claims)), Reason::kWrongType);
  h.erase("typ");
  EXPECT_EQ(Refusal(Mint(keys_.es256, h, id_claims)), Reason::kWrongType);
}

TEST_F(Rfc8725, RefusesAnotherIssuerOrAudience) {
  auto claims = OrgClaims();
  claims["iss"] = "https://evil.example/oidc";
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)), Reason::kWrongIssuer);
  claims = OrgClaims("org-b");
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)),
            Reason::kWrongAudience);
}

TEST_F(Rfc8725, RefusesExpiredAndNotYetValidTokens) {
  auto claims = OrgClaims();
  claims["exp"] = kNow - 61;
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)), Reason::kExpired);
  claims = OrgClaims();
  claims["nbf"] = kNow + 3000;
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)), Reason::kNotYetValid);
  claims = OrgClaims();
  claims["iat"] = kNow + 3000;
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)), Reason::kBadIssuedAt);
}

TEST_F(Rfc8725, RefusesOversizedTokensCheaply) {
  auto claims = OrgClaims();
  claims["pad"] = std::string(20000, 'a');
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)), Reason::kMalformed);
  EXPECT_EQ(Refusal(std::string(1 << 20, 'a')), Reason::kMalformed);
}

TEST_F(Rfc8725, RefusesMalformedTokens) {
  const std::string good = Mint(keys_.es256, Header(keys_.es256, "es256"), OrgClaims());
  for (const std::string& bad :
       {std::string(), std::string("."), std::string(".."), std::string("a.b.c"), good + ".",
        good + "=", "Bearer " + good, good.substr(0, good.size() - 1) + "!",
        std::string("eyJhbGciOiJFUzI1NiJ9.e30"), good + "\n"}) {
    EXPECT_EQ(Refusal(bad), Reason::kMalformed) << bad;
  }
}

TEST_F(Rfc8725, RefusesDuplicateClaimNames) {
  const std::string header = Base64UrlEncode(Header(keys_.es256, "es256").dump());
  std::string payload = OrgClaims().dump();
  payload.insert(1, R"("aud":"urn:logto:organization:org-b",)");
  const std::string input = header + "." + Base64UrlEncode(payload);
  EXPECT_EQ(Refusal(input + "." + Base64UrlEncode(*keys_.es256.Sign(input))), Reason::kMalformed);
}

TEST_F(Rfc8725, RefusesClaimsOfTheWrongType) {
  auto claims = OrgClaims();
  claims["scope"] = {"remove:member"};
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)), Reason::kBadClaims);
  claims = OrgClaims();
  claims["exp"] = "never";
  EXPECT_EQ(Refusal(Mint(keys_.es256, Header(keys_.es256, "es256"), claims)), Reason::kBadClaims);
}

}  // namespace
}  // namespace gatehouse::verify
