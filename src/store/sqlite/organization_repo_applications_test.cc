#include <gtest/gtest.h>

#include "store/sqlite/organization_repo.h"
#include "store/sqlite/organization_template_repo.h"
#include "store/sqlite/organization_test_db.h"

namespace gatehouse::store::sqlite {
namespace {

using model::RoleType;
using Strings = std::vector<std::string>;

class OrganizationApplicationsRepoTest : public ::testing::Test {
 protected:
  OrganizationApplicationsRepoTest() : repo(db.conn()), tmpl(db.conn()) {
    model::Organization o;
    o.id = "org1";
    o.name = "A";
    EXPECT_TRUE(repo.Insert(o));
    EXPECT_TRUE(tmpl.InsertRole({"m1", "robot", std::nullopt, RoleType::kMachineToMachine, 1}));
    EXPECT_TRUE(tmpl.InsertRole({"m2", "auditor", std::nullopt, RoleType::kMachineToMachine, 1}));
  }

  OrganizationTestDb db;
  SqliteOrganizationRepo repo;
  SqliteOrganizationTemplateRepo tmpl;
};

TEST_F(OrganizationApplicationsRepoTest, AddsListsAndReplacesApplicationMembers) {
  db.App("a1");
  db.App("a2");
  db.App("a3");
  ASSERT_TRUE(repo.AddApplications("org1", {"a2", "a1", "a1"}, 1));
  EXPECT_EQ(*repo.ApplicationIds("org1"), (Strings{"a1", "a2"}));
  ASSERT_TRUE(repo.AddApplicationRoles("org1", "a1", {"m1"}));
  ASSERT_TRUE(repo.ReplaceApplications("org1", {"a1", "a3"}, 2));
  EXPECT_EQ(*repo.ApplicationIds("org1"), (Strings{"a1", "a3"}));
  EXPECT_EQ(repo.ApplicationRoles("org1", "a1")->size(), 1u);  // survivor keeps its role
  auto page = repo.ListApplications("org1", std::string("App a3"), std::nullopt);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].type, model::ApplicationType::kMachineToMachine);
}

TEST_F(OrganizationApplicationsRepoTest, FindsApplicationsThatAreNotMachineToMachine) {
  db.App("a1");
  db.App("web", "Traditional");
  EXPECT_EQ(*repo.NonMachineToMachineApplications({"a1", "web", "ghost"}), Strings{"web"});
}

TEST_F(OrganizationApplicationsRepoTest, ReturnsApplicationRoleIdsDistinguishingNonMembers) {
  db.App("a1");
  db.App("a2");
  ASSERT_TRUE(repo.AddApplications("org1", {"a1", "a2"}, 1));
  ASSERT_TRUE(repo.AddApplicationsRoles("org1", {"a1"}, {"m1", "m2"}));
  EXPECT_EQ((*repo.ApplicationRoleIds("org1", "a1"))->size(), 2u);
  EXPECT_TRUE((*repo.ApplicationRoleIds("org1", "a2"))->empty());
  EXPECT_FALSE(*repo.ApplicationRoleIds("org1", "ghost"));
  EXPECT_TRUE(*repo.IsRoleAssigned("m1", RoleType::kMachineToMachine));
}

TEST_F(OrganizationApplicationsRepoTest, RemovingAnApplicationRemovesItsRoles) {
  db.App("a1");
  ASSERT_TRUE(repo.AddApplications("org1", {"a1"}, 1));
  ASSERT_TRUE(repo.AddApplicationRoles("org1", "a1", {"m1"}));
  ASSERT_TRUE(repo.ReplaceApplicationRoles("org1", "a1", {"m2"}));
  auto rows = repo.ApplicationsRolesOf("org1", {"a1"});
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].role.id, "m2");
  EXPECT_FALSE(*repo.RemoveApplicationRole("org1", "a1", "m1"));
  EXPECT_TRUE(*repo.RemoveApplication("org1", "a1"));
  EXPECT_FALSE(*repo.IsApplicationMember("org1", "a1"));
  EXPECT_FALSE(*repo.IsRoleAssigned("m2", RoleType::kMachineToMachine));
}

}  // namespace
}  // namespace gatehouse::store::sqlite
