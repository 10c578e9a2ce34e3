// Pure rules of the OIDC services: PKCE, the authorization decision, scope selection.
#include <gtest/gtest.h>

#include "service/oidc/authorization.h"
#include "service/oidc/code_grant.h"
#include "service/oidc/organization_scopes.h"

namespace gatehouse::service {
namespace {

TEST(Pkce, AcceptsTheRfc7636AppendixBPair) {
  EXPECT_TRUE(PkceMatches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                          "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

TEST(Pkce, RejectsAWrongVerifier) {
  EXPECT_FALSE(PkceMatches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl",
                           "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

TEST(Pkce, RejectsVerifiersOfIllegalLengthOrCharacters) {
  EXPECT_FALSE(PkceMatches("short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
  EXPECT_FALSE(PkceMatches(std::string(129, 'a'), "x"));
  EXPECT_FALSE(PkceMatches(std::string(43, '/'), "x"));
}

AuthorizationRequest Request(std::vector<std::string> prompt = {},
                             std::optional<int64_t> max_age = std::nullopt) {
  AuthorizationRequest r;
  r.prompt = std::move(prompt);
  r.max_age = max_age;
  return r;
}

model::OidcSession SessionAuthenticatedAt(int64_t ms) { return {"h", "u", ms, ms, ms + 1'000'000}; }

TEST(DecideAuthorization, IssuesACodeForALiveSession) {
  EXPECT_EQ(DecideAuthorization(Request(), SessionAuthenticatedAt(0), 10),
            AuthorizationStep::kIssueCode);
}

TEST(DecideAuthorization, AsksToSignInWithoutASession) {
  EXPECT_EQ(DecideAuthorization(Request(), std::nullopt, 10), AuthorizationStep::kSignIn);
}

TEST(DecideAuthorization, PromptNoneWithoutASessionIsLoginRequired) {
  EXPECT_EQ(DecideAuthorization(Request({"none"}), std::nullopt, 10),
            AuthorizationStep::kLoginRequired);
}

TEST(DecideAuthorization, PromptLoginForcesASignInDespiteTheSession) {
  EXPECT_EQ(DecideAuthorization(Request({"login"}), SessionAuthenticatedAt(0), 10),
            AuthorizationStep::kSignIn);
}

TEST(DecideAuthorization, MaxAgeOlderThanTheSessionNeedsASignIn) {
  EXPECT_EQ(DecideAuthorization(Request({}, 5), SessionAuthenticatedAt(0), 6'000),
            AuthorizationStep::kSignIn);
  EXPECT_EQ(DecideAuthorization(Request({}, 5), SessionAuthenticatedAt(0), 4'000),
            AuthorizationStep::kIssueCode);
  EXPECT_EQ(DecideAuthorization(Request({"none"}, 5), SessionAuthenticatedAt(0), 6'000),
            AuthorizationStep::kLoginRequired);
}

TEST(DecideAuthorization, PromptConsentNeedsNoScreenForFirstPartyClients) {
  EXPECT_EQ(DecideAuthorization(Request({"consent"}), SessionAuthenticatedAt(0), 10),
            AuthorizationStep::kIssueCode);
}

TEST(SelectScopes, ExplicitScopeIsIntersectedWithHeld) {
  auto s = SelectScopes({"remove:member", "read:resource"}, std::nullopt, {"read:resource"});
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, std::vector<std::string>{"read:resource"});
}

TEST(SelectScopes, ExplicitScopeWithNothingHeldIsAccessDenied) {
  auto s = SelectScopes({"remove:member"}, std::nullopt, {"read:resource"});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, "oidc.access_denied");
}

TEST(SelectScopes, WithoutExplicitScopeTheCeilingLimitsAndEmptyIsValid) {
  auto s = SelectScopes({}, std::vector<std::string>{"openid", "a"}, {"a", "b"});
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, std::vector<std::string>{"a"});
  auto empty = SelectScopes({}, std::vector<std::string>{"openid"}, {"a"});
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(SelectScopes, WithoutCeilingEverythingHeldIsIssued) {
  auto s = SelectScopes({}, std::nullopt, {"b", "a"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->size(), 2u);
}

}  // namespace
}  // namespace gatehouse::service
