#include "jose/jwt_claims.h"

#include <gtest/gtest.h>

namespace gatehouse::jose {
namespace {

constexpr int64_t kNow = 1'700'000'000;

class CheckRegisteredClaimsTest : public ::testing::Test {
 protected:
  nlohmann::json Claims() {
    return {{"iss", "https://id.example/oidc"},
            {"sub", "alice"},
            {"aud", "urn:logto:organization:a"},
            {"exp", kNow + 3600},
            {"iat", kNow}};
  }
  Result<RegisteredClaims> Check(const nlohmann::json& claims) {
    return CheckRegisteredClaims(claims, {"https://id.example/oidc", &audiences_, kNow, 60, true});
  }
  std::string Code(const nlohmann::json& claims) {
    auto r = Check(claims);
    return r ? "ok" : r.error().code;
  }
  std::vector<std::string> audiences_ = {"urn:logto:organization:a"};
};

TEST_F(CheckRegisteredClaimsTest, AcceptsAValidAccessToken) {
  auto r = Check(Claims());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->subject, "alice");
  EXPECT_EQ(r->audiences, audiences_);
  EXPECT_EQ(r->expires_at, kNow + 3600);
}

TEST_F(CheckRegisteredClaimsTest, RefusesAnotherIssuer) {
  auto c = Claims();
  c["iss"] = "https://evil.example/oidc";
  EXPECT_EQ(Code(c), kWrongIssuer);
  c["iss"] = "https://id.example/oidc/";  // exact comparison, no normalisation
  EXPECT_EQ(Code(c), kWrongIssuer);
  c.erase("iss");
  EXPECT_EQ(Code(c), kWrongIssuer);
}

TEST_F(CheckRegisteredClaimsTest, RefusesAnotherAudience) {
  auto c = Claims();
  c["aud"] = "urn:logto:organization:b";
  EXPECT_EQ(Code(c), kWrongAudience);
  c["aud"] = nlohmann::json::array();
  EXPECT_EQ(Code(c), kWrongAudience);
  c["aud"] = {"x", 1};
  EXPECT_EQ(Code(c), kWrongAudience);
  c.erase("aud");
  EXPECT_EQ(Code(c), kWrongAudience);
}

TEST_F(CheckRegisteredClaimsTest, AcceptsTheAudienceInsideAnArray) {
  auto c = Claims();
  c["aud"] = {"https://api.example", "urn:logto:organization:a"};
  EXPECT_EQ(Code(c), "ok");
}

TEST_F(CheckRegisteredClaimsTest, RefusesEverythingWhenNoAudienceIsConfigured) {
  std::vector<std::string> none;
  EXPECT_FALSE(CheckRegisteredClaims(Claims(), {"https://id.example/oidc", &none, kNow, 60, true}));
  EXPECT_FALSE(
      CheckRegisteredClaims(Claims(), {"https://id.example/oidc", nullptr, kNow, 60, true}));
}

TEST_F(CheckRegisteredClaimsTest, RefusesExpiredTokensBeyondTheLeeway) {
  auto c = Claims();
  c["exp"] = kNow - 59;
  EXPECT_EQ(Code(c), "ok");
  c["exp"] = kNow - 60;
  EXPECT_EQ(Code(c), kExpired);
  c["exp"] = kNow - 100000;
  EXPECT_EQ(Code(c), kExpired);
}

TEST_F(CheckRegisteredClaimsTest, RefusesMissingOrNonNumericExp) {
  auto c = Claims();
  c["exp"] = "9999999999";
  EXPECT_EQ(Code(c), kBadClaims);
  c["exp"] = true;
  EXPECT_EQ(Code(c), kBadClaims);
  c.erase("exp");
  EXPECT_EQ(Code(c), kBadClaims);
}

TEST_F(CheckRegisteredClaimsTest, HandlesExtremeNumericDatesWithoutOverflow) {
  auto c = Claims();
  c["exp"] = std::numeric_limits<uint64_t>::max();
  EXPECT_EQ(Code(c), "ok");
  c["exp"] = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(Code(c), kExpired);
  c["exp"] = -1e300;
  EXPECT_EQ(Code(c), kExpired);
  c["exp"] = kNow + 10.5;
  EXPECT_EQ(Code(c), "ok");
}

TEST_F(CheckRegisteredClaimsTest, RefusesTokensNotYetValid) {
  auto c = Claims();
  c["nbf"] = kNow + 60;
  EXPECT_EQ(Code(c), "ok");
  c["nbf"] = kNow + 61;
  EXPECT_EQ(Code(c), kNotYetValid);
  c["nbf"] = "soon";
  EXPECT_EQ(Code(c), kBadClaims);
}

TEST_F(CheckRegisteredClaimsTest, RefusesTokensIssuedInTheFuture) {
  auto c = Claims();
  c["iat"] = kNow + 61;
  EXPECT_EQ(Code(c), kBadIssuedAt);
  c["iat"] = "now";
  EXPECT_EQ(Code(c), kBadIssuedAt);
  c.erase("iat");
  EXPECT_EQ(Code(c), kBadIssuedAt);
  EXPECT_TRUE(CheckRegisteredClaims(c, {"https://id.example/oidc", &audiences_, kNow, 60, false}));
}

TEST_F(CheckRegisteredClaimsTest, RefusesANonStringSubject) {
  auto c = Claims();
  c["sub"] = 42;
  EXPECT_EQ(Code(c), kBadClaims);
}

TEST(TypMatches, ComparesMediaTypesAsRfc7515Says) {
  EXPECT_TRUE(TypMatches("at+jwt", "at+jwt"));
  EXPECT_TRUE(TypMatches("application/at+jwt", "at+jwt"));
  EXPECT_TRUE(TypMatches("AT+JWT", "at+jwt"));
  EXPECT_FALSE(TypMatches("JWT", "at+jwt"));
  EXPECT_FALSE(TypMatches("", "at+jwt"));
  EXPECT_FALSE(TypMatches("at+jwt ", "at+jwt"));
}

}  // namespace
}  // namespace gatehouse::jose
