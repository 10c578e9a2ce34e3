#include "api/organizations_api_test_fixture.h"

namespace gatehouse::api {
namespace {

class OrganizationMembersApi : public OrganizationApiTest {
 protected:
  void SetUp() override {
    org = Create("/api/organizations", Json{{"name", "Acme"}});
    admin = Create("/api/organization-roles", Json{{"name", "admin"}});
    member = Create("/api/organization-roles", Json{{"name", "member"}});
    robot = Create("/api/organization-roles", Json{{"name", "robot"}, {"type", "MachineToMachine"}});
    for (auto id : {"u1", "u2", "u3"}) db.User(id, std::string("user-") + id);
    users = "/api/organizations/" + org + "/users";
  }
  std::string org, admin, member, robot, users;
};

TEST_F(OrganizationMembersApi, PostEchoesTheBodyAndIsIdempotent) {
  auto r = Call("POST", users, std::string(R"({"userIds":["u1","u1"],"extra":1})"));
  Expect(r, 201);
  EXPECT_EQ(BodyOf(r), (Json{{"userIds", {"u1", "u1"}}}));
  Expect(Call("POST", users, Json{{"userIds", {"u1"}}}), 201);
  EXPECT_EQ(Header(Call("GET", users), "Total-Number"), "1");
}

TEST_F(OrganizationMembersApi, PostRejectsEmptyListsUnknownUsersAndUnknownOrganizations) {
  Expect(Call("POST", users, Json{{"userIds", Json::array()}}), 400, "guard.invalid_input");
  Expect(Call("POST", users, Json{{"userIds", {""}}}), 400, "guard.invalid_input");
  Expect(Call("POST", users, Json{{"userIds", {1}}}), 400, "guard.invalid_input");
  Expect(Call("POST", users, Json{{"userIds", {"u1", "ghost"}}}), 422,
         "entity.relation_foreign_key_not_found");
  Expect(Call("POST", "/api/organizations/nope/users", Json{{"userIds", {"u1"}}}), 422,
         "entity.relation_foreign_key_not_found");
  EXPECT_EQ(Header(Call("GET", users), "Total-Number"), "0");
}

TEST_F(OrganizationMembersApi, PutChangesOnlyTheDifferenceAndSurvivorsKeepTheirRoles) {
  Expect(Call("POST", users, Json{{"userIds", {"u1", "u2"}}}), 201);
  Expect(Call("POST", users + "/u1/roles", Json{{"organizationRoleIds", {admin}}}), 201);
  Expect(Call("PUT", users, Json{{"userIds", {"u1", "u3"}}}), 204);
  auto list = BodyOf(Call("GET", users));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], "u1");
  EXPECT_EQ(list[0]["organizationRoles"], (Json::array({{{"id", admin}, {"name", "admin"}}})));
  EXPECT_EQ(list[1]["id"], "u3");
  Expect(Call("PUT", users, Json{{"userIds", Json::array()}}), 204);
  EXPECT_TRUE(BodyOf(Call("GET", users)).empty());
}

TEST_F(OrganizationMembersApi, ListsMembersAsUsersWithSortedRolesSearchAndRoleFilter) {
  Expect(Call("POST", users, Json{{"userIds", {"u2", "u1"}}}), 201);
  Expect(Call("POST", users + "/u1/roles", Json{{"organizationRoleNames", {"member", "admin"}}}),
         201);
  auto list = BodyOf(Call("GET", users));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["username"], "user-u1");
  EXPECT_TRUE(list[0].contains("hasPassword"));
  EXPECT_FALSE(list[0].contains("passwordHash"));
  EXPECT_EQ(list[0]["organizationRoles"][0]["name"], "admin");
  EXPECT_EQ(list[0]["organizationRoles"][1]["name"], "member");
  EXPECT_EQ(BodyOf(Call("GET", users + "?q=USER-U2")).size(), 1u);
  EXPECT_EQ(BodyOf(Call("GET", users + "?organizationRoleId=" + admin)).size(), 1u);
  Expect(Call("GET", "/api/organizations/nope/users"), 404, "entity.not_exists_with_id");
}

TEST_F(OrganizationMembersApi, DeleteRemovesTheMemberAndItsRolesAndNonMembersAre404) {
  Expect(Call("POST", users, Json{{"userIds", {"u1"}}}), 201);
  Expect(Call("POST", users + "/u1/roles", Json{{"organizationRoleIds", {admin}}}), 201);
  Expect(Call("DELETE", users + "/u1"), 204);
  Expect(Call("DELETE", users + "/u1"), 404, "entity.not_found");
  Expect(Call("POST", users, Json{{"userIds", {"u1"}}}), 201);
  EXPECT_TRUE(BodyOf(Call("GET", users + "/u1/roles")).empty());
}

TEST_F(OrganizationMembersApi, MemberRoleRoutesAndTheirErrors) {
  Expect(Call("GET", users + "/u1/roles"), 422, "organization.require_membership");
  Expect(Call("POST", users, Json{{"userIds", {"u1"}}}), 201);
  auto added = Call("POST", users + "/u1/roles",
                    Json{{"organizationRoleIds", {admin}}, {"organizationRoleNames", {"member"}}});
  Expect(added, 201);
  EXPECT_EQ(BodyOf(added), (Json{{"organizationRoleIds", {admin, member}}}));
  Expect(Call("POST", users + "/u1/roles", Json{{"organizationRoleNames", {"ghost"}}}), 422,
         "organization.role_names_not_found");
  Expect(Call("POST", users + "/u1/roles", Json{{"organizationRoleIds", {robot}}}), 422,
         "entity.db_constraint_violated");
  Expect(Call("PUT", users + "/u1/roles", Json{{"organizationRoleIds", {member}}}), 204);
  auto roles = BodyOf(Call("GET", users + "/u1/roles"));
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0]["type"], "User");
  Expect(Call("DELETE", users + "/u1/roles/" + admin), 404, "entity.not_found");
  Expect(Call("DELETE", users + "/u1/roles/" + member), 204);
}

TEST_F(OrganizationMembersApi, BulkRoleAssignmentAndMemberScopes) {
  auto read = Create("/api/organization-scopes", Json{{"name", "read"}});
  Expect(Call("POST", "/api/organization-roles/" + member + "/scopes",
              Json{{"organizationScopeIds", {read}}}),
         201);
  Expect(Call("POST", users, Json{{"userIds", {"u1", "u2"}}}), 201);
  Expect(Call("POST", users + "/roles", Json{{"userIds", {"u1", "u2"}},
                                            {"organizationRoleIds", {admin, member}}}),
         201);
  Expect(Call("POST", users + "/roles",
              Json{{"userIds", Json::array()}, {"organizationRoleIds", {admin}}}),
         400, "guard.invalid_input");
  auto scopes = BodyOf(Call("GET", users + "/u2/scopes"));
  ASSERT_EQ(scopes.size(), 1u);
  EXPECT_EQ(scopes[0]["name"], "read");
  Expect(Call("GET", users + "/u3/scopes"), 422, "organization.require_membership");
}

TEST_F(OrganizationMembersApi, MachineToMachineApplicationsAndTheirRoles) {
  db.App("m2m");
  db.App("web", "SPA");
  const std::string apps = "/api/organizations/" + org + "/applications";
  Expect(Call("POST", apps, Json{{"applicationIds", {"web"}}}), 422, "entity.db_constraint_violated");
  Expect(Call("POST", apps, Json{{"applicationIds", {"m2m"}}}), 201);
  Expect(Call("POST", apps + "/m2m/roles", Json{{"organizationRoleIds", {admin}}}), 422,
         "entity.db_constraint_violated");
  Expect(Call("POST", apps + "/roles",
              Json{{"applicationIds", {"m2m"}}, {"organizationRoleIds", {robot}}}),
         201);
  auto list = BodyOf(Call("GET", apps));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["type"], "MachineToMachine");
  EXPECT_EQ(list[0]["organizationRoles"][0]["name"], "robot");
  Expect(Call("GET", apps + "/web/roles"), 422, "organization.require_membership");
  Expect(Call("GET", "/api/organizations/nope/applications/m2m/roles"), 422,
         "organization.require_membership");
  Expect(Call("PUT", apps + "/m2m/roles", Json{{"organizationRoleIds", Json::array()}}), 204);
  Expect(Call("DELETE", apps + "/m2m/roles/" + robot), 404, "entity.not_found");
  Expect(Call("DELETE", apps + "/m2m"), 204);
  Expect(Call("DELETE", apps + "/m2m"), 404, "entity.not_found");
}

}  // namespace
}  // namespace gatehouse::api
