#include "api/organizations_api_test_fixture.h"

namespace gatehouse::api {
namespace {

using OrganizationTemplateApi = OrganizationApiTest;

TEST_F(OrganizationTemplateApi, ScopesCreateListGetPatchDelete) {
  auto created = Call("POST", "/api/organization-scopes", Json{{"name", "read:b"}});
  Expect(created, 201);
  auto scope = BodyOf(created);
  EXPECT_EQ(scope, (Json{{"tenantId", "default"},
                         {"id", scope["id"]},
                         {"name", "read:b"},
                         {"description", nullptr}}));
  Create("/api/organization-scopes", Json{{"name", "read:a"}, {"description", "A"}});
  auto all = Call("GET", "/api/organization-scopes");  // [P?]: everything
  Expect(all, 200);
  ASSERT_EQ(BodyOf(all).size(), 2u);
  EXPECT_EQ(BodyOf(all)[0]["name"], "read:a");
  EXPECT_EQ(Header(all, "Total-Number"), "2");
  EXPECT_EQ(BodyOf(Call("GET", "/api/organization-scopes?q=READ:B")).size(), 1u);
  const std::string id = scope["id"];
  Expect(Call("GET", "/api/organization-scopes/" + id), 200);
  EXPECT_EQ(BodyOf(Call("PATCH", "/api/organization-scopes/" + id, Json{{"description", "B"}}))
                ["description"],
            "B");
  Expect(Call("POST", "/api/organization-scopes", Json{{"name", "read:a"}}), 422,
         "entity.unique_integrity_violation");
  Expect(Call("DELETE", "/api/organization-scopes/" + id), 204);
  Expect(Call("DELETE", "/api/organization-scopes/" + id), 404, "entity.not_found");
  Expect(Call("GET", "/api/organization-scopes/" + id), 404, "entity.not_exists_with_id");
}

TEST_F(OrganizationTemplateApi, RoleCreationWithABadScopeIdIs422AndCreatesNothing) {
  auto good = Create("/api/organization-scopes", Json{{"name", "a"}});
  Expect(Call("POST", "/api/organization-roles",
              Json{{"name", "admin"}, {"organizationScopeIds", {good, "missing"}}}),
         422, "entity.relation_foreign_key_not_found");
  auto list = Call("GET", "/api/organization-roles");
  EXPECT_EQ(Header(list, "Total-Number"), "0");
  EXPECT_TRUE(BodyOf(list).empty());
}

TEST_F(OrganizationTemplateApi, RolesListCarryScopesAndResourceScopes) {
  auto a = Create("/api/organization-scopes", Json{{"name", "a"}});
  db.Resource("res1", "Files", "https://files");
  db.ResourceScope("rs1", "res1", "delete");
  auto created = Call("POST", "/api/organization-roles",
                      Json{{"name", "admin"},
                           {"description", "All"},
                           {"organizationScopeIds", {a}},
                           {"resourceScopeIds", {"rs1"}}});
  Expect(created, 201);
  auto role = BodyOf(created);
  EXPECT_EQ(role["type"], "User");
  EXPECT_EQ(role["tenantId"], "default");
  auto list = BodyOf(Call("GET", "/api/organization-roles"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["scopes"], (Json::array({{{"id", a}, {"name", "a"}}})));
  EXPECT_EQ(list[0]["resourceScopes"],
            (Json::array({{{"id", "rs1"},
                           {"name", "delete"},
                           {"resource", {{"id", "res1"}, {"name", "Files"}}}}})));
  Expect(Call("POST", "/api/organization-roles", Json{{"name", "m2m"}, {"type", "Robot"}}), 400,
         "guard.invalid_input");
  EXPECT_EQ(BodyOf(Call("POST", "/api/organization-roles",
                        Json{{"name", "m2m"}, {"type", "MachineToMachine"}}))["type"],
            "MachineToMachine");
  Expect(Call("GET", "/api/organization-roles?page_size=101"), 400, "guard.invalid_pagination");
}

TEST_F(OrganizationTemplateApi, RoleScopeRelationRoutes) {
  auto role = Create("/api/organization-roles", Json{{"name", "admin"}});
  auto a = Create("/api/organization-scopes", Json{{"name", "a"}});
  auto b = Create("/api/organization-scopes", Json{{"name", "b"}});
  const std::string path = "/api/organization-roles/" + role + "/scopes";
  Expect(Call("POST", path, Json{{"organizationScopeIds", {a}}}), 201);
  Expect(Call("POST", path, Json{{"organizationScopeIds", {a}}}), 201);  // idempotent
  Expect(Call("PUT", path, Json{{"organizationScopeIds", {a, b}}}), 204);
  auto scopes = Call("GET", path + "?page=1&page_size=1");
  EXPECT_EQ(BodyOf(scopes).size(), 1u);
  EXPECT_EQ(Header(scopes, "Total-Number"), "2");
  EXPECT_EQ(BodyOf(Call("GET", path)).size(), 2u);
  Expect(Call("DELETE", path + "/" + a), 204);
  Expect(Call("DELETE", path + "/" + a), 404, "entity.not_found");
  Expect(Call("POST", path, Json{{"organizationScopeIds", {"missing"}}}), 422,
         "entity.relation_foreign_key_not_found");
  Expect(Call("POST", path, Json{{"organizationScopeIds", "a"}}), 400, "guard.invalid_input");
  Expect(Call("POST", path, Json::object()), 400, "guard.invalid_input");
  Expect(Call("GET", "/api/organization-roles/missing/scopes"), 404, "entity.not_exists_with_id");
}

TEST_F(OrganizationTemplateApi, RoleResourceScopeRelationRoutes) {
  auto role = Create("/api/organization-roles", Json{{"name", "admin"}});
  db.Resource("res1", "Files", "https://files");
  db.ResourceScope("rs1", "res1", "delete");
  const std::string path = "/api/organization-roles/" + role + "/resource-scopes";
  Expect(Call("POST", path, Json{{"scopeIds", {"rs1"}}}), 201);
  auto scopes = BodyOf(Call("GET", path));
  ASSERT_EQ(scopes.size(), 1u);
  EXPECT_EQ(scopes[0]["resourceId"], "res1");
  Expect(Call("PUT", path, Json{{"scopeIds", Json::array()}}), 204);
  Expect(Call("DELETE", path + "/rs1"), 404, "entity.not_found");
}

TEST_F(OrganizationTemplateApi, RolePatchAndDelete) {
  auto role = Create("/api/organization-roles", Json{{"name", "admin"}, {"description", "x"}});
  auto patched = BodyOf(Call("PATCH", "/api/organization-roles/" + role,
                             Json{{"name", "boss"}, {"description", nullptr}}));
  EXPECT_EQ(patched["name"], "boss");
  EXPECT_TRUE(patched["description"].is_null());
  Expect(Call("PATCH", "/api/organization-roles/nope", Json{{"name", "x"}}), 404,
         "entity.not_exists_with_id");
  Expect(Call("DELETE", "/api/organization-roles/" + role), 204);
  Expect(Call("DELETE", "/api/organization-roles/" + role), 404, "entity.not_found");
}

}  // namespace
}  // namespace gatehouse::api
