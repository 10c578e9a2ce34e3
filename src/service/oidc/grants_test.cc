// The token grants over a real (temporary) SQLite store: single-use codes, PKCE, refresh token
// rotation with reuse detection, and the organization-token checks in API.md's order.
#include <gtest/gtest.h>

#include "service/keys/key_ring.h"
#include "service/oidc/authorization.h"
#include "service/oidc/code_grant.h"
#include "service/oidc/refresh_grant.h"
#include "service/oidc/common.h"
#include "service/sign_in/session.h"
#include "store/sqlite/test_db.h"

namespace gatehouse::service {
namespace {

constexpr const char* kIssuer = "https://id.example.com/oidc";
constexpr const char* kRedirect = "https://app.example.com/cb";
constexpr const char* kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr const char* kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

class OidcGrants : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ring = KeyRing::LoadOrCreate(ctx, "ES256");
    ASSERT_TRUE(ring);
    keys = (*ring)->Current();
    ASSERT_TRUE(db.store().Write([&](store::Repos& r) -> Result<void> {
      model::User u;
      u.id = "user1";
      u.username = "alice";
      GH_TRY(r.users.Insert(u));
      GH_TRY(r.applications.Insert(App("web", model::ApplicationType::kTraditional)));
      GH_TRY(r.applications.Insert(App("spa", model::ApplicationType::kSpa)));
      model::Organization org;
      org.id = "orga";
      org.name = "A";
      GH_TRY(r.organizations.Insert(org));
      org.id = "orgb";
      GH_TRY(r.organizations.Insert(org));
      GH_TRY(r.org_template.InsertScope({"s1", "remove:member", std::nullopt, 0}));
      GH_TRY(r.org_template.InsertScope({"s2", "read:resource", std::nullopt, 0}));
      GH_TRY(r.org_template.InsertRole({"r1", "admin", std::nullopt, model::RoleType::kUser, 0}));
      GH_TRY(r.org_template.AddRoleScopes("r1", {"s1", "s2"}));
      GH_TRY(r.organizations.AddUsers("orga", {"user1"}, 0));
      return r.organizations.AddUserRoles("orga", "user1", {"r1"});
    }));
  }

  static model::Application App(std::string id, model::ApplicationType type) {
    model::Application a;
    a.id = std::move(id);
    a.name = a.id;
    a.type = type;
    a.oidc_client_metadata = {{"redirectUris", {kRedirect}}, {"postLogoutRedirectUris", nlohmann::json::array()}};
    return a;
  }

  std::string Code(const std::string& client, std::vector<std::string> scopes, bool pkce) {
    AuthorizationRequest req;
    req.client_id = client;
    req.redirect_uri = kRedirect;
    req.scopes = std::move(scopes);
    if (pkce) req.code_challenge = kChallenge;
    auto code = IssueAuthorizationCode(ctx, req, "user1", clock.NowMillis());
    EXPECT_TRUE(code);
    return code ? *code : "";
  }

  Result<UserTokenResponse> Exchange(const std::string& client, const std::string& code,
                                     std::optional<std::string> verifier) {
    auto type = client == "spa" ? model::ApplicationType::kSpa : model::ApplicationType::kTraditional;
    return AuthorizationCodeGrant(ctx, *keys, kIssuer,
                                  {App(client, type), code, kRedirect, std::move(verifier), {}});
  }

  Result<UserTokenResponse> Refresh(const std::string& client, const std::string& token,
                                    std::optional<std::string> org = std::nullopt,
                                    std::optional<std::string> scope = std::nullopt) {
    auto type = client == "spa" ? model::ApplicationType::kSpa : model::ApplicationType::kTraditional;
    return RefreshTokenGrant(ctx, *keys, kIssuer, {App(client, type), token, scope, {}, org});
  }

  store::sqlite::TestDb db;
  FakeClock clock;
  SystemRandom random;
  Context ctx{db.store(), clock, random};
  std::shared_ptr<const KeySet> keys;
};

TEST_F(OidcGrants, CodeExchangeIssuesRefreshAndIdTokens) {
  auto t = Exchange("web", Code("web", {"openid", "offline_access"}, false), std::nullopt);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_TRUE(t->refresh_token);
  EXPECT_TRUE(t->id_token);
  EXPECT_GE(t->refresh_token->size(), 43u);  // ≥ 256 bits
}

TEST_F(OidcGrants, ReplayedCodeIsRefusedAndRevokesWhatItIssued) {
  std::string code = Code("web", {"openid", "offline_access"}, false);
  auto first = Exchange("web", code, std::nullopt);
  ASSERT_TRUE(first);
  auto again = Exchange("web", code, std::nullopt);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "oidc.invalid_grant");
  auto refresh = Refresh("web", *first->refresh_token);
  ASSERT_FALSE(refresh);
  EXPECT_EQ(refresh.error().code, "oidc.invalid_grant");
}

TEST_F(OidcGrants, PkceDowngradeAndWrongVerifierAreRefused) {
  auto downgrade = Exchange("web", Code("web", {"openid"}, false), std::string(kVerifier));
  ASSERT_FALSE(downgrade);
  EXPECT_EQ(downgrade.error().code, "oidc.invalid_grant");
  auto wrong = Exchange("spa", Code("spa", {"openid"}, true), std::string(43, 'a'));
  ASSERT_FALSE(wrong);
  auto missing = Exchange("spa", Code("spa", {"openid"}, true), std::nullopt);
  ASSERT_FALSE(missing);
  auto right = Exchange("spa", Code("spa", {"openid"}, true), std::string(kVerifier));
  EXPECT_TRUE(right);
}

TEST_F(OidcGrants, ReuseOfARotatedRefreshTokenRevokesTheFamily) {
  auto t = Exchange("spa", Code("spa", {"openid", "offline_access"}, true), std::string(kVerifier));
  ASSERT_TRUE(t);
  auto second = Refresh("spa", *t->refresh_token);
  ASSERT_TRUE(second);
  ASSERT_NE(*second->refresh_token, *t->refresh_token);  // public clients always rotate
  auto reuse = Refresh("spa", *t->refresh_token);
  ASSERT_FALSE(reuse);
  EXPECT_EQ(reuse.error().code, "oidc.invalid_grant");
  auto successor = Refresh("spa", *second->refresh_token);
  ASSERT_FALSE(successor);  // the whole family is gone
}

TEST_F(OidcGrants, ConfidentialClientsRotateOnlyLateInTheTokensLife) {
  auto t = Exchange("web", Code("web", {"offline_access"}, false), std::nullopt);
  ASSERT_TRUE(t);
  auto same = Refresh("web", *t->refresh_token);
  ASSERT_TRUE(same);
  EXPECT_EQ(*same->refresh_token, *t->refresh_token);
  clock.Advance(11LL * 86400 * 1000);  // > 70 % of 14 days
  auto rotated = Refresh("web", *t->refresh_token);
  ASSERT_TRUE(rotated);
  EXPECT_NE(*rotated->refresh_token, *t->refresh_token);
}

TEST_F(OidcGrants, OrganizationTokenChecksRunInTheDocumentedOrder) {
  auto without = Exchange("web", Code("web", {"offline_access", "remove:member"}, false), std::nullopt);
  ASSERT_TRUE(without);
  // 1. membership first, even when the grant also lacks the organizations scope.
  auto not_member = Refresh("web", *without->refresh_token, "orgb");
  ASSERT_FALSE(not_member);
  EXPECT_EQ(not_member.error().code, "oidc.access_denied");
  // 2. then the organizations scope.
  auto no_scope = Refresh("web", *without->refresh_token, "orga");
  ASSERT_FALSE(no_scope);
  EXPECT_EQ(no_scope.error().code, "oidc.insufficient_scope");
  auto with = Exchange(
      "web", Code("web", {"offline_access", "urn:logto:scope:organizations", "remove:member"}, false),
      std::nullopt);
  ASSERT_TRUE(with);
  // 3. scope must have been granted.
  auto ungranted = Refresh("web", *with->refresh_token, "orga", "read:resource");
  ASSERT_FALSE(ungranted);
  EXPECT_EQ(ungranted.error().code, "oidc.invalid_scope");
  auto ok = Refresh("web", *with->refresh_token, "orga", "remove:member");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->access.scope, "remove:member");
  // Without scope: the grant's scopes ∩ held.
  auto implicit = Refresh("web", *with->refresh_token, "orga");
  ASSERT_TRUE(implicit);
  EXPECT_EQ(implicit->access.scope, "remove:member");
}

TEST_F(OidcGrants, RemovedMembershipIsRefusedAtTheNextRequest) {
  auto t = Exchange(
      "web", Code("web", {"offline_access", "urn:logto:scope:organizations", "read:resource"}, false),
      std::nullopt);
  ASSERT_TRUE(t);
  ASSERT_TRUE(Refresh("web", *t->refresh_token, "orga", "read:resource"));
  ASSERT_TRUE(db.store().Write([](store::Repos& r) -> Result<void> {
    auto removed = r.organizations.RemoveUser("orga", "user1");
    if (!removed) return Fail(removed.error());
    return Ok();
  }));
  auto after = Refresh("web", *t->refresh_token, "orga", "read:resource");
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, "oidc.access_denied");
}

TEST_F(OidcGrants, ExpiredCodesAreDeletedWhenSomeoneSignsIn) {
  std::string code = Code("web", {"openid"}, false);
  clock.Advance(61'000);
  ASSERT_TRUE(CreateSession(ctx, "user1"));
  bool found = true;
  ASSERT_TRUE(db.store().Read([&](store::Repos& r) -> Result<void> {
    auto c = r.grants.FindCode(HashOpaque(code));
    if (!c) return Fail(c.error());
    found = c->has_value();
    return Ok();
  }));
  EXPECT_FALSE(found);
}

}  // namespace
}  // namespace gatehouse::service
