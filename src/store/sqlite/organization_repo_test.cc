#include "store/sqlite/organization_repo.h"

#include <gtest/gtest.h>

#include "store/sqlite/organization_template_repo.h"
#include "store/sqlite/organization_test_db.h"

namespace gatehouse::store::sqlite {
namespace {

using model::RoleType;
using Strings = std::vector<std::string>;

class OrganizationRepoTest : public ::testing::Test {
 protected:
  OrganizationRepoTest() : repo(db.conn()), tmpl(db.conn()) {}

  void Org(const std::string& id, const std::string& name, int64_t created_at = 1) {
    model::Organization o;
    o.id = id;
    o.name = name;
    o.created_at = created_at;
    ASSERT_TRUE(repo.Insert(o));
  }
  void Role(const std::string& id, const std::string& name, RoleType type = RoleType::kUser) {
    ASSERT_TRUE(tmpl.InsertRole({id, name, std::nullopt, type, 1}));
  }
  Strings Ids(const model::Page<model::User>& p) {
    Strings out;
    for (const auto& u : p.items) out.push_back(u.id);
    return out;
  }

  OrganizationTestDb db;
  SqliteOrganizationRepo repo;
  SqliteOrganizationTemplateRepo tmpl;
};

TEST_F(OrganizationRepoTest, StoresAnOrganizationWithItsJsonColumns) {
  model::Organization o;
  o.id = "org1";
  o.name = "Acme";
  o.description = "d";
  o.custom_data = {{"tier", "gold"}, {"n", 1}};
  o.is_mfa_required = true;
  o.color = {{"primaryColor", "#abc"}};
  o.branding = {{"logoUrl", "https://x/logo.png"}};
  o.custom_css = "a{}";
  o.created_at = 5;
  ASSERT_TRUE(repo.Insert(o));
  auto found = repo.Find("org1");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->custom_data, o.custom_data);
  EXPECT_TRUE((*found)->is_mfa_required);
  EXPECT_EQ((*found)->color, o.color);
  EXPECT_EQ((*found)->branding, o.branding);
  EXPECT_EQ((*found)->custom_css, "a{}");
  EXPECT_FALSE(*repo.Find("nope"));
}

TEST_F(OrganizationRepoTest, ListsNewestFirstAndSearchesIdAndName) {
  Org("org1", "Alpha", 1);
  Org("org2", "Beta", 2);
  Org("org3", "alphabet", 3);
  auto all = repo.List(std::nullopt, model::PageRequest{0, 20});
  ASSERT_EQ(all->items.size(), 3u);
  EXPECT_EQ(all->items[0].id, "org3");
  auto q = repo.List(std::string("ALPHA"), std::nullopt);
  EXPECT_EQ(q->total, 2);
  EXPECT_EQ(repo.List(std::string("org2"), std::nullopt)->total, 1);
}

TEST_F(OrganizationRepoTest, UpdateOfAMissingOrganizationIsNotFound) {
  model::Organization o;
  o.id = "ghost";
  o.name = "x";
  auto r = repo.Update(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kNotFound);
}

TEST_F(OrganizationRepoTest, AddsMembersIdempotentlyAndRejectsUnknownOnes) {
  Org("org1", "A");
  db.User("u1");
  db.User("u2");
  ASSERT_TRUE(repo.AddUsers("org1", {"u1", "u2", "u1"}, 10));
  ASSERT_TRUE(repo.AddUsers("org1", {"u1"}, 20));
  EXPECT_EQ(*repo.UserIds("org1"), (Strings{"u1", "u2"}));
  auto unknown_user = repo.AddUsers("org1", {"u1", "ghost"}, 30);
  ASSERT_FALSE(unknown_user);
  EXPECT_EQ(unknown_user.error().kind, ErrorKind::kForeignKey);
  auto unknown_org = repo.AddUsers("ghost", {"u1"}, 30);
  ASSERT_FALSE(unknown_org);
  EXPECT_EQ(unknown_org.error().kind, ErrorKind::kForeignKey);
}

TEST_F(OrganizationRepoTest, ReplacingMembersKeepsTheRolesOfThoseWhoStay) {
  Org("org1", "A");
  Role("r1", "admin");
  for (auto id : {"u1", "u2", "u3"}) db.User(id);
  ASSERT_TRUE(repo.AddUsers("org1", {"u1", "u2"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u1", {"r1"}));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u2", {"r1"}));
  ASSERT_TRUE(repo.ReplaceUsers("org1", {"u1", "u3"}, 2));
  EXPECT_EQ(*repo.UserIds("org1"), (Strings{"u1", "u3"}));
  EXPECT_EQ(repo.UserRoles("org1", "u1")->size(), 1u);
  // u2 left: its assignment went with the membership, and re-joining starts with no role.
  ASSERT_TRUE(repo.AddUsers("org1", {"u2"}, 3));
  EXPECT_TRUE(repo.UserRoles("org1", "u2")->empty());
  ASSERT_TRUE(repo.ReplaceUsers("org1", {}, 4));
  EXPECT_TRUE(repo.UserIds("org1")->empty());
}

TEST_F(OrganizationRepoTest, RemovingAMemberRemovesItsRoles) {
  Org("org1", "A");
  Role("r1", "admin");
  db.User("u1");
  ASSERT_TRUE(repo.AddUsers("org1", {"u1"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u1", {"r1"}));
  EXPECT_TRUE(*repo.RemoveUser("org1", "u1"));
  EXPECT_FALSE(*repo.RemoveUser("org1", "u1"));
  EXPECT_FALSE(*repo.IsRoleAssigned("r1", RoleType::kUser));
}

TEST_F(OrganizationRepoTest, RolesNeedAMembership) {
  Org("org1", "A");
  Role("r1", "admin");
  db.User("u1");
  auto r = repo.AddUserRoles("org1", "u1", {"r1"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kForeignKey);
}

TEST_F(OrganizationRepoTest, ListsMembersByIdWithSearchRoleFilterAndPages) {
  Org("org1", "A");
  Org("org2", "B");
  Role("r1", "admin");
  db.User("u3", "carol", "carol@example.com");
  db.User("u1", "alice", "ALICE@example.com");
  db.User("u2", "bob", "bob@example.com");
  ASSERT_TRUE(repo.AddUsers("org1", {"u3", "u1", "u2"}, 1));
  ASSERT_TRUE(repo.AddUsers("org2", {"u1"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u2", {"r1"}));
  auto all = repo.ListUsers("org1", std::nullopt, std::nullopt, model::PageRequest{0, 2});
  EXPECT_EQ(all->total, 3);
  EXPECT_EQ(Ids(*all), (Strings{"u1", "u2"}));
  auto next = repo.ListUsers("org1", std::nullopt, std::nullopt, model::PageRequest{2, 2});
  EXPECT_EQ(Ids(*next), Strings{"u3"});
  EXPECT_EQ(Ids(*repo.ListUsers("org1", std::string("alice@"), std::nullopt, std::nullopt)),
            Strings{"u1"});
  EXPECT_EQ(Ids(*repo.ListUsers("org1", std::nullopt, std::string("r1"), std::nullopt)),
            Strings{"u2"});
  EXPECT_EQ(repo.ListUsers("org2", std::nullopt, std::nullopt, std::nullopt)->total, 1);
  EXPECT_EQ(all->items[0].name, "Name u1");
}

TEST_F(OrganizationRepoTest, ReturnsMemberRoleIdsDistinguishingNonMembers) {
  Org("org1", "A");
  Role("r1", "admin");
  Role("r2", "member");
  db.User("u1");
  db.User("u2");
  ASSERT_TRUE(repo.AddUsers("org1", {"u1", "u2"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u1", {"r1", "r2"}));
  auto held = repo.UserRoleIds("org1", "u1");
  ASSERT_TRUE(held && *held);
  EXPECT_EQ((*held)->size(), 2u);
  auto none = repo.UserRoleIds("org1", "u2");
  ASSERT_TRUE(none && *none);
  EXPECT_TRUE((*none)->empty());
  EXPECT_FALSE(*repo.UserRoleIds("org1", "ghost"));
  EXPECT_FALSE(*repo.UserRoleIds("ghost", "u1"));
}

TEST_F(OrganizationRepoTest, ReplacesAndRemovesMemberRoles) {
  Org("org1", "A");
  Role("r1", "admin");
  Role("r2", "member");
  db.User("u1");
  ASSERT_TRUE(repo.AddUsers("org1", {"u1"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u1", {"r1"}));
  ASSERT_TRUE(repo.ReplaceUserRoles("org1", "u1", {"r2"}));
  auto roles = repo.UserRoles("org1", "u1");
  ASSERT_EQ(roles->size(), 1u);
  EXPECT_EQ((*roles)[0].name, "member");
  EXPECT_TRUE(*repo.RemoveUserRole("org1", "u1", "r2"));
  EXPECT_FALSE(*repo.RemoveUserRole("org1", "u1", "r2"));
}

TEST_F(OrganizationRepoTest, ReadsTheRolesOfAPageOfMembersInOneQuery) {
  Org("org1", "A");
  Role("r1", "b-role");
  Role("r2", "a-role");
  for (auto id : {"u1", "u2", "u3"}) db.User(id);
  ASSERT_TRUE(repo.AddUsers("org1", {"u1", "u2", "u3"}, 1));
  ASSERT_TRUE(repo.AddUsersRoles("org1", {"u1", "u2"}, {"r1", "r2"}));
  auto rows = repo.UsersRolesOf("org1", {"u1", "u2", "u3"});
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].member_id, "u1");
  EXPECT_EQ((*rows)[0].role.name, "a-role");  // by name within a member
}

TEST_F(OrganizationRepoTest, ComputesTheDistinctScopesOfAMemberFromUserRolesOnly) {
  Org("org1", "A");
  Role("r1", "admin");
  Role("r2", "member");
  Role("m2m", "robot", RoleType::kMachineToMachine);
  for (auto [id, name] : {std::pair{"s1", "read"}, {"s2", "write"}, {"s3", "sync"}}) {
    ASSERT_TRUE(tmpl.InsertScope({id, name, std::nullopt, 1}));
  }
  ASSERT_TRUE(tmpl.AddRoleScopes("r1", {"s1", "s2"}));
  ASSERT_TRUE(tmpl.AddRoleScopes("r2", {"s1"}));
  ASSERT_TRUE(tmpl.AddRoleScopes("m2m", {"s3"}));
  db.User("u1");
  ASSERT_TRUE(repo.AddUsers("org1", {"u1"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u1", {"r1", "r2", "m2m"}));  // type is the service's rule
  auto scopes = repo.UserScopes("org1", "u1");
  ASSERT_EQ(scopes->size(), 2u);
  EXPECT_EQ((*scopes)[0].name, "read");
  EXPECT_EQ((*scopes)[1].name, "write");
}

TEST_F(OrganizationRepoTest, SummarisesMembersWithTheFirstThreeByIdFeatured) {
  Org("org1", "A");
  Org("org2", "B");
  Org("org3", "C");
  for (auto id : {"u1", "u2", "u3", "u4"}) db.User(id);
  ASSERT_TRUE(repo.AddUsers("org1", {"u4", "u3"}, 1));
  ASSERT_TRUE(repo.AddUsers("org1", {"u1", "u2"}, 2));
  ASSERT_TRUE(repo.AddUsers("org2", {"u1"}, 1));
  auto s = repo.UsersSummaryOf({"org1", "org2", "org3"}, 3);
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ((*s)[0].users_count, 4);
  ASSERT_EQ((*s)[0].featured.size(), 3u);
  EXPECT_EQ((*s)[0].featured[0].id, "u1");  // by user id
  EXPECT_EQ((*s)[0].featured[2].id, "u3");
  EXPECT_EQ((*s)[1].users_count, 1);
  EXPECT_EQ((*s)[2].users_count, 0);
  EXPECT_TRUE((*s)[2].featured.empty());
}

TEST_F(OrganizationRepoTest, ListsTheOrganizationsAndRolesOfAUser) {
  Org("org2", "B");
  Org("org1", "A");
  Role("r1", "admin");
  Role("r2", "member");
  db.User("u1");
  ASSERT_TRUE(repo.AddUsers("org1", {"u1"}, 1));
  ASSERT_TRUE(repo.AddUsers("org2", {"u1"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u1", {"r2", "r1"}));
  auto orgs = repo.OrganizationsOfUser("u1");
  ASSERT_EQ(orgs->size(), 2u);
  EXPECT_EQ((*orgs)[0].id, "org1");
  auto roles = repo.OrganizationRolesOfUser("u1");
  ASSERT_EQ(roles->size(), 2u);
  EXPECT_EQ((*roles)[0].organization_id, "org1");
  EXPECT_EQ((*roles)[0].role.name, "admin");
}

TEST_F(OrganizationRepoTest, DeletingAnOrganizationRemovesMembershipsAndRoles) {
  Org("org1", "A");
  Role("r1", "admin");
  db.User("u1");
  ASSERT_TRUE(repo.AddUsers("org1", {"u1"}, 1));
  ASSERT_TRUE(repo.AddUserRoles("org1", "u1", {"r1"}));
  EXPECT_TRUE(*repo.Delete("org1"));
  EXPECT_FALSE(*repo.Delete("org1"));
  EXPECT_TRUE(repo.OrganizationsOfUser("u1")->empty());
  EXPECT_FALSE(*repo.IsRoleAssigned("r1", RoleType::kUser));
}

}  // namespace
}  // namespace gatehouse::store::sqlite
