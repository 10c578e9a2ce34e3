#include "service/resources/roles.h"

#include "service/applications/applications.h"
#include "service/resources/resources.h"
#include "service/users/users_test_fixture.h"

namespace gatehouse::service {
namespace {

using model::RoleType;

class RolesTest : public ServiceTest {
 protected:
  void SetUp() override {
    NewResource res;
    res.name = "API";
    res.indicator = "https://api.example";
    resource = *CreateResource(ctx, res);
    read = *CreateScope(ctx, resource.id, "read", std::nullopt);
    write = *CreateScope(ctx, resource.id, "write", std::nullopt);
    user = *CreateUser(ctx, NewUser{});
    NewApplication m2m;
    m2m.name = "Robot";
    m2m.type = model::ApplicationType::kMachineToMachine;
    robot = *CreateApplication(ctx, m2m);
    NewApplication spa;
    spa.name = "Web";
    spa.type = model::ApplicationType::kSpa;
    web = *CreateApplication(ctx, spa);
  }
  NewRole Role(std::string name, RoleType type, std::vector<std::string> scopes = {}) {
    return NewRole{std::move(name), "desc", type, std::move(scopes)};
  }
  model::Resource resource;
  model::Scope read, write;
  model::User user;
  model::Application robot, web;
};

TEST_F(RolesTest, CreateWithABadScopeIdLeavesNothingBehind) {
  auto r = CreateRole(ctx, Role("ops", RoleType::kUser, {read.id, "nope"}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "entity.relation_foreign_key_not_found");
  EXPECT_EQ(ListRoles(ctx, {}, std::nullopt)->total, 0);
  EXPECT_TRUE(CreateRole(ctx, Role("ops", RoleType::kUser, {read.id, read.id})));
}

TEST_F(RolesTest, NamesAreUnique) {
  ASSERT_TRUE(CreateRole(ctx, Role("ops", RoleType::kUser)));
  EXPECT_EQ(CreateRole(ctx, Role("ops", RoleType::kMachineToMachine)).error().code,
            "role.name_in_use");
  auto other = CreateRole(ctx, Role("dev", RoleType::kUser));
  RolePatch p;
  p.name = "ops";
  EXPECT_EQ(UpdateRole(ctx, other->id, p).error().code, "role.name_in_use");
}

TEST_F(RolesTest, M2mRoleGrantsItsResourceScopesToTheClientCredentialsGrant) {
  auto role = CreateRole(ctx, Role("bots", RoleType::kMachineToMachine, {write.id}));
  ASSERT_TRUE(AddRoleApplications(ctx, role->id, {robot.id}));
  auto added = AddRoleScopes(ctx, role->id, {read.id});
  ASSERT_TRUE(added);
  EXPECT_EQ(added->size(), 2u);
  std::vector<std::string> held;
  ASSERT_TRUE(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    held = *r.roles.ApplicationResourceScopes(robot.id, resource.id);
    return Ok();
  }));
  EXPECT_EQ(held, (std::vector<std::string>{"read", "write"}));
  EXPECT_EQ(AddRoleScopes(ctx, role->id, {read.id}).error().code, "role.scope_exists");
  EXPECT_TRUE(RemoveRoleScope(ctx, role->id, read.id));
  EXPECT_EQ(RemoveRoleScope(ctx, role->id, read.id).error().code, "entity.not_found");
}

TEST_F(RolesTest, RoleTypesDecideWhoMayHoldThem) {
  auto user_role = CreateRole(ctx, Role("humans", RoleType::kUser));
  auto m2m_role = CreateRole(ctx, Role("bots", RoleType::kMachineToMachine));
  EXPECT_EQ(AddRoleApplications(ctx, user_role->id, {robot.id}).error().code,
            "entity.db_constraint_violated");
  EXPECT_EQ(AddRoleUsers(ctx, m2m_role->id, {user.id}).error().code,
            "entity.db_constraint_violated");
  EXPECT_EQ(AddRoleApplications(ctx, m2m_role->id, {web.id}).error().kind, ErrorKind::kConstraint);
  EXPECT_EQ(AddRoleUsers(ctx, user_role->id, {user.id, "ghost"}).error().code,
            "entity.relation_foreign_key_not_found");
  ASSERT_TRUE(AddRoleUsers(ctx, user_role->id, {user.id}));
  EXPECT_EQ(AddRoleUsers(ctx, user_role->id, {user.id}).error().code, "role.user_exists");
  EXPECT_EQ(ListRoleUsers(ctx, user_role->id, std::nullopt, std::nullopt)->total, 1);
  EXPECT_TRUE(RemoveRoleUser(ctx, user_role->id, user.id));
  EXPECT_EQ(RemoveRoleUser(ctx, user_role->id, user.id).error().code, "entity.not_found");
}

TEST_F(RolesTest, ListCarriesHolderSummariesAndExcludesHeldRoles) {
  auto a = CreateRole(ctx, Role("a", RoleType::kUser));
  clock.Advance(1);
  auto b = CreateRole(ctx, Role("b", RoleType::kUser));
  ASSERT_TRUE(AddRoleUsers(ctx, a->id, {user.id}));
  auto list = ListRoles(ctx, {}, model::PageRequest{0, 20});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->total, 2);
  EXPECT_EQ(list->items[0].role.id, b->id);  // newest first
  EXPECT_EQ(list->items[1].holders.users_count, 1);
  EXPECT_EQ(list->items[1].holders.featured_users[0].id, user.id);
  store::RoleFilter f;
  f.exclude_user_id = user.id;
  auto rest = ListRoles(ctx, f, std::nullopt);
  ASSERT_EQ(rest->total, 1);
  EXPECT_EQ(rest->items[0].role.id, b->id);
}

TEST_F(RolesTest, MissingRolesAnswerWithTheRightCodes) {
  EXPECT_EQ(GetRole(ctx, "nope").error().code, "entity.not_exists_with_id");
  EXPECT_EQ(UpdateRole(ctx, "nope", {}).error().code, "entity.not_exists_with_id");
  EXPECT_EQ(DeleteRole(ctx, "nope").error().code, "entity.not_found");
  EXPECT_EQ(ListRoleScopes(ctx, "nope", std::nullopt, std::nullopt).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(AddRoleUsers(ctx, "nope", {user.id}).error().code, "entity.not_exists_with_id");
}

}  // namespace
}  // namespace gatehouse::service
