#include "service/template/organization_template.h"

#include "service/organizations/members.h"
#include "service/organizations/member_permissions.h"
#include "service/template/relations.h"
#include "service/organizations/organizations.h"
#include "service/organizations/organizations_test_fixture.h"

namespace gatehouse::service {
namespace {

using model::RoleType;

using OrganizationTemplateTest = OrganizationServiceTest;

TEST_F(OrganizationTemplateTest, CreatesAScopeWithA21CharacterIdAndTheClockTime) {
  auto s = CreateOrganizationScope(ctx, "read:resource", "Read");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->id.size(), 21u);
  EXPECT_EQ(s->created_at, clock.NowMillis());
  EXPECT_EQ(GetOrganizationScope(ctx, s->id)->name, "read:resource");
}

TEST_F(OrganizationTemplateTest, ReportsDuplicateNamesAsUniqueViolations) {
  ASSERT_TRUE(CreateOrganizationScope(ctx, "a", std::nullopt));
  ExpectCode(CreateOrganizationScope(ctx, "a", std::nullopt), "entity.unique_integrity_violation");
  ASSERT_TRUE(CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser, {}, {}}));
  ExpectCode(CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser, {}, {}}),
             "entity.unique_integrity_violation");
}

TEST_F(OrganizationTemplateTest, DistinguishesMissingOnGetAndPatchFromMissingOnDelete) {
  ExpectCode(GetOrganizationScope(ctx, "nope"), "entity.not_exists_with_id");
  ExpectCode(UpdateOrganizationScope(ctx, "nope", {}), "entity.not_exists_with_id");
  ExpectCode(DeleteOrganizationScope(ctx, "nope"), "entity.not_found");
  ExpectCode(GetOrganizationRole(ctx, "nope"), "entity.not_exists_with_id");
  ExpectCode(UpdateOrganizationRole(ctx, "nope", {}), "entity.not_exists_with_id");
  ExpectCode(DeleteOrganizationRole(ctx, "nope"), "entity.not_found");
}

TEST_F(OrganizationTemplateTest, PatchChangesOnlyTheGivenFieldsAndCanClearTheDescription) {
  auto s = CreateOrganizationScope(ctx, "a", "desc");
  auto renamed = UpdateOrganizationScope(ctx, s->id, {std::string("b"), std::nullopt});
  EXPECT_EQ(renamed->name, "b");
  EXPECT_EQ(renamed->description, "desc");
  auto cleared = UpdateOrganizationScope(ctx, s->id, {std::nullopt, std::optional<std::string>{}});
  EXPECT_EQ(cleared->name, "b");
  EXPECT_FALSE(cleared->description);
}

TEST_F(OrganizationTemplateTest, RoleCreationWithABadScopeIdLeavesNothingBehind) {
  auto good = CreateOrganizationScope(ctx, "a", std::nullopt);
  ExpectCode(CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser,
                                          {good->id, "missing"}, {}}),
             "entity.relation_foreign_key_not_found");
  ExpectCode(CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser, {},
                                          {"missing-resource-scope"}}),
             "entity.relation_foreign_key_not_found");
  EXPECT_EQ(ListOrganizationRoles(ctx, std::nullopt, std::nullopt)->total, 0);
}

TEST_F(OrganizationTemplateTest, ListsRolesWithTheirScopesAndResourceScopes) {
  auto read = CreateOrganizationScope(ctx, "read", std::nullopt);
  auto write = CreateOrganizationScope(ctx, "write", std::nullopt);
  db.Resource("res1", "Files", "https://files");
  db.ResourceScope("rs1", "res1", "delete");
  ASSERT_TRUE(CreateOrganizationRole(
      ctx, {"member", std::nullopt, RoleType::kUser, {read->id}, {}}));
  ASSERT_TRUE(CreateOrganizationRole(
      ctx, {"admin", "All", RoleType::kUser, {write->id, read->id}, {"rs1"}}));
  auto page = ListOrganizationRoles(ctx, std::nullopt, model::PageRequest{0, 20});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 2u);
  const auto& admin = page->items[0];
  EXPECT_EQ(admin.role.name, "admin");
  ASSERT_EQ(admin.scopes.size(), 2u);
  EXPECT_EQ(admin.scopes[0].name, "read");
  ASSERT_EQ(admin.resource_scopes.size(), 1u);
  EXPECT_EQ(admin.resource_scopes[0].resource_name, "Files");
  EXPECT_EQ(page->items[1].scopes.size(), 1u);
  EXPECT_TRUE(page->items[1].resource_scopes.empty());
}

TEST_F(OrganizationTemplateTest, RoleScopeRelationsAddReplaceAndRemove) {
  auto role = CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser, {}, {}});
  auto a = CreateOrganizationScope(ctx, "a", std::nullopt);
  auto b = CreateOrganizationScope(ctx, "b", std::nullopt);
  auto k = RolePermissionKind::kOrganizationScope;
  ASSERT_TRUE(AddRolePermissions(ctx, k, role->id, {a->id}));
  ASSERT_TRUE(AddRolePermissions(ctx, k, role->id, {a->id}));  // idempotent
  ASSERT_TRUE(ReplaceRolePermissions(ctx, k, role->id, {b->id}));
  auto scopes = ListRoleOrganizationScopes(ctx, role->id);
  ASSERT_EQ(scopes->size(), 1u);
  EXPECT_EQ((*scopes)[0].name, "b");
  ExpectCode(RemoveRolePermission(ctx, k, role->id, a->id), "entity.not_found");
  ASSERT_TRUE(RemoveRolePermission(ctx, k, role->id, b->id));
  ExpectCode(AddRolePermissions(ctx, k, role->id, {"missing"}),
             "entity.relation_foreign_key_not_found");
  ExpectCode(AddRolePermissions(ctx, k, "no-role", {a->id}), "entity.relation_foreign_key_not_found");
  ExpectCode(ListRoleOrganizationScopes(ctx, "no-role"), "entity.not_exists_with_id");
}

TEST_F(OrganizationTemplateTest, RefusesToChangeTheTypeOfARoleItsMembersHold) {
  auto role = CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser, {}, {}});
  OrganizationInput in;
  in.name = "Acme";
  auto org = CreateOrganization(ctx, in);
  db.User("u1");
  ASSERT_TRUE(AddOrganizationUsers(ctx, org->id, {"u1"}));
  ASSERT_TRUE(AddOrganizationUserRoles(ctx, org->id, "u1", {{role->id}, {}}));
  OrganizationRolePatch patch;
  patch.type = RoleType::kMachineToMachine;
  ExpectCode(UpdateOrganizationRole(ctx, role->id, patch), "entity.db_constraint_violated");
  ASSERT_TRUE(RemoveOrganizationUserRole(ctx, org->id, "u1", role->id));
  EXPECT_EQ(UpdateOrganizationRole(ctx, role->id, patch)->type, RoleType::kMachineToMachine);
}

TEST_F(OrganizationTemplateTest, EveryTemplateWriteDropsTheCachedSnapshot) {
  auto role = CreateOrganizationRole(ctx, {"admin", std::nullopt, RoleType::kUser, {}, {}});
  auto scope = CreateOrganizationScope(ctx, "a", std::nullopt);
  auto load = [&] {
    ASSERT_TRUE(store.Read([&](store::Repos& r) -> Result<void> {
      auto snap = CurrentTemplate(ctx, r);
      if (!snap) return Fail(snap.error());
      return Ok();
    }));
    ASSERT_NE(cache.Get(), nullptr);
  };
  load();
  ASSERT_TRUE(AddRolePermissions(ctx, RolePermissionKind::kOrganizationScope, role->id,
                                 {scope->id}));
  EXPECT_EQ(cache.Get(), nullptr);
  load();
  ASSERT_TRUE(UpdateOrganizationRole(ctx, role->id, {std::string("boss"), {}, {}}));
  EXPECT_EQ(cache.Get(), nullptr);
  load();
  ASSERT_TRUE(DeleteOrganizationScope(ctx, scope->id));
  EXPECT_EQ(cache.Get(), nullptr);
}

}  // namespace
}  // namespace gatehouse::service
