// The users routes over HTTP values: wire shapes, status codes, hostile input.
#include "api/users_api_test_fixture.h"

namespace gatehouse::api {
namespace {

using UsersApiTest = ManagementApiTest;

TEST_F(UsersApiTest, CreateAnswersTheUserShapeWithoutAnyHash) {
  auto r = Call("POST", "/api/users",
                Json{{"username", "alice"}, {"password", "pw"}, {"customData", {{"k", 1}}}});
  Expect(r, 200);
  auto u = BodyOf(r);
  for (const char* key :
       {"id", "username", "primaryEmail", "primaryPhone", "name", "avatar", "customData",
        "identities", "lastSignInAt", "createdAt", "updatedAt", "isSuspended", "hasPassword"}) {
    EXPECT_TRUE(u.contains(key)) << key;
  }
  EXPECT_EQ(u.size(), 13u);
  EXPECT_EQ(u["hasPassword"], true);
  EXPECT_EQ(u["identities"], Json::object());
  EXPECT_EQ(r.body.find("argon2"), std::string::npos);
}

TEST_F(UsersApiTest, HostileBodiesAreInvalidInputNeverAServerError) {
  for (const std::string& body : std::vector<std::string>{
           "", "not json", "[]", "42", "{\"username\": 5}", "{\"customData\": [1]}",
           "{\"name\": \"" + std::string(129, 'x') + "\"}", "{\"username\": \"bad name\"}",
           "{\"password\": \"\"}", "{\"name\": \"\\ud800\"}", "{\"primaryEmail\": \"x@y\"}"}) {
    auto r = Call("POST", "/api/users", body);
    Expect(r, 400, "guard.invalid_input");
  }
  EXPECT_EQ(BodyOf(Call("GET", "/api/users")).size(), 0u);
}

TEST_F(UsersApiTest, UnicodeAndSqlLookingNamesComeBackVerbatim) {
  const std::string name = "Zoë 🚀 '); DROP TABLE users;-- %_\\";
  auto id = Create("/api/users", Json{{"name", name}}, 200);
  EXPECT_EQ(BodyOf(Call("GET", "/api/users/" + id))["name"], name);
  auto list = Call("GET", "/api/users?q=%25_");
  Expect(list, 200);
  EXPECT_EQ(BodyOf(list).size(), 1u);
}

TEST_F(UsersApiTest, ListIsAlwaysPaginatedWithHeaders) {
  for (int i = 0; i < 3; ++i) Create("/api/users", Json::object(), 200);
  auto r = Call("GET", "/api/users?page_size=2");
  Expect(r, 200);
  EXPECT_EQ(BodyOf(r).size(), 2u);
  EXPECT_EQ(Header(r, "Total-Number"), "3");
  EXPECT_NE(Header(r, "Link").find("rel=\"next\""), std::string::npos);
  for (const char* bad : {"0", "101", "-1", "abc"}) {
    Expect(Call("GET", std::string("/api/users?page_size=") + bad), 400,
           "guard.invalid_pagination");
  }
}

TEST_F(UsersApiTest, DuplicatesAndMissingUsersUseLogtosCodes) {
  Create("/api/users", Json{{"username", "alice"}, {"primaryEmail", "a@x.io"}}, 200);
  Expect(Call("POST", "/api/users", Json{{"username", "alice"}}), 422,
         "user.username_already_in_use");
  Expect(Call("POST", "/api/users", Json{{"primaryEmail", "A@X.IO"}}), 422,
         "user.email_already_in_use");
  Expect(Call("GET", "/api/users/nope"), 404, "entity.not_exists_with_id");
  Expect(Call("PATCH", "/api/users/nope", Json{{"name", "x"}}), 404, "entity.not_exists_with_id");
  Expect(Call("DELETE", "/api/users/nope"), 404, "entity.not_found");
  Expect(Call("GET", "/api/users/nope/organizations"), 404, "entity.not_exists_with_id");
}

TEST_F(UsersApiTest, PatchCannotSetAPasswordButThePasswordRouteCan) {
  auto id = Create("/api/users", Json{{"username", "bob"}}, 200);
  auto r = Call("PATCH", "/api/users/" + id, Json{{"password", "sneaky"}, {"name", "Bob"}});
  Expect(r, 200);
  EXPECT_EQ(BodyOf(r)["hasPassword"], false);
  EXPECT_EQ(BodyOf(r)["name"], "Bob");
  r = Call("PATCH", "/api/users/" + id + "/password", Json{{"password", "s3cret"}});
  Expect(r, 200);
  EXPECT_EQ(BodyOf(r)["hasPassword"], true);
  Expect(Call("POST", "/api/users/" + id + "/password/verify", Json{{"password", "s3cret"}}), 204);
  Expect(Call("POST", "/api/users/" + id + "/password/verify", Json{{"password", "nope"}}), 422,
         "session.invalid_credentials");
  Expect(Call("PATCH", "/api/users/" + id + "/password", Json{{"password", 7}}), 400,
         "guard.invalid_input");
}

TEST_F(UsersApiTest, DeleteThenGetIsNotFound) {
  auto id = Create("/api/users", Json::object(), 200);
  Expect(Call("DELETE", "/api/users/" + id), 204);
  Expect(Call("GET", "/api/users/" + id), 404);
  EXPECT_EQ(BodyOf(Call("GET", "/api/users/" + id + "/organizations")).value("code", ""),
            "entity.not_exists_with_id");
}

}  // namespace
}  // namespace gatehouse::api
