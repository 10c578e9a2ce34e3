#include "service/template/impact.h"

#include "service/organizations/insights_test_fixture.h"

namespace gatehouse::service {
namespace {

using ImpactTest = InsightsTest;

TemplateChangeRequest Role(TemplateChange c, std::string role, std::vector<std::string> ids = {}) {
  return {c, std::move(role), std::move(ids), ""};
}

void ExpectCounts(const store::ImpactCounts& c, int64_t users, int64_t apps, int64_t orgs) {
  EXPECT_EQ(c.users, users);
  EXPECT_EQ(c.applications, apps);
  EXPECT_EQ(c.organizations, orgs);
}

TEST_F(ImpactTest, AddingAPermissionCountsOnlyMembersWhoDoNotHoldItYet) {
  // member gains remove:member: its holders bob@A and alice@B hold it through no other role
  // → 2 users, 2 organizations.
  auto p = PreviewTemplateChange(
      ctx, Role(TemplateChange::kAddRoleScopes, "member", {"s-remove:member", "s-read:resource"}));
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_TRUE(p->losses.empty());
  ASSERT_EQ(p->gains.size(), 1u);  // member already has read:resource: no change, left out
  EXPECT_EQ(p->gains[0].scope.name, "remove:member");
  ExpectCounts(p->gains[0].counts, 2, 0, 2);
  ExpectCounts(p->affected, 2, 0, 2);
}

TEST_F(ImpactTest, AddingAPermissionSomeoneHoldsThroughAnotherRoleIsNoGainForThem) {
  // auditor is held by nobody: a change reaching no one is still listed, with zeros.
  auto p =
      PreviewTemplateChange(ctx, Role(TemplateChange::kAddRoleScopes, "auditor", {"s-unused"}));
  ASSERT_TRUE(p);
  ASSERT_EQ(p->gains.size(), 1u);
  ExpectCounts(p->gains[0].counts, 0, 0, 0);
  ExpectCounts(p->affected, 0, 0, 0);
}

TEST_F(ImpactTest, RemovingAPermissionSparesMembersWithAnotherRoleGivingIt) {
  ASSERT_TRUE(store.Write([](store::Repos& r) {
    return r.organizations.AddUserRoles("A", "alice", {"member"});  // alice@A: admin + member
  }));
  auto p = PreviewTemplateChange(
      ctx, Role(TemplateChange::kRemoveRoleScopes, "admin", {"s-read:resource", "s-add:member"}));
  ASSERT_TRUE(p);
  ASSERT_EQ(p->losses.size(), 2u);
  EXPECT_EQ(p->losses[0].scope.name, "add:member");
  ExpectCounts(p->losses[0].counts, 1, 0, 1);
  EXPECT_EQ(p->losses[1].scope.name, "read:resource");
  ExpectCounts(p->losses[1].counts, 0, 0, 0);  // member still gives it to alice
  ExpectCounts(p->affected, 1, 0, 1);
}

TEST_F(ImpactTest, DeletingARoleOrAScopeListsEveryLoss) {
  auto role = PreviewTemplateChange(ctx, Role(TemplateChange::kDeleteRole, "member"));
  ASSERT_TRUE(role);
  EXPECT_EQ(role->change, TemplateChange::kDeleteRole);
  ASSERT_EQ(role->losses.size(), 2u);  // invite:member, read:resource
  EXPECT_EQ(role->losses[0].scope.name, "invite:member");
  ExpectCounts(role->losses[0].counts, 2, 0, 2);  // bob@A, alice@B
  ExpectCounts(role->affected, 2, 0, 2);

  TemplateChangeRequest scope{TemplateChange::kDeleteScope, "", {}, "s-read:resource"};
  auto s = PreviewTemplateChange(ctx, scope);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->losses.size(), 1u);
  ExpectCounts(s->affected, 2, 1, 2);  // alice (A, B), bob, robot
}

TEST_F(ImpactTest, UnknownIdsAreNotFoundAndMissingOnesInvalid) {
  auto bad_role = PreviewTemplateChange(ctx, Role(TemplateChange::kDeleteRole, "ghost"));
  EXPECT_EQ(bad_role.error().code, "entity.not_exists_with_id");
  auto bad_scope =
      PreviewTemplateChange(ctx, Role(TemplateChange::kAddRoleScopes, "admin", {"s-unused", "x"}));
  EXPECT_EQ(bad_scope.error().code, "entity.not_exists_with_id");
  TemplateChangeRequest no_scope{TemplateChange::kDeleteScope, "", {}, "ghost"};
  EXPECT_EQ(PreviewTemplateChange(ctx, no_scope).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(PreviewTemplateChange(ctx, Role(TemplateChange::kAddRoleScopes, "admin")).error().code,
            "guard.invalid_input");
  EXPECT_EQ(PreviewTemplateChange(ctx, Role(TemplateChange::kDeleteRole, "")).error().code,
            "guard.invalid_input");
}

TEST(TemplateChangeNames, RoundTrip) {
  for (auto c : {TemplateChange::kAddRoleScopes, TemplateChange::kRemoveRoleScopes,
                 TemplateChange::kDeleteRole, TemplateChange::kDeleteScope}) {
    EXPECT_EQ(ParseTemplateChange(ToString(c)), c);
  }
  EXPECT_FALSE(ParseTemplateChange("AddRoleScopes"));
}

}  // namespace
}  // namespace gatehouse::service
