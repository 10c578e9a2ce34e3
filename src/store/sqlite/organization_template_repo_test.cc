#include "store/sqlite/organization_template_repo.h"

#include <gtest/gtest.h>

#include "store/sqlite/organization_test_db.h"

namespace gatehouse::store::sqlite {
namespace {

using model::OrganizationRole;
using model::OrganizationScope;
using model::RoleType;

class OrganizationTemplateRepoTest : public ::testing::Test {
 protected:
  OrganizationTemplateRepoTest() : repo(db.conn()) {}
  void Scope(const std::string& id, const std::string& name) {
    ASSERT_TRUE(repo.InsertScope({id, name, std::nullopt, 1}));
  }
  void Role(const std::string& id, const std::string& name, RoleType type = RoleType::kUser) {
    ASSERT_TRUE(repo.InsertRole({id, name, std::nullopt, type, 1}));
  }
  int64_t Version() { return repo.Version().value(); }

  OrganizationTestDb db;
  SqliteOrganizationTemplateRepo repo;
};

TEST_F(OrganizationTemplateRepoTest, StoresAndFindsAScope) {
  ASSERT_TRUE(repo.InsertScope({"s1", "read:resource", "Read things", 42}));
  auto found = repo.FindScope("s1");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->name, "read:resource");
  EXPECT_EQ((*found)->description, "Read things");
  EXPECT_EQ((*found)->created_at, 42);
  EXPECT_FALSE(*repo.FindScope("missing"));
}

TEST_F(OrganizationTemplateRepoTest, RejectsADuplicateScopeNameAsConflict) {
  Scope("s1", "a");
  auto r = repo.InsertScope({"s2", "a", std::nullopt, 1});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
}

TEST_F(OrganizationTemplateRepoTest, ListsScopesByNameWithSearchAndPages) {
  Scope("s1", "write:b");
  Scope("s2", "read:a");
  Scope("s3", "READ:c");
  auto all = repo.ListScopes(std::nullopt, std::nullopt);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 3);
  ASSERT_EQ(all->items.size(), 3u);
  EXPECT_EQ(all->items[0].name, "READ:c");  // BINARY collation: upper case first
  auto q = repo.ListScopes(std::string("read"), model::PageRequest{0, 1});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->total, 2);  // case-insensitive
  ASSERT_EQ(q->items.size(), 1u);
  auto page2 = repo.ListScopes(std::string("read"), model::PageRequest{1, 1});
  ASSERT_EQ(page2->items.size(), 1u);
  EXPECT_NE(page2->items[0].id, q->items[0].id);
}

TEST_F(OrganizationTemplateRepoTest, SearchTreatsLikeWildcardsLiterally) {
  Scope("s1", "a%b");
  Scope("s2", "axb");
  Scope("s3", "a_b");
  auto pct = repo.ListScopes(std::string("%"), std::nullopt);
  ASSERT_EQ(pct->items.size(), 1u);
  EXPECT_EQ(pct->items[0].id, "s1");
  auto under = repo.ListScopes(std::string("a_"), std::nullopt);
  ASSERT_EQ(under->items.size(), 1u);
  EXPECT_EQ(under->items[0].id, "s3");
  EXPECT_EQ(repo.ListScopes(std::string("'; DROP TABLE x; --"), std::nullopt)->total, 0);
}

TEST_F(OrganizationTemplateRepoTest, UpdatesAndDeletesScopes) {
  Scope("s1", "a");
  ASSERT_TRUE(repo.UpdateScope({"s1", "b", "d", 1}));
  EXPECT_EQ((*repo.FindScope("s1"))->name, "b");
  auto missing = repo.UpdateScope({"nope", "x", std::nullopt, 1});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(*repo.DeleteScope("s1"));
  EXPECT_FALSE(*repo.DeleteScope("s1"));
}

TEST_F(OrganizationTemplateRepoTest, FindsRolesByIdsAndNames) {
  Role("r1", "admin");
  Role("r2", "member");
  EXPECT_EQ(repo.FindRoles({"r1", "r2", "zz"})->size(), 2u);
  auto by_name = repo.FindRolesByName({"member", "ghost"});
  ASSERT_EQ(by_name->size(), 1u);
  EXPECT_EQ((*by_name)[0].id, "r2");
  EXPECT_TRUE(repo.FindRoles({})->empty());
}

TEST_F(OrganizationTemplateRepoTest, ListsRolesSearchingIdNameAndDescription) {
  ASSERT_TRUE(repo.InsertRole({"r1", "admin", "Can manage", RoleType::kUser, 1}));
  ASSERT_TRUE(repo.InsertRole({"r2", "member", std::nullopt, RoleType::kMachineToMachine, 1}));
  EXPECT_EQ(repo.ListRoles(std::string("MANAGE"), std::nullopt)->total, 1);
  EXPECT_EQ(repo.ListRoles(std::string("r2"), std::nullopt)->items.at(0).type,
            RoleType::kMachineToMachine);
  EXPECT_EQ(repo.ListRoles(std::nullopt, std::nullopt)->items.at(0).name, "admin");
}

TEST_F(OrganizationTemplateRepoTest, AddsRoleScopesIdempotentlyAndReplacesThem) {
  Role("r1", "admin");
  Scope("s1", "a");
  Scope("s2", "b");
  Scope("s3", "c");
  ASSERT_TRUE(repo.AddRoleScopes("r1", {"s1", "s2", "s1"}));
  ASSERT_TRUE(repo.AddRoleScopes("r1", {"s2"}));
  EXPECT_EQ(repo.ListRoleScopes("r1")->size(), 2u);
  ASSERT_TRUE(repo.ReplaceRoleScopes("r1", {"s2", "s3"}));
  auto scopes = repo.ListRoleScopes("r1");
  ASSERT_EQ(scopes->size(), 2u);
  EXPECT_EQ((*scopes)[0].name, "b");
  EXPECT_EQ((*scopes)[1].name, "c");
  EXPECT_TRUE(*repo.RemoveRoleScope("r1", "s2"));
  EXPECT_FALSE(*repo.RemoveRoleScope("r1", "s2"));
}

TEST_F(OrganizationTemplateRepoTest, RejectsAnUnknownScopeAsForeignKey) {
  Role("r1", "admin");
  auto r = repo.AddRoleScopes("r1", {"nope"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kForeignKey);
  auto rr = repo.AddRoleResourceScopes("r1", {"nope"});
  ASSERT_FALSE(rr);
  EXPECT_EQ(rr.error().kind, ErrorKind::kForeignKey);
}

TEST_F(OrganizationTemplateRepoTest, ListsResourceScopesWithTheirResource) {
  Role("r1", "dev");
  db.Resource("res1", "Files", "https://files");
  db.ResourceScope("rs1", "res1", "write");
  db.ResourceScope("rs2", "res1", "read");
  ASSERT_TRUE(repo.AddRoleResourceScopes("r1", {"rs1", "rs2"}));
  auto scopes = repo.ListRoleResourceScopes("r1");
  ASSERT_EQ(scopes->size(), 2u);
  EXPECT_EQ((*scopes)[0].name, "read");
  auto rows = repo.RoleResourceScopesOf({"r1"});
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].resource_name, "Files");
  EXPECT_EQ((*rows)[0].resource_indicator, "https://files");
  ASSERT_TRUE(repo.ReplaceRoleResourceScopes("r1", {}));
  EXPECT_TRUE(repo.ListRoleResourceScopes("r1")->empty());
}

TEST_F(OrganizationTemplateRepoTest, GroupsScopesOfSeveralRolesInOneQuery) {
  Role("r1", "admin");
  Role("r2", "member");
  Scope("s1", "a");
  Scope("s2", "b");
  ASSERT_TRUE(repo.AddRoleScopes("r1", {"s1", "s2"}));
  ASSERT_TRUE(repo.AddRoleScopes("r2", {"s2"}));
  auto rows = repo.RoleScopesOf({"r2", "r1"});
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].role_id, "r1");
  EXPECT_EQ((*rows)[2].role_id, "r2");
}

TEST_F(OrganizationTemplateRepoTest, DeletingAScopeOrRoleRemovesItsRelations) {
  Role("r1", "admin");
  Scope("s1", "a");
  ASSERT_TRUE(repo.AddRoleScopes("r1", {"s1"}));
  ASSERT_TRUE(*repo.DeleteScope("s1"));
  EXPECT_TRUE(repo.ListRoleScopes("r1")->empty());
  EXPECT_TRUE(*repo.DeleteRole("r1"));
  EXPECT_FALSE(*repo.FindRole("r1"));
}

TEST_F(OrganizationTemplateRepoTest, EveryGrantChangingWriteBumpsTheVersion) {
  int64_t v = Version();
  Role("r1", "admin");
  EXPECT_GT(Version(), v);
  v = Version();
  Scope("s1", "a");  // a new scope grants nothing yet
  EXPECT_EQ(Version(), v);
  ASSERT_TRUE(repo.AddRoleScopes("r1", {"s1"}));
  EXPECT_GT(Version(), v);
  v = Version();
  ASSERT_TRUE(repo.UpdateScope({"s1", "renamed", std::nullopt, 1}));
  EXPECT_GT(Version(), v);
  v = Version();
  db.Resource("res1", "Files", "https://files");
  db.ResourceScope("rs1", "res1", "write");
  ASSERT_TRUE(repo.AddRoleResourceScopes("r1", {"rs1"}));
  EXPECT_GT(Version(), v);
  v = Version();
  db.Sql("UPDATE resources SET indicator = 'https://new' WHERE id = 'res1'");
  EXPECT_GT(Version(), v);
  v = Version();
  db.Sql("DELETE FROM scopes WHERE id = 'rs1'");  // cascades out of the role
  EXPECT_GT(Version(), v);
  v = Version();
  ASSERT_TRUE(repo.DeleteRole("r1"));
  EXPECT_GT(Version(), v);
}

TEST_F(OrganizationTemplateRepoTest, LoadsTheWholeTemplateAtItsVersion) {
  Role("r1", "admin");
  Role("r2", "robot", RoleType::kMachineToMachine);
  Scope("s1", "a");
  db.Resource("res1", "Files", "https://files");
  db.ResourceScope("rs1", "res1", "write");
  ASSERT_TRUE(repo.AddRoleScopes("r1", {"s1"}));
  ASSERT_TRUE(repo.AddRoleResourceScopes("r2", {"rs1"}));
  auto rows = repo.LoadAll();
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->version, Version());
  EXPECT_EQ(rows->roles.size(), 2u);
  ASSERT_EQ(rows->role_scopes.size(), 1u);
  EXPECT_EQ(rows->role_scopes[0].scope.name, "a");
  ASSERT_EQ(rows->role_resource_scopes.size(), 1u);
  EXPECT_EQ(rows->role_resource_scopes[0].role_id, "r2");
}

TEST_F(OrganizationTemplateRepoTest, KeepsUnicodeAndQuotesVerbatim) {
  ASSERT_TRUE(repo.InsertScope({"s1", "読む:'\"; --", "説明 ✓", 1}));
  auto s = repo.FindScope("s1");
  EXPECT_EQ((*s)->name, "読む:'\"; --");
  EXPECT_EQ((*s)->description, "説明 ✓");
}

}  // namespace
}  // namespace gatehouse::store::sqlite
