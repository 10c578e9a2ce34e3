#include "api/organizations_api_test_fixture.h"

namespace gatehouse::api {
namespace {

using OrganizationsApi = OrganizationApiTest;

std::vector<std::string> Keys(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::string> kOrganizationKeys = {
    "branding", "color", "createdAt", "customCss", "customData", "description",
    "id",       "isMfaRequired", "name", "tenantId"};

TEST_F(OrganizationsApi, CreateGetListAndUpdateReturnTheSameShape) {
  auto created = Call("POST", "/api/organizations", Json{{"name", "Acme"}});
  Expect(created, 201);
  auto org = BodyOf(created);
  EXPECT_EQ(Keys(org), kOrganizationKeys);
  EXPECT_EQ(org["tenantId"], "default");
  EXPECT_EQ(org["id"].get<std::string>().size(), 12u);
  EXPECT_TRUE(org["description"].is_null());
  EXPECT_EQ(org["customData"], Json::object());
  EXPECT_EQ(org["isMfaRequired"], false);
  EXPECT_EQ(org["color"], Json::object());
  EXPECT_EQ(org["branding"], Json::object());
  EXPECT_TRUE(org["customCss"].is_null());
  const std::string id = org["id"];
  EXPECT_EQ(BodyOf(Call("GET", "/api/organizations/" + id)), org);
  auto list = Call("GET", "/api/organizations");
  Expect(list, 200);
  EXPECT_EQ(BodyOf(list)[0], org);
  EXPECT_EQ(Header(list, "Total-Number"), "1");
  auto patched = Call("PATCH", "/api/organizations/" + id, Json{{"description", "d"}});
  Expect(patched, 200);
  EXPECT_EQ(Keys(BodyOf(patched)), kOrganizationKeys);
  EXPECT_EQ(BodyOf(patched)["description"], "d");
}

TEST_F(OrganizationsApi, MissingOrganizationIs404WithTheRightCodes) {
  Expect(Call("GET", "/api/organizations/nope"), 404, "entity.not_exists_with_id");
  Expect(Call("PATCH", "/api/organizations/nope", Json{{"name", "x"}}), 404,
         "entity.not_exists_with_id");
  Expect(Call("DELETE", "/api/organizations/nope"), 404, "entity.not_found");
}

TEST_F(OrganizationsApi, RejectsHostileAndMalformedBodies) {
  Expect(Call("POST", "/api/organizations", std::string("{not json")), 400, "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", std::string("[1]")), 400, "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", std::string("")), 400, "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", Json{{"name", 5}}), 400, "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", Json{{"name", ""}}), 400, "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", Json{{"name", std::string(129, 'a')}}), 400,
         "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", Json{{"name", "a"}, {"customData", "x"}}), 400,
         "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", Json{{"name", "a"}, {"customData", nullptr}}), 400,
         "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", Json{{"name", "a"}, {"isMfaRequired", "yes"}}), 400,
         "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", Json{{"name", "a"}, {"color", {{"primaryColor", "x"}}}}),
         400, "guard.invalid_input");
  Expect(Call("POST", "/api/organizations", std::string("{\"name\":\"\xff\xfe\"}")), 400,
         "guard.invalid_input");
  EXPECT_EQ(Header(Call("GET", "/api/organizations"), "Total-Number"), "0");
}

TEST_F(OrganizationsApi, KeepsUnicodeAndSqlLookingStringsVerbatim) {
  const std::string name = "Ünïcødé 組織 '); DROP TABLE organizations; -- %_\\";
  auto created = BodyOf(Call("POST", "/api/organizations",
                             Json{{"name", name}, {"customData", {{"k", "v\u0000"}}}}));
  EXPECT_EQ(created["name"], name);
  EXPECT_EQ(BodyOf(Call("GET", "/api/organizations/" + created["id"].get<std::string>()))["name"],
            name);
  auto found = Call("GET", "/api/organizations?q=" + http::PercentEncode("DROP TABLE"));
  EXPECT_EQ(Header(found, "Total-Number"), "1");
  EXPECT_EQ(Header(Call("GET", "/api/organizations?q=%25_"), "Total-Number"), "1");
  EXPECT_EQ(Header(Call("GET", "/api/organizations?q=_x"), "Total-Number"), "0");
}

TEST_F(OrganizationsApi, PaginatesWithTotalNumberAndLinkAndRejectsBadPages) {
  for (int i = 0; i < 5; ++i) Create("/api/organizations", Json{{"name", "Org " + std::to_string(i)}});
  auto page = Call("GET", "/api/organizations?page=2&page_size=2");
  Expect(page, 200);
  EXPECT_EQ(BodyOf(page).size(), 2u);
  EXPECT_EQ(Header(page, "Total-Number"), "5");
  EXPECT_NE(Header(page, "Link").find("rel=\"next\""), std::string::npos);
  for (const char* bad : {"0", "101", "-1", "abc"}) {
    Expect(Call("GET", std::string("/api/organizations?page_size=") + bad), 400,
           "guard.invalid_pagination");
  }
}

TEST_F(OrganizationsApi, ShowFeaturedAddsUsersCountAndFeaturedUsers) {
  auto id = Create("/api/organizations", Json{{"name", "Acme"}});
  db.User("u1");
  Expect(Call("POST", "/api/organizations/" + id + "/users", Json{{"userIds", {"u1"}}}), 201);
  auto plain = BodyOf(Call("GET", "/api/organizations"))[0];
  EXPECT_FALSE(plain.contains("usersCount"));
  for (const char* flag : {"true", "1"}) {
    auto featured = BodyOf(Call("GET", std::string("/api/organizations?showFeatured=") + flag))[0];
    EXPECT_EQ(featured["usersCount"], 1);
    ASSERT_EQ(featured["featuredUsers"].size(), 1u);
    EXPECT_EQ(Keys(featured["featuredUsers"][0]), (std::vector<std::string>{"avatar", "id", "name"}));
  }
}

TEST_F(OrganizationsApi, PatchReplacesCustomDataAndClearsNullableFields) {
  auto id = Create("/api/organizations",
                   Json{{"name", "Acme"}, {"customData", {{"a", 1}}}, {"customCss", "x{}"}});
  auto patched = BodyOf(Call("PATCH", "/api/organizations/" + id,
                             Json{{"customData", {{"b", 2}}}, {"customCss", nullptr}}));
  EXPECT_EQ(patched["customData"], (Json{{"b", 2}}));
  EXPECT_TRUE(patched["customCss"].is_null());
  EXPECT_EQ(patched["name"], "Acme");
}

TEST_F(OrganizationsApi, DeleteAnswers204ThenTheOrganizationIsGone) {
  auto id = Create("/api/organizations", Json{{"name", "Acme"}});
  Expect(Call("DELETE", "/api/organizations/" + id), 204);
  Expect(Call("GET", "/api/organizations/" + id), 404);
}

}  // namespace
}  // namespace gatehouse::api
