#include "service/resources/resources.h"

#include "service/users/users_test_fixture.h"

namespace gatehouse::service {
namespace {

using ResourcesTest = ServiceTest;

NewResource Res(std::string indicator) {
  NewResource r;
  r.name = "API";
  r.indicator = std::move(indicator);
  return r;
}

TEST_F(ResourcesTest, CreateDefaultsTtlAndRejectsDuplicateIndicators) {
  auto r = CreateResource(ctx, Res("https://api.example.com"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->access_token_ttl, 3600);
  auto dup = CreateResource(ctx, Res("https://api.example.com"));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, "resource.resource_identifier_in_use");
  EXPECT_EQ(dup.error().kind, ErrorKind::kConflict);
}

TEST_F(ResourcesTest, IndicatorMustBeAnAbsoluteUriWithoutFragment) {
  EXPECT_FALSE(CreateResource(ctx, Res("api")));
  EXPECT_FALSE(CreateResource(ctx, Res("https://api.example.com#x")));
  EXPECT_TRUE(CreateResource(ctx, Res("urn:example:api")));
  auto bad_ttl = Res("https://x.example");
  bad_ttl.access_token_ttl = 0;
  EXPECT_EQ(CreateResource(ctx, bad_ttl).error().code, "guard.invalid_input");
}

class BuiltInResourceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(ctx.store.Write([&](store::Repos& r) -> Result<void> {
      GH_TRY(r.resources.Insert({"mgmt", "Management API", "https://gh/api", 3600, true, 1}));
      return r.resources.InsertScope({"all", "mgmt", "all", std::nullopt, 1});
    }));
  }
};

TEST_F(BuiltInResourceTest, CannotBeDeletedOrModifiedNorItsScopes) {
  EXPECT_EQ(DeleteResource(ctx, "mgmt").error().code, "resource.cannot_delete_management_api");
  ResourcePatch p;
  p.name = "Mine";
  EXPECT_EQ(UpdateResource(ctx, "mgmt", p).error().code, "resource.cannot_modify_management_api");
  EXPECT_EQ(DeleteScope(ctx, "mgmt", "all").error().code, "resource.cannot_modify_management_api");
  EXPECT_EQ(CreateScope(ctx, "mgmt", "more", std::nullopt).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(GetResource(ctx, "mgmt")->name, "Management API");
  EXPECT_EQ(ListScopes(ctx, "mgmt", std::nullopt, std::nullopt)->total, 1);
}

TEST_F(ResourcesTest, ScopeNamesAreUniquePerResourceAndWhitespaceFree) {
  auto a = CreateResource(ctx, Res("https://a.example"));
  auto b = CreateResource(ctx, Res("https://b.example"));
  ASSERT_TRUE(CreateScope(ctx, a->id, "read:x", std::nullopt));
  EXPECT_TRUE(CreateScope(ctx, b->id, "read:x", std::nullopt));  // another resource: fine
  EXPECT_EQ(CreateScope(ctx, a->id, "read:x", std::nullopt).error().code, "scope.name_exists");
  EXPECT_EQ(CreateScope(ctx, a->id, "read x", std::nullopt).error().code, "guard.invalid_input");
  EXPECT_EQ(CreateScope(ctx, "nope", "y", std::nullopt).error().code, "entity.not_exists_with_id");
}

TEST_F(ResourcesTest, ScopesAreAddressedThroughTheirOwnResourceOnly) {
  auto a = CreateResource(ctx, Res("https://a.example"));
  auto b = CreateResource(ctx, Res("https://b.example"));
  auto s = CreateScope(ctx, a->id, "read", std::string("Read"));
  ScopePatch p;
  p.description = std::optional<std::string>();
  EXPECT_EQ(UpdateScope(ctx, b->id, s->id, p).error().kind, ErrorKind::kNotFound);
  auto updated = UpdateScope(ctx, a->id, s->id, p);
  ASSERT_TRUE(updated);
  EXPECT_FALSE(updated->description);
  EXPECT_EQ(DeleteScope(ctx, b->id, s->id).error().code, "entity.not_found");
  EXPECT_EQ(DeleteScope(ctx, "ghost", s->id).error().code, "entity.not_found");
  EXPECT_TRUE(DeleteScope(ctx, a->id, s->id));
}

TEST_F(ResourcesTest, DeletingAResourceDeletesItsScopes) {
  auto a = CreateResource(ctx, Res("https://a.example"));
  auto s = CreateScope(ctx, a->id, "read", std::nullopt);
  ASSERT_TRUE(DeleteResource(ctx, a->id));
  EXPECT_EQ(GetResource(ctx, a->id).error().code, "entity.not_exists_with_id");
  EXPECT_EQ(DeleteResource(ctx, a->id).error().code, "entity.not_found");
  ASSERT_TRUE(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    EXPECT_FALSE(*r.resources.FindScope(s->id));
    return Ok();
  }));
}

}  // namespace
}  // namespace gatehouse::service
