#include "service/organizations/members.h"

#include "service/organizations/member_apps.h"
#include "service/template/organization_template.h"
#include "service/organizations/organizations.h"
#include "service/organizations/organizations_test_fixture.h"

namespace gatehouse::service {
namespace {

using model::RoleType;
using Strings = std::vector<std::string>;

class OrganizationMembersTest : public OrganizationServiceTest {
 protected:
  void SetUp() override {
    OrganizationInput in;
    in.name = "Acme";
    org = CreateOrganization(ctx, in).value().id;
    admin = CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser, {}, {}})->id;
    member = CreateOrganizationRole(ctx, {"member", std::nullopt, RoleType::kUser, {}, {}})->id;
    robot = CreateOrganizationRole(ctx, {"robot", std::nullopt, RoleType::kMachineToMachine, {}, {}})
                ->id;
    for (auto id : {"u1", "u2", "u3"}) db.User(id);
  }
  Strings MemberIds() {
    Strings out;
    auto page = ListOrganizationUsers(ctx, org, std::nullopt, std::nullopt, std::nullopt);
    for (auto& m : page.value().items) out.push_back(m.member.id);
    return out;
  }
  std::string org, admin, member, robot;
};

TEST_F(OrganizationMembersTest, AddingMembersIsIdempotentAndAtomic) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1", "u1"}));
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1"}));
  ExpectCode(AddOrganizationUsers(ctx, org, {"u2", "ghost"}), "entity.relation_foreign_key_not_found");
  EXPECT_EQ(MemberIds(), Strings{"u1"});  // u2 was not added either
  ExpectCode(AddOrganizationUsers(ctx, "no-org", {"u1"}), "entity.relation_foreign_key_not_found");
}

TEST_F(OrganizationMembersTest, ReplacingMembersChangesOnlyTheDifference) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1", "u2"}));
  ASSERT_TRUE(AddOrganizationUserRoles(ctx, org, "u1", {{admin}, {}}));
  ASSERT_TRUE(ReplaceOrganizationUsers(ctx, org, {"u1", "u3"}));
  EXPECT_EQ(MemberIds(), (Strings{"u1", "u3"}));
  auto roles = ListOrganizationUserRoles(ctx, org, "u1");
  ASSERT_EQ(roles->size(), 1u);
  EXPECT_EQ((*roles)[0].name, "admin");
  ASSERT_TRUE(ReplaceOrganizationUsers(ctx, org, {}));
  EXPECT_TRUE(MemberIds().empty());
}

TEST_F(OrganizationMembersTest, RemovingAMemberRemovesItsRolesAndAgainIsNotFound) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1"}));
  ASSERT_TRUE(AddOrganizationUserRoles(ctx, org, "u1", {{admin}, {}}));
  ASSERT_TRUE(RemoveOrganizationUser(ctx, org, "u1"));
  ExpectCode(RemoveOrganizationUser(ctx, org, "u1"), "entity.not_found");
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1"}));
  EXPECT_TRUE(ListOrganizationUserRoles(ctx, org, "u1")->empty());
}

TEST_F(OrganizationMembersTest, ListsMembersWithTheirRolesSortedByName) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u2", "u1"}));
  ASSERT_TRUE(AddOrganizationUserRoles(ctx, org, "u1", {{member, admin}, {}}));
  auto page = ListOrganizationUsers(ctx, org, std::nullopt, std::nullopt, model::PageRequest{0, 20});
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].member.id, "u1");
  ASSERT_EQ(page->items[0].roles.size(), 2u);
  EXPECT_EQ(page->items[0].roles[0].name, "admin");
  EXPECT_TRUE(page->items[1].roles.empty());
  auto filtered = ListOrganizationUsers(ctx, org, std::nullopt, member, std::nullopt);
  EXPECT_EQ(filtered->total, 1);
  ExpectCode(ListOrganizationUsers(ctx, "no-org", std::nullopt, std::nullopt, std::nullopt),
             "entity.not_exists_with_id");
}

TEST_F(OrganizationMembersTest, RoleOperationsRequireMembership) {
  ExpectCode(ListOrganizationUserRoles(ctx, org, "u1"), "organization.require_membership");
  ExpectCode(AddOrganizationUserRoles(ctx, org, "u1", {{admin}, {}}),
             "organization.require_membership");
  ExpectCode(ReplaceOrganizationUserRoles(ctx, org, "u1", {{admin}, {}}),
             "organization.require_membership");
  ExpectCode(RemoveOrganizationUserRole(ctx, org, "u1", admin), "organization.require_membership");
  ExpectCode(ListOrganizationUserScopes(ctx, org, "u1"), "organization.require_membership");
  ExpectCode(ListOrganizationUserRoles(ctx, "no-org", "u1"), "organization.require_membership");
}

TEST_F(OrganizationMembersTest, AssignsRolesByIdAndNameReturningDistinctIds) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1"}));
  auto ids = AddOrganizationUserRoles(ctx, org, "u1", {{admin, admin}, {"member", "admin"}});
  ASSERT_TRUE(ids);
  EXPECT_EQ(*ids, (Strings{admin, member}));
  EXPECT_EQ(ListOrganizationUserRoles(ctx, org, "u1")->size(), 2u);
  EXPECT_TRUE(AddOrganizationUserRoles(ctx, org, "u1", {})->empty());
}

TEST_F(OrganizationMembersTest, RejectsUnknownNamesUnknownIdsAndMachineRoles) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1"}));
  ExpectCode(AddOrganizationUserRoles(ctx, org, "u1", {{}, {"admin", "ghost"}}),
             "organization.role_names_not_found");
  ExpectCode(AddOrganizationUserRoles(ctx, org, "u1", {{"ghost-id"}, {}}),
             "entity.relation_foreign_key_not_found");
  ExpectCode(AddOrganizationUserRoles(ctx, org, "u1", {{admin, robot}, {}}),
             "entity.db_constraint_violated");
  ExpectCode(AddOrganizationUserRoles(ctx, org, "u1", {{}, {"robot"}}),
             "entity.db_constraint_violated");
  EXPECT_TRUE(ListOrganizationUserRoles(ctx, org, "u1")->empty());  // nothing half-assigned
}

TEST_F(OrganizationMembersTest, ReplacesAndRemovesMemberRoles) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1"}));
  ASSERT_TRUE(AddOrganizationUserRoles(ctx, org, "u1", {{admin}, {}}));
  ASSERT_TRUE(ReplaceOrganizationUserRoles(ctx, org, "u1", {{}, {"member"}}));
  auto roles = ListOrganizationUserRoles(ctx, org, "u1");
  ASSERT_EQ(roles->size(), 1u);
  EXPECT_EQ((*roles)[0].id, member);
  ExpectCode(RemoveOrganizationUserRole(ctx, org, "u1", admin), "entity.not_found");
  ASSERT_TRUE(RemoveOrganizationUserRole(ctx, org, "u1", member));
}

TEST_F(OrganizationMembersTest, AssignsEveryRoleToEveryListedMember) {
  ASSERT_TRUE(AddOrganizationUsers(ctx, org, {"u1", "u2"}));
  ASSERT_TRUE(AssignOrganizationUsersRoles(ctx, org, {"u1", "u2"}, {admin, member}));
  EXPECT_EQ(ListOrganizationUserRoles(ctx, org, "u2")->size(), 2u);
  ExpectCode(AssignOrganizationUsersRoles(ctx, org, {"u1", "u3"}, {admin}),
             "entity.relation_foreign_key_not_found");
  ExpectCode(AssignOrganizationUsersRoles(ctx, org, {"u1"}, {robot}),
             "entity.db_constraint_violated");
}

TEST_F(OrganizationMembersTest, OnlyMachineToMachineApplicationsJoinAndHoldMachineRoles) {
  db.App("m2m");
  db.App("web", "Traditional");
  ExpectCode(AddOrganizationApplications(ctx, org, {"m2m", "web"}), "entity.db_constraint_violated");
  ExpectCode(AddOrganizationApplications(ctx, org, {"ghost"}), "entity.relation_foreign_key_not_found");
  ASSERT_TRUE(AddOrganizationApplications(ctx, org, {"m2m"}));
  ExpectCode(AddOrganizationApplicationRoles(ctx, org, "m2m", {admin}), "entity.db_constraint_violated");
  ASSERT_TRUE(AddOrganizationApplicationRoles(ctx, org, "m2m", {robot}));
  auto page = ListOrganizationApplications(ctx, org, std::nullopt, std::nullopt);
  ASSERT_EQ(page->items.size(), 1u);
  ASSERT_EQ(page->items[0].roles.size(), 1u);
  EXPECT_EQ(page->items[0].roles[0].name, "robot");
  ExpectCode(ListOrganizationApplicationRoles(ctx, org, "web"), "organization.require_membership");
  ExpectCode(AddOrganizationApplicationRoles(ctx, "no-org", "m2m", {robot}),
             "organization.require_membership");
  ASSERT_TRUE(ReplaceOrganizationApplications(ctx, org, {}));
  ExpectCode(RemoveOrganizationApplication(ctx, org, "m2m"), "entity.not_found");
}

}  // namespace
}  // namespace gatehouse::service
