#include "service/management/bootstrap.h"

#include "service/applications/applications.h"
#include "service/resources/roles.h"
#include "service/users/users_test_fixture.h"

namespace gatehouse::service {
namespace {

class BootstrapTest : public ServiceTest {
 protected:
  BootstrapConfig Config(std::string endpoint) {
    return {endpoint + "/api", endpoint, "boot", "secret", std::nullopt, std::nullopt};
  }
  model::Application Console() {
    std::optional<model::Application> app;
    EXPECT_TRUE(ctx.store.Read([&](store::Repos& r) -> Result<void> {
      auto found = r.applications.Find(kConsoleClientId);
      if (!found) return Fail(found.error());
      app = *found;
      return Ok();
    }));
    EXPECT_TRUE(app.has_value());
    return app.value_or(model::Application{});
  }
  std::string RoleId(const char* name) {
    auto roles = ListRoles(ctx, {}, std::nullopt);
    for (const auto& item : roles->items)
      if (item.role.name == name) return item.role.id;
    ADD_FAILURE() << "no role " << name;
    return "";
  }
};

TEST_F(BootstrapTest, CreatesTheConsoleAppAndKeepsItsUrisOnTheEndpoint) {
  ASSERT_TRUE(Bootstrap(ctx, Config("https://a.example")));
  auto app = Console();
  EXPECT_EQ(app.name, "Gatehouse Console");
  EXPECT_EQ(app.type, model::ApplicationType::kSpa);
  EXPECT_TRUE(app.is_built_in);
  EXPECT_EQ(app.oidc_client_metadata["redirectUris"],
            model::Json::array({"https://a.example/console/callback"}));
  EXPECT_EQ(app.oidc_client_metadata["postLogoutRedirectUris"],
            model::Json::array({"https://a.example/console"}));
  ASSERT_TRUE(Bootstrap(ctx, Config("https://a.example")));  // idempotent
  EXPECT_EQ(Console().created_at, app.created_at);
  ASSERT_TRUE(Bootstrap(ctx, Config("https://b.example")));  // the endpoint moved
  EXPECT_EQ(Console().oidc_client_metadata["redirectUris"],
            model::Json::array({"https://b.example/console/callback"}));
}

TEST_F(BootstrapTest, BuiltInsCannotBeDeletedThroughTheServices) {
  ASSERT_TRUE(Bootstrap(ctx, Config("https://a.example")));
  EXPECT_EQ(DeleteApplication(ctx, kConsoleClientId).error().code,
            "application.cannot_delete_built_in");
  for (const char* name : {kManagementUserRole, kManagementM2mRole}) {
    std::string id = RoleId(name);
    EXPECT_EQ(DeleteRole(ctx, id).error().code, "role.cannot_delete_built_in");
    EXPECT_EQ(DeleteRole(ctx, id).error().kind, ErrorKind::kInvalidInput);
    RolePatch rename;
    rename.name = "Mine";
    EXPECT_EQ(UpdateRole(ctx, id, rename).error().code, "role.cannot_modify_built_in");
    RolePatch describe;
    describe.description = "still allowed";
    EXPECT_TRUE(UpdateRole(ctx, id, describe));
    auto scopes = ListRoleScopes(ctx, id, std::nullopt, std::nullopt);
    ASSERT_EQ(scopes->total, 1);
    EXPECT_EQ(RemoveRoleScope(ctx, id, scopes->items[0].scope.id).error().code,
              "role.cannot_modify_built_in");
  }
  EXPECT_EQ(DeleteRole(ctx, "nope").error().code, "entity.not_found");
}

}  // namespace
}  // namespace gatehouse::service
