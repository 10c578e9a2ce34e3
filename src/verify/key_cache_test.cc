// JWKS caching seen through Verifier: refetch on unknown kid, rate limits, expiry, failures.
#include "verify/key_cache.h"

#include <gtest/gtest.h>

#include "verify/verify_test_util.h"

namespace gatehouse::verify {
namespace {

using namespace testing;

// A JWKS endpoint the test controls: what it serves, whether it is up, how often it was asked.
struct FakeEndpoint {
  std::shared_ptr<nlohmann::json> jwks = std::make_shared<nlohmann::json>();
  std::shared_ptr<bool> up = std::make_shared<bool>(true);
  std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);

  std::function<Expected<std::string>(const std::string&)> Fn() const {
    return [jwks = jwks, up = up, calls = calls](const std::string&) -> Expected<std::string> {
      ++*calls;
      if (!*up) return Error(Reason::kJwksUnavailable, "connection refused");
      return jwks->dump();
    };
  }
};

class KeyCacheTest : public ::testing::Test {
 protected:
  KeyCacheTest() {
    *endpoint_.jwks = {{"keys", {keys_.es256.PublicJwk("old")}}};
    Options o;
    o.jwks_uri = "https://id.example/oidc/jwks";
    o.fetch = endpoint_.Fn();
    o.issuer = kIssuer;
    o.audiences = {OrganizationAudience("org-a")};
    o.now = clock_.Fn();
    o.leeway = std::chrono::hours(24);  // the fake clock moves a lot; expiry is not the subject
    verifier_ = std::make_unique<Verifier>(std::move(*Verifier::Create(o)));
  }

  Expected<Token> Verify(const crypto::SigningKey& key, const char* kid) {
    return verifier_->Verify(Mint(key, Header(key, kid), OrgClaims()));
  }

  const Keys& keys_ = Keys::Shared();
  FakeEndpoint endpoint_;
  FakeNow clock_;
  std::unique_ptr<Verifier> verifier_;
};

TEST_F(KeyCacheTest, FetchesTheJwksLazilyOnceAndCachesIt) {
  EXPECT_EQ(*endpoint_.calls, 0);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(Verify(keys_.es256, "old"));
  EXPECT_EQ(*endpoint_.calls, 1);
}

TEST_F(KeyCacheTest, RefetchesOnAnUnknownKidAndAcceptsTheRotatedKey) {
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  (*endpoint_.jwks)["keys"].push_back(keys_.eddsa.PublicJwk("new"));
  clock_.Advance(31);
  EXPECT_TRUE(Verify(keys_.eddsa, "new"));
  EXPECT_EQ(*endpoint_.calls, 2);
}

TEST_F(KeyCacheTest, RateLimitsRefetchesTriggeredByUnknownKids) {
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  for (int i = 0; i < 20; ++i) {
    auto r = Verify(keys_.es256, ("forged-" + std::to_string(i)).c_str());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason(), Reason::kUnknownKey);
  }
  EXPECT_EQ(*endpoint_.calls, 1);  // within the 30 s cooldown of the first fetch
  clock_.Advance(30);
  EXPECT_FALSE(Verify(keys_.es256, "forged"));
  EXPECT_FALSE(Verify(keys_.es256, "forged-again"));
  EXPECT_EQ(*endpoint_.calls, 2);
}

TEST_F(KeyCacheTest, DoesNotRefetchForAKidOfAnotherAlgorithm) {
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  clock_.Advance(100);
  auto r = Verify(keys_.eddsa, "old");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason(), Reason::kUnsupportedAlgorithm);
  EXPECT_EQ(*endpoint_.calls, 1);
}

TEST_F(KeyCacheTest, RefetchesAJwksOlderThanItsMaxAge) {
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  clock_.Advance(599);
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  EXPECT_EQ(*endpoint_.calls, 1);
  clock_.Advance(1);
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  EXPECT_EQ(*endpoint_.calls, 2);
}

TEST_F(KeyCacheTest, KeepsUsingStaleKeysWhenTheEndpointIsDown) {
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  *endpoint_.up = false;
  clock_.Advance(700);
  EXPECT_TRUE(Verify(keys_.es256, "old"));
  EXPECT_TRUE(Verify(keys_.es256, "old"));
  EXPECT_EQ(*endpoint_.calls, 2);  // one failed refresh, then the cooldown holds
}

TEST_F(KeyCacheTest, ReportsAnUnavailableJwksWithoutHammeringTheEndpoint) {
  *endpoint_.up = false;
  for (int i = 0; i < 10; ++i) {
    auto r = Verify(keys_.es256, "old");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason(), Reason::kJwksUnavailable);
    EXPECT_EQ(r.error().http_status(), 503);
    EXPECT_NE(r.error().message().find("connection refused"), std::string::npos);
  }
  EXPECT_EQ(*endpoint_.calls, 1);
  *endpoint_.up = true;
  clock_.Advance(30);
  EXPECT_TRUE(Verify(keys_.es256, "old"));
}

TEST_F(KeyCacheTest, RefreshFetchesImmediatelyWhateverTheCooldown) {
  EXPECT_TRUE(verifier_->Refresh());
  EXPECT_TRUE(verifier_->Refresh());
  EXPECT_EQ(*endpoint_.calls, 2);
  *endpoint_.up = false;
  Status s = verifier_->Refresh();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().reason(), Reason::kJwksUnavailable);
  EXPECT_TRUE(Verify(keys_.es256, "old"));  // the keys of the last good fetch stay
}

TEST_F(KeyCacheTest, IgnoresAnInvalidJwksAndKeepsThePreviousKeys) {
  ASSERT_TRUE(Verify(keys_.es256, "old"));
  *endpoint_.jwks = {{"keys", "nope"}};
  EXPECT_FALSE(verifier_->Refresh());
  EXPECT_TRUE(Verify(keys_.es256, "old"));
}

}  // namespace
}  // namespace gatehouse::verify
