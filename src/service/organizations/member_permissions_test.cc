#include "service/organizations/member_permissions.h"

#include "service/organizations/members.h"
#include "service/organizations/member_apps.h"
#include "service/template/organization_template.h"
#include "service/template/relations.h"
#include "service/organizations/organizations.h"
#include "service/organizations/organizations_test_fixture.h"

namespace gatehouse::service {
namespace {

using model::RoleType;
using Strings = std::vector<std::string>;

// The seed (PRODUCT.md §2): admin/member template; A: Alice admin, Bob member; B: Alice member.
class SeedScenarioTest : public OrganizationServiceTest {
 protected:
  void SetUp() override {
    for (auto name : {"add:member", "remove:member", "change:role", "read:resource",
                      "invite:member"}) {
      scope[name] = CreateOrganizationScope(ctx, name, std::nullopt)->id;
    }
    admin = CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser,
                                         {scope["add:member"], scope["remove:member"],
                                          scope["change:role"], scope["read:resource"]},
                                         {}})
                ->id;
    member = CreateOrganizationRole(ctx, {"member", std::nullopt, RoleType::kUser,
                                          {scope["read:resource"], scope["invite:member"]}, {}})
                 ->id;
    org_a = Org("Organization A");
    org_b = Org("Organization B");
    db.User("alice");
    db.User("bob");
    ASSERT_TRUE(AddOrganizationUsers(ctx, org_a, {"alice", "bob"}));
    ASSERT_TRUE(AddOrganizationUsers(ctx, org_b, {"alice"}));
    ASSERT_TRUE(AddOrganizationUserRoles(ctx, org_a, "alice", {{admin}, {}}));
    ASSERT_TRUE(AddOrganizationUserRoles(ctx, org_a, "bob", {{member}, {}}));
    ASSERT_TRUE(AddOrganizationUserRoles(ctx, org_b, "alice", {{member}, {}}));
  }
  std::string Org(const std::string& name) {
    OrganizationInput in;
    in.name = name;
    return CreateOrganization(ctx, in).value().id;
  }
  // The token endpoint's decision for a user organization token with an explicit scope.
  Result<authz::ScopeDecision> Token(const std::string& org, const std::string& user,
                                     Strings requested) {
    auto held = UserOrganizationScopes(ctx, org, user);
    if (!held) return Fail(held.error());
    return authz::DecideScopes(*held, requested, std::nullopt);
  }

  std::map<std::string, std::string> scope;
  std::string admin, member, org_a, org_b;
};

TEST_F(SeedScenarioTest, AliceGetsRemoveMemberForOrganizationA) {
  auto d = Token(org_a, "alice", {"remove:member"});
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->denied);
  EXPECT_EQ(d->scopes, Strings{"remove:member"});
}

TEST_F(SeedScenarioTest, BobIsDeniedRemoveMemberForOrganizationA) {
  auto d = Token(org_a, "bob", {"remove:member"});
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->denied);
}

TEST_F(SeedScenarioTest, AliceIsDeniedRemoveMemberForOrganizationB) {
  auto d = Token(org_b, "alice", {"remove:member"});
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->denied);
}

TEST_F(SeedScenarioTest, BobIsNotAMemberOfOrganizationB) {
  ExpectCode(Token(org_b, "bob", {"read:resource"}), "organization.require_membership");
  ExpectCode(Token("no-such-org", "alice", {"read:resource"}), "organization.require_membership");
}

TEST_F(SeedScenarioTest, AMemberWithoutRolesHoldsNothingButIsAMember) {
  db.User("carol");
  ASSERT_TRUE(AddOrganizationUsers(ctx, org_b, {"carol"}));
  auto held = UserOrganizationScopes(ctx, org_b, "carol");
  ASSERT_TRUE(held);
  EXPECT_TRUE(held->empty());
}

TEST_F(SeedScenarioTest, AddingDeveloperToTheTemplateIsUsableEverywhereAtOnce) {
  ASSERT_TRUE(UserOrganizationScopes(ctx, org_a, "alice"));  // warm the cache
  auto deploy = CreateOrganizationScope(ctx, "deploy:app", std::nullopt)->id;
  auto developer =
      CreateOrganizationRole(ctx, {"developer", std::nullopt, RoleType::kUser, {deploy}, {}})->id;
  ASSERT_TRUE(AddOrganizationUserRoles(ctx, org_b, "alice", {{}, {"developer"}}));
  ASSERT_TRUE(AddOrganizationUserRoles(ctx, org_a, "bob", {{developer}, {}}));
  EXPECT_EQ(Token(org_b, "alice", {"deploy:app"})->scopes, Strings{"deploy:app"});
  EXPECT_EQ(Token(org_a, "bob", {"deploy:app", "remove:member"})->scopes, Strings{"deploy:app"});
}

TEST_F(SeedScenarioTest, APermissionAddedToARoleAppliesToTheNextEvaluation) {
  EXPECT_TRUE(Token(org_a, "bob", {"remove:member"})->denied);
  ASSERT_TRUE(AddRolePermissions(ctx, RolePermissionKind::kOrganizationScope, member,
                                 {scope["remove:member"]}));
  EXPECT_FALSE(Token(org_a, "bob", {"remove:member"})->denied);
  ASSERT_TRUE(RemoveRolePermission(ctx, RolePermissionKind::kOrganizationScope, member,
                                   scope["remove:member"]));
  EXPECT_TRUE(Token(org_a, "bob", {"remove:member"})->denied);
}

TEST_F(SeedScenarioTest, AWriteByAnotherNodeIsSeenThroughTheTemplateVersion) {
  ASSERT_TRUE(UserOrganizationScopes(ctx, org_a, "bob"));
  ASSERT_NE(cache.Get(), nullptr);  // cached, and nobody here will invalidate it
  db.Sql("INSERT INTO organization_role_scopes VALUES ('" + member + "', '" +
         scope["change:role"] + "')");
  auto held = UserOrganizationScopes(ctx, org_a, "bob");
  EXPECT_NE(std::find(held->begin(), held->end(), "change:role"), held->end());
}

TEST_F(SeedScenarioTest, ReusesTheCachedSnapshotWhileTheTemplateIsUnchanged) {
  ASSERT_TRUE(UserOrganizationScopes(ctx, org_a, "alice"));
  auto first = cache.Get();
  ASSERT_TRUE(UserOrganizationScopes(ctx, org_b, "alice"));
  ASSERT_TRUE(AddOrganizationUsers(ctx, org_b, {"bob"}));  // membership is not template
  ASSERT_TRUE(UserOrganizationScopes(ctx, org_b, "bob"));
  EXPECT_EQ(cache.Get(), first);
}

TEST_F(SeedScenarioTest, GrantsResourceScopesOfTheOrganizationRolesByIndicator) {
  db.Resource("res1", "Files", "https://files.example.com");
  db.ResourceScope("rs1", "res1", "delete:files");
  db.ResourceScope("rs2", "res1", "read:files");
  ASSERT_TRUE(AddRolePermissions(ctx, RolePermissionKind::kResourceScope, admin, {"rs1", "rs2"}));
  ASSERT_TRUE(AddRolePermissions(ctx, RolePermissionKind::kResourceScope, member, {"rs2"}));
  EXPECT_EQ(*UserOrganizationResourceScopes(ctx, org_a, "alice", "https://files.example.com"),
            (Strings{"delete:files", "read:files"}));
  EXPECT_EQ(*UserOrganizationResourceScopes(ctx, org_b, "alice", "https://files.example.com"),
            Strings{"read:files"});
  EXPECT_TRUE(UserOrganizationResourceScopes(ctx, org_a, "alice", "https://other")->empty());
  ExpectCode(UserOrganizationResourceScopes(ctx, org_b, "bob", "https://files.example.com"),
             "organization.require_membership");
  db.Sql("UPDATE resources SET indicator = 'https://renamed' WHERE id = 'res1'");
  EXPECT_EQ(UserOrganizationResourceScopes(ctx, org_b, "alice", "https://renamed")->size(), 1u);
}

TEST_F(SeedScenarioTest, MachineToMachineMembersHoldOnlyTheirRoles) {
  auto sync = CreateOrganizationScope(ctx, "sync:data", std::nullopt)->id;
  auto robot =
      CreateOrganizationRole(ctx, {"robot", std::nullopt, RoleType::kMachineToMachine, {sync}, {}})
          ->id;
  db.App("m2m");
  ASSERT_TRUE(AddOrganizationApplications(ctx, org_a, {"m2m"}));
  EXPECT_TRUE(ApplicationOrganizationScopes(ctx, org_a, "m2m")->empty());
  ASSERT_TRUE(AddOrganizationApplicationRoles(ctx, org_a, "m2m", {robot}));
  EXPECT_EQ(*ApplicationOrganizationScopes(ctx, org_a, "m2m"), Strings{"sync:data"});
  ExpectCode(ApplicationOrganizationScopes(ctx, org_b, "m2m"), "organization.require_membership");
}

TEST_F(SeedScenarioTest, BuildsIdTokenOrganizationClaims) {
  Result<OrganizationClaims> claims;
  ASSERT_TRUE(store.Read([&](store::Repos& r) -> Result<void> {
    claims = UserOrganizationClaims(r, "alice");
    return Ok();
  }));
  ASSERT_TRUE(claims);
  Strings orgs = {org_a, org_b};
  std::sort(orgs.begin(), orgs.end());
  EXPECT_EQ(claims->organizations, orgs);
  EXPECT_EQ(claims->organization_roles.size(), 2u);
  EXPECT_NE(std::find(claims->organization_roles.begin(), claims->organization_roles.end(),
                      org_a + ":admin"),
            claims->organization_roles.end());
}

}  // namespace
}  // namespace gatehouse::service
