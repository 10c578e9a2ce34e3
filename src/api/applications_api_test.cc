// The applications, resources and roles routes over HTTP values: wire shapes and codes.
#include "api/users_api_test_fixture.h"

namespace gatehouse::api {
namespace {

using ApplicationsApiTest = ManagementApiTest;

TEST_F(ApplicationsApiTest, ApplicationShapeIsTheSameFromCreateGetAndListAndHasNoSecret) {
  auto created =
      Call("POST", "/api/applications", Json{{"name", "Robot"}, {"type", "MachineToMachine"}});
  Expect(created, 200);
  auto a = BodyOf(created);
  EXPECT_EQ(a["tenantId"], "default");
  EXPECT_EQ(a.size(), 9u);
  EXPECT_FALSE(a.contains("secret"));
  EXPECT_EQ(BodyOf(Call("GET", "/api/applications/" + a["id"].get<std::string>())), a);
  EXPECT_EQ(BodyOf(Call("GET", "/api/applications"))[0], a);
}

TEST_F(ApplicationsApiTest, SecretsShowTheValueOnlyOnCreation) {
  auto id = Create("/api/applications", Json{{"name", "Web"}, {"type", "Traditional"}}, 200);
  auto r = Call("POST", "/api/applications/" + id + "/secrets", Json{{"name", "k1"}});
  Expect(r, 201);
  EXPECT_TRUE(BodyOf(r)["value"].is_string());
  EXPECT_EQ(BodyOf(r)["applicationId"], id);
  auto list = BodyOf(Call("GET", "/api/applications/" + id + "/secrets"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_FALSE(list[0].contains("value"));
  EXPECT_EQ(list[0]["name"], "k1");
  Expect(Call("PATCH", "/api/applications/" + id + "/secrets/k1", Json{{"name", "k2"}}), 200);
  Expect(Call("DELETE", "/api/applications/" + id + "/secrets/k1"), 404, "entity.not_found");
  Expect(Call("DELETE", "/api/applications/" + id + "/secrets/k2"), 204);
  Expect(Call("POST", "/api/applications/" + id + "/secrets",
              Json{{"name", "x"}, {"expiresAt", "soon"}}),
         400, "guard.invalid_input");
}

TEST_F(ApplicationsApiTest, BadTypesAndMetadataAreInvalidInput) {
  Expect(Call("POST", "/api/applications", Json{{"name", "x"}}), 400, "guard.invalid_input");
  Expect(Call("POST", "/api/applications", Json{{"name", "x"}, {"type", "Robot"}}), 400);
  Expect(Call("POST", "/api/applications",
              Json{{"name", "x"}, {"type", "SPA"}, {"oidcClientMetadata", "nope"}}),
         400);
  Expect(Call("GET", "/api/applications?types=Nope"), 400);
  Expect(Call("GET", "/api/applications?isThirdParty=maybe"), 400);
}

TEST_F(ApplicationsApiTest, ResourcesProtectTheirIndicatorAndAnswerScopes) {
  auto r =
      Call("POST", "/api/resources", Json{{"name", "Orders"}, {"indicator", "https://o.example"}});
  Expect(r, 201);
  EXPECT_EQ(BodyOf(r)["scopes"], Json::array());
  std::string id = BodyOf(r)["id"];
  Expect(
      Call("POST", "/api/resources", Json{{"name", "Again"}, {"indicator", "https://o.example"}}),
      422, "resource.resource_identifier_in_use");
  auto s = Call("POST", "/api/resources/" + id + "/scopes", Json{{"name", "read:orders"}});
  Expect(s, 201);
  EXPECT_EQ(BodyOf(s)["resourceId"], id);
  Expect(Call("POST", "/api/resources/" + id + "/scopes", Json{{"name", "read:orders"}}), 422,
         "scope.name_exists");
  auto list = Call("GET", "/api/resources/" + id + "/scopes");
  Expect(list, 200);
  EXPECT_EQ(Header(list, "Total-Number"), "1");
  Expect(Call("DELETE", "/api/resources/nope"), 404, "entity.not_found");
}

TEST_F(ApplicationsApiTest, RolesWireTheirHoldersAndScopes) {
  std::string res =
      Create("/api/resources", Json{{"name", "A"}, {"indicator", "https://a.example"}}, 201);
  std::string scope = Create("/api/resources/" + res + "/scopes", Json{{"name", "read"}}, 201);
  auto role = Call("POST", "/api/roles",
                   Json{{"name", "bots"},
                        {"description", "d"},
                        {"type", "MachineToMachine"},
                        {"scopeIds", {scope}}});
  Expect(role, 200);
  std::string role_id = BodyOf(role)["id"];
  EXPECT_EQ(BodyOf(role)["type"], "MachineToMachine");
  std::string app =
      Create("/api/applications", Json{{"name", "R"}, {"type", "MachineToMachine"}}, 200);
  Expect(Call("POST", "/api/roles/" + role_id + "/applications", Json{{"applicationIds", {app}}}),
         201);
  Expect(Call("POST", "/api/roles/" + role_id + "/applications", Json{{"applicationIds", {app}}}),
         422, "role.application_exists");
  Expect(Call("POST", "/api/roles/" + role_id + "/applications",
              Json{{"applicationIds", Json::array()}}),
         400, "guard.invalid_input");
  auto list = BodyOf(Call("GET", "/api/roles"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["applicationsCount"], 1);
  EXPECT_EQ(list[0]["featuredApplications"][0]["id"], app);
  auto scopes = BodyOf(Call("GET", "/api/roles/" + role_id + "/scopes"));
  ASSERT_EQ(scopes.size(), 1u);
  EXPECT_EQ(scopes[0]["resource"]["indicator"], "https://a.example");
  Expect(Call("POST", "/api/roles",
              Json{{"name", "x"}, {"description", "d"}, {"scopeIds", {"ghost"}}}),
         422, "entity.relation_foreign_key_not_found");
  Expect(Call("POST", "/api/roles", Json{{"name", "bots"}, {"description", "d"}}), 422,
         "role.name_in_use");
  Expect(Call("POST", "/api/roles", Json{{"name", "y"}}), 400, "guard.invalid_input");
  Expect(Call("GET", "/api/roles?type=Robot"), 400, "guard.invalid_input");
  Expect(Call("DELETE", "/api/roles/" + role_id + "/scopes/" + scope), 204);
  Expect(Call("DELETE", "/api/roles/" + role_id + "/scopes/" + scope), 404, "entity.not_found");
}

}  // namespace
}  // namespace gatehouse::api
