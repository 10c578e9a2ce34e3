#include <gtest/gtest.h>

#include <thread>

#include "verify/verify_test_util.h"

namespace gatehouse::verify {
namespace {

using namespace testing;
using crypto::JwsAlgorithm;
using crypto::SigningKey;

Options BaseOptions(const nlohmann::json& jwks) {
  Options o;
  o.jwks_json = jwks.dump();
  o.issuer = kIssuer;
  o.now = [] { return kNow; };
  return o;
}

TEST(Verifier, VerifiesTokensOfEverySupportedAlgorithm) {
  const Keys& k = Keys::Shared();
  auto options = BaseOptions(k.Jwks());
  options.audiences = {OrganizationAudience("org-a")};
  auto verifier = Verifier::Create(options);
  ASSERT_TRUE(verifier) << verifier.error().message();
  for (auto [key, kid] : {std::pair{&k.es256, "es256"},
                          {&k.es384, "es384"},
                          {&k.rs256, "rs256"},
                          {&k.ps256, "ps256"},
                          {&k.eddsa, "eddsa"}}) {
    auto token = verifier->Verify(Mint(*key, Header(*key, kid), OrgClaims()));
    ASSERT_TRUE(token) << kid << ": " << token.error().message();
    EXPECT_EQ(token->subject(), "alice");
    EXPECT_EQ(token->client_id(), "app-1");
    EXPECT_EQ(token->organization_id(), "org-a");
    EXPECT_TRUE(token->HasScope("remove:member"));
    EXPECT_EQ(token->claims()["jti"], "j1");
  }
}

TEST(Verifier, VerifyForOrganizationAcceptsAMemberWithThePermission) {
  auto verifier = Verifier::Create(BaseOptions(Keys::Shared().Jwks()));
  ASSERT_TRUE(verifier);
  const auto& key = Keys::Shared().es256;
  auto token = verifier->VerifyForOrganization(Mint(key, Header(key, "es256"), OrgClaims("org-a")),
                                               "org-a", {"remove:member"});
  ASSERT_TRUE(token) << token.error().message();
  EXPECT_EQ(token->scopes(), (std::vector<std::string>{"remove:member", "read:resource"}));
}

TEST(Verifier, VerifyForOrganizationRefusesATokenForAnotherOrganizationWith403) {
  auto verifier = Verifier::Create(BaseOptions(Keys::Shared().Jwks()));
  const auto& key = Keys::Shared().es256;
  auto token = verifier->VerifyForOrganization(Mint(key, Header(key, "es256"), OrgClaims("org-b")),
                                               "org-a", {"remove:member"});
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().reason(), Reason::kWrongOrganization);
  EXPECT_EQ(token.error().http_status(), 403);
}

TEST(Verifier, VerifyForOrganizationRefusesAMissingPermissionWith403) {
  auto verifier = Verifier::Create(BaseOptions(Keys::Shared().Jwks()));
  const auto& key = Keys::Shared().es256;
  auto token = verifier->VerifyForOrganization(
      Mint(key, Header(key, "es256"), OrgClaims("org-a", "read:resource invite:member")), "org-a",
      {"remove:member"});
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().reason(), Reason::kInsufficientScope);
  EXPECT_EQ(token.error().http_status(), 403);
  EXPECT_EQ(token.error().bearer_error(), "insufficient_scope");
  EXPECT_NE(token.error().message().find("remove:member"), std::string::npos);
}

TEST(Verifier, VerifyForOrganizationRefusesANonOrganizationTokenWith401) {
  auto verifier = Verifier::Create(BaseOptions(Keys::Shared().Jwks()));
  const auto& key = Keys::Shared().es256;
  auto claims = OrgClaims();
  claims["aud"] = "https://api.example";
  auto token = verifier->VerifyForOrganization(Mint(key, Header(key, "es256"), claims), "org-a");
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().reason(), Reason::kWrongAudience);
  EXPECT_EQ(token.error().http_status(), 401);
  EXPECT_FALSE(verifier->VerifyForOrganization(Mint(key, Header(key, "es256"), OrgClaims()), ""));
}

TEST(Verifier, VerifyWithoutConfiguredAudiencesRefusesEveryToken) {
  auto verifier = Verifier::Create(BaseOptions(Keys::Shared().Jwks()));
  const auto& key = Keys::Shared().es256;
  auto token = verifier->Verify(Mint(key, Header(key, "es256"), OrgClaims()));
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().reason(), Reason::kWrongAudience);
}

TEST(Verifier, AcceptsTheApplicationSlashAtJwtSpellingOfTyp) {
  auto options = BaseOptions(Keys::Shared().Jwks());
  options.audiences = {OrganizationAudience("org-a")};
  auto verifier = Verifier::Create(options);
  const auto& key = Keys::Shared().es256;
  auto header = Header(key, "es256");
  header["typ"] = "application/at+jwt";
  EXPECT_TRUE(verifier->Verify(Mint(key, header, OrgClaims())));
}

TEST(Verifier, AnEmptyTypeOptionAcceptsIdTokens) {
  auto options = BaseOptions(Keys::Shared().Jwks());
  options.audiences = {OrganizationAudience("org-a")};
  options.type = "";
  auto verifier = Verifier::Create(options);
  const auto& key = Keys::Shared().es256;
  auto header = Header(key, "es256");
  header["typ"] = "JWT";
  EXPECT_TRUE(verifier->Verify(Mint(key, header, OrgClaims())));
}

TEST(Verifier, UsesTheOnlyKeyForATokenWithoutKidButRefusesToGuessAmongSeveral) {
  const auto& key = Keys::Shared().es256;
  nlohmann::json header = {{"alg", "ES256"}, {"typ", "at+jwt"}};
  auto single = BaseOptions({{"keys", {key.PublicJwk("only")}}});
  single.audiences = {OrganizationAudience("org-a")};
  EXPECT_TRUE(Verifier::Create(single)->Verify(Mint(key, header, OrgClaims())));
  auto several = BaseOptions(Keys::Shared().Jwks());
  several.audiences = single.audiences;
  auto r = Verifier::Create(several)->Verify(Mint(key, header, OrgClaims()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason(), Reason::kUnknownKey);
}

TEST(Verifier, VerifiesConcurrentlyFromManyThreads) {
  auto options = BaseOptions(Keys::Shared().Jwks());
  options.audiences = {OrganizationAudience("org-a")};
  auto verifier = Verifier::Create(options);
  const auto& k = Keys::Shared();
  const std::string es = Mint(k.es256, Header(k.es256, "es256"), OrgClaims());
  const std::string ed = Mint(k.eddsa, Header(k.eddsa, "eddsa"), OrgClaims());
  const std::string forged = Mint(k.es384, Header(k.es384, "es256"), OrgClaims());
  std::atomic<int> right{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        right += verifier->Verify(es).has_value();
        right += verifier->Verify(ed).has_value();
        right += !verifier->Verify(forged).has_value();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(right.load(), 4 * 50 * 3);
}

TEST(Verifier, CreateRefusesIncompleteOrContradictoryOptions) {
  Options none;
  none.issuer = kIssuer;
  EXPECT_EQ(Verifier::Create(none).error().reason(), Reason::kConfiguration);
  auto two = BaseOptions(Keys::Shared().Jwks());
  two.jwks_file = "/tmp/x";
  EXPECT_EQ(Verifier::Create(two).error().reason(), Reason::kConfiguration);
  auto no_issuer = BaseOptions(Keys::Shared().Jwks());
  no_issuer.issuer = "";
  EXPECT_EQ(Verifier::Create(no_issuer).error().reason(), Reason::kConfiguration);
  auto leeway = BaseOptions(Keys::Shared().Jwks());
  leeway.leeway = std::chrono::seconds(-1);
  EXPECT_EQ(Verifier::Create(leeway).error().reason(), Reason::kConfiguration);
  Options plain;
  plain.issuer = kIssuer;
  plain.jwks_uri = "http://id.example/oidc/jwks";
  EXPECT_EQ(Verifier::Create(plain).error().reason(), Reason::kConfiguration);
  plain.jwks_uri = "http://127.0.0.1:3001/oidc/jwks";
  EXPECT_TRUE(Verifier::Create(plain));
}

TEST(Verifier, CreateRefusesAnUnusableJwksDocumentOrFile) {
  auto bad = BaseOptions({{"keys", nlohmann::json::array()}});
  EXPECT_EQ(Verifier::Create(bad).error().reason(), Reason::kJwksUnavailable);
  Options file;
  file.issuer = kIssuer;
  file.jwks_file = "/nonexistent/jwks.json";
  auto r = Verifier::Create(file);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason(), Reason::kJwksUnavailable);
  EXPECT_EQ(r.error().http_status(), 503);
}

}  // namespace
}  // namespace gatehouse::verify
