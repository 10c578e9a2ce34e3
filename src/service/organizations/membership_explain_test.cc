#include "service/organizations/membership_explain.h"

#include "service/organizations/insights_test_fixture.h"
#include "service/organizations/member_permissions.h"

namespace gatehouse::service {
namespace {

using ExplainTest = InsightsTest;

std::vector<std::string> Names(const std::vector<RoleRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.name);
  return out;
}

const ExplainedScope& Scope(const MembershipExplanation& e, const std::string& name) {
  for (const auto& s : e.scopes)
    if (s.scope.name == name) return s;
  ADD_FAILURE() << "no scope " << name;
  static ExplainedScope none;
  return none;
}

TEST_F(ExplainTest, AdminSeesEveryTemplatePermissionWithWhoGrantsIt) {
  auto e = ExplainMembership(ctx, "A", "alice");
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_TRUE(e->is_member);
  ASSERT_EQ(e->roles.size(), 1u);
  EXPECT_EQ(e->roles[0].role.name, "admin");
  EXPECT_EQ(Names(e->roles[0].scopes),
            (std::vector<std::string>{"add:member", "read:resource", "remove:member"}));
  ASSERT_EQ(e->scopes.size(), 5u);  // every organization scope of the template, by name
  EXPECT_EQ(e->scopes[0].scope.name, "add:member");
  EXPECT_EQ(e->scopes[0].scope.id, "s-add:member");
  EXPECT_TRUE(Scope(*e, "remove:member").granted);
  EXPECT_EQ(Names(Scope(*e, "remove:member").granted_by), std::vector<std::string>{"admin"});
  // Not held: says which role would give it; the M2M role `bot` is never offered to a user.
  EXPECT_FALSE(Scope(*e, "invite:member").granted);
  EXPECT_TRUE(Scope(*e, "invite:member").granted_by.empty());
  EXPECT_EQ(Names(Scope(*e, "invite:member").grantable_by), std::vector<std::string>{"member"});
  EXPECT_EQ(Names(Scope(*e, "read:resource").grantable_by),
            (std::vector<std::string>{"admin", "member"}));
  EXPECT_TRUE(Scope(*e, "unused").grantable_by.empty());
  ASSERT_EQ(e->resource_scopes.size(), 1u);
  EXPECT_EQ(e->resource_scopes[0].scope.id, "rd");
  EXPECT_EQ(e->resource_scopes[0].resource_indicator, "https://data.example");
  EXPECT_EQ(e->resource_scopes[0].resource_name, "Data API");
  EXPECT_TRUE(e->resource_scopes[0].granted);
  EXPECT_EQ(Names(e->resource_scopes[0].granted_by), std::vector<std::string>{"admin"});
}

TEST_F(ExplainTest, GrantedAgreesWithTheTokenEvaluation) {
  for (auto [org, user] : {std::pair{"A", "alice"}, {"A", "bob"}, {"B", "alice"}}) {
    auto e = ExplainMembership(ctx, org, user);
    ASSERT_TRUE(e);
    auto held = UserOrganizationScopes(ctx, org, user);
    ASSERT_TRUE(held);
    std::vector<std::string> granted;
    for (const auto& s : e->scopes)
      if (s.granted) granted.push_back(s.scope.name);
    EXPECT_EQ(granted, *held) << org << "/" << user;
  }
}

TEST_F(ExplainTest, AMemberInAnotherOrganizationHoldsOnlyThatOrganizationsRoles) {
  auto e = ExplainMembership(ctx, "B", "alice");
  ASSERT_TRUE(e);
  ASSERT_EQ(e->roles.size(), 1u);
  EXPECT_EQ(e->roles[0].role.name, "member");
  EXPECT_FALSE(Scope(*e, "remove:member").granted);
  EXPECT_EQ(Names(Scope(*e, "remove:member").grantable_by), std::vector<std::string>{"admin"});
  EXPECT_FALSE(e->resource_scopes[0].granted);
}

TEST_F(ExplainTest, ANonMemberIsExplainedWithNothingGranted) {
  auto e = ExplainMembership(ctx, "B", "bob");
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->is_member);
  EXPECT_TRUE(e->roles.empty());
  ASSERT_EQ(e->scopes.size(), 5u);
  for (const auto& s : e->scopes) {
    EXPECT_FALSE(s.granted);
    EXPECT_TRUE(s.granted_by.empty());
  }
}

TEST_F(ExplainTest, UnknownOrganizationOrUserIsNotFound) {
  ExpectCode(ExplainMembership(ctx, "nope", "alice"), "entity.not_exists_with_id");
  ExpectCode(ExplainMembership(ctx, "A", "nope"), "entity.not_exists_with_id");
}

}  // namespace
}  // namespace gatehouse::service
