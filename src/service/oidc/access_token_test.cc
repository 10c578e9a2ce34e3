#include "service/oidc/access_token.h"

#include <gtest/gtest.h>

#include "common/base64url.h"
#include "jose/jwt_sign.h"
#include "service/management/management_auth.h"

namespace gatehouse::service {
namespace {

class FixedRandom final : public Random {
 public:
  void Fill(void* out, size_t n) override {
    auto* p = static_cast<unsigned char*>(out);
    for (size_t i = 0; i < n; ++i) p[i] = static_cast<unsigned char>(counter_++);
  }

 private:
  unsigned counter_ = 0;
};

KeySet MakeKeys() {
  KeySet set;
  auto key = crypto::SigningKey::Generate(crypto::JwsAlgorithm::kES256);
  EXPECT_TRUE(key);
  set.all.emplace_back("k1", *key);
  set.current = 0;
  return set;
}

const char* kIss = "http://localhost:3001/oidc";
const char* kApi = "http://localhost:3001/api";

std::string Issue(const KeySet& keys, const Clock& clock, std::vector<std::string> scopes,
                  std::string aud = kApi) {
  FixedRandom random;
  AccessTokenRequest req{kIss, "app1", aud, "app1", std::move(scopes), 3600, std::nullopt};
  auto t = IssueAccessToken(keys, clock, random, req);
  EXPECT_TRUE(t);
  return t->jwt;
}

}  // namespace

TEST(AccessToken, IssuesAnRfc9068TokenThatVerifies) {
  auto keys = MakeKeys();
  FakeClock clock;
  auto jwt = Issue(keys, clock, {"all", "read"});
  auto claims = VerifyOwnAccessToken(keys, clock, kIss, kApi, jwt);
  ASSERT_TRUE(claims) << claims.error().message;
  EXPECT_EQ((*claims)["scope"], "all read");
  EXPECT_EQ((*claims)["aud"], kApi);
  EXPECT_EQ((*claims)["client_id"], "app1");
  EXPECT_EQ((*claims)["exp"].get<int64_t>() - (*claims)["iat"].get<int64_t>(), 3600);
  auto header = Base64UrlDecode(jwt.substr(0, jwt.find('.')));
  ASSERT_TRUE(header);
  EXPECT_NE(header->find("\"typ\":\"at+jwt\""), std::string::npos);
  EXPECT_NE(header->find("\"kid\":\"k1\""), std::string::npos);
}

TEST(AccessToken, RefusesExpiredWrongAudienceWrongIssuerAndTamperedTokens) {
  auto keys = MakeKeys();
  FakeClock clock;
  auto jwt = Issue(keys, clock, {"all"});
  EXPECT_FALSE(VerifyOwnAccessToken(keys, clock, kIss, "http://other/api", jwt));
  EXPECT_FALSE(VerifyOwnAccessToken(keys, clock, "http://evil/oidc", kApi, jwt));
  std::string tampered = jwt;
  tampered[tampered.find('.') + 5] ^= 1;
  EXPECT_FALSE(VerifyOwnAccessToken(keys, clock, kIss, kApi, tampered));
  clock.Advance((3600 + 61) * 1000);
  EXPECT_FALSE(VerifyOwnAccessToken(keys, clock, kIss, kApi, jwt));
}

TEST(AccessToken, RefusesATokenSignedByAnotherKeyUnderTheSameKid) {
  auto keys = MakeKeys();
  auto other = MakeKeys();
  FakeClock clock;
  auto forged = Issue(other, clock, {"all"});
  EXPECT_FALSE(VerifyOwnAccessToken(keys, clock, kIss, kApi, forged));
}

TEST(AccessToken, RefusesAnIdTokenTyp) {
  auto keys = MakeKeys();
  FakeClock clock;
  nlohmann::json claims = {{"iss", kIss}, {"aud", kApi}, {"exp", clock.NowSeconds() + 60},
                           {"scope", "all"}};
  auto jwt = jose::SignJwtClaims(keys.current_key(), "k1", "JWT", claims);
  ASSERT_TRUE(jwt);
  EXPECT_FALSE(VerifyOwnAccessToken(keys, clock, kIss, kApi, *jwt));
}

TEST(ManagementAuth, MapsEachFailureToItsCode) {
  auto keys = MakeKeys();
  FakeClock clock;
  ManagementAuthConfig cfg{kIss, kApi};
  EXPECT_EQ(AuthorizeManagement(keys, clock, cfg, std::nullopt).error().code,
            "auth.authorization_header_missing");
  EXPECT_EQ(AuthorizeManagement(keys, clock, cfg, "Basic abc").error().code,
            "auth.authorization_token_type_not_supported");
  EXPECT_EQ(AuthorizeManagement(keys, clock, cfg, "Bearer garbage").error().code,
            "auth.unauthorized");
  auto no_all = Issue(keys, clock, {"read"});
  auto r = AuthorizeManagement(keys, clock, cfg, "Bearer " + no_all);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "auth.forbidden");
  EXPECT_EQ(r.error().kind, ErrorKind::kForbidden);
  auto good = Issue(keys, clock, {"read", "all"});
  EXPECT_TRUE(AuthorizeManagement(keys, clock, cfg, "Bearer " + good));
}

TEST(Scopes, SplitDropsEmptyItemsAndJoinRoundTrips) {
  EXPECT_EQ(SplitScopes("  a  b c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(JoinScopes({"a", "b"}), "a b");
  EXPECT_TRUE(SplitScopes("").empty());
}

}  // namespace gatehouse::service
