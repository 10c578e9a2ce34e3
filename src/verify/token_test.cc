#include <gtest/gtest.h>

#include "gatehouse/verify.h"

namespace gatehouse::verify {
namespace {

Token T(nlohmann::json claims) { return Token(std::move(claims)); }

TEST(OrganizationAudience, RoundTripsTheOrganizationId) {
  EXPECT_EQ(OrganizationAudience("abc"), "urn:logto:organization:abc");
  EXPECT_EQ(OrganizationIdFromAudience("urn:logto:organization:abc"), "abc");
  EXPECT_FALSE(OrganizationIdFromAudience("urn:logto:organization:"));
  EXPECT_FALSE(OrganizationIdFromAudience("https://api.example"));
  EXPECT_FALSE(OrganizationIdFromAudience("URN:LOGTO:ORGANIZATION:abc"));
}

TEST(Token, SplitsScopeOnSpaces) {
  Token t = T({{"scope", "a  b c"}});
  EXPECT_EQ(t.scopes(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(t.HasScope("b"));
  EXPECT_FALSE(t.HasScope("a b"));
  EXPECT_TRUE(Token(nlohmann::json::object()).scopes().empty());
}

TEST(Token, ReadsTheOrganizationFromTheAudienceOrTheClaim) {
  EXPECT_EQ(T({{"aud", "urn:logto:organization:o1"}}).organization_id(), "o1");
  EXPECT_EQ(T({{"aud", {"https://api", "urn:logto:organization:o1"}}}).organization_id(), "o1");
  EXPECT_EQ(T({{"aud", "https://api"}, {"organization_id", "o2"}}).organization_id(), "o2");
  EXPECT_FALSE(T({{"aud", "https://api"}}).organization_id());
}

TEST(Token, TreatsSeveralOrganizationAudiencesAsAmbiguous) {
  Token t = T({{"aud", {"urn:logto:organization:o1", "urn:logto:organization:o2"}}});
  EXPECT_FALSE(t.organization_id());
}

TEST(RequireScopes, NamesTheFirstMissingScope) {
  Token t = T({{"scope", "read:resource invite:member"}});
  EXPECT_TRUE(RequireScopes(t, {"read:resource"}));
  EXPECT_TRUE(RequireScopes(t, {}));
  Status s = RequireScopes(t, {"read:resource", "remove:member"});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().reason(), Reason::kInsufficientScope);
  EXPECT_NE(s.error().message().find("remove:member"), std::string::npos);
  EXPECT_FALSE(RequireScopes(t, std::vector<std::string>{"change:role"}));
}

TEST(RequireOrganizationPermission, NeedsTheOrganizationAndThePermission) {
  Token alice_a = T({{"aud", "urn:logto:organization:A"}, {"scope", "remove:member"}});
  EXPECT_TRUE(RequireOrganizationPermission(alice_a, "A", "remove:member"));
  EXPECT_EQ(RequireOrganizationPermission(alice_a, "B", "remove:member").error().reason(),
            Reason::kWrongOrganization);
  EXPECT_EQ(RequireOrganizationPermission(alice_a, "A", "change:role").error().reason(),
            Reason::kInsufficientScope);
  EXPECT_FALSE(RequireOrganizationPermission(alice_a, "", "remove:member"));
}

TEST(Error, MapsReasonsToHttpStatusAndBearerError) {
  EXPECT_EQ(Error(Reason::kBadSignature, "").http_status(), 401);
  EXPECT_EQ(Error(Reason::kBadSignature, "").bearer_error(), "invalid_token");
  EXPECT_EQ(Error(Reason::kWrongOrganization, "").http_status(), 403);
  EXPECT_EQ(Error(Reason::kJwksUnavailable, "").http_status(), 503);
  EXPECT_EQ(Error(Reason::kJwksUnavailable, "").bearer_error(), "");
  EXPECT_EQ(ReasonName(Reason::kExpired), "expired");
}

}  // namespace
}  // namespace gatehouse::verify
