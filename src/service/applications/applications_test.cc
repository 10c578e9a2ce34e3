#include "service/applications/applications.h"

#include "service/users/users_test_fixture.h"

namespace gatehouse::service {
namespace {

using model::ApplicationType;
using ApplicationsTest = ServiceTest;

NewApplication App(ApplicationType type, std::string name = "App") {
  NewApplication a;
  a.name = std::move(name);
  a.type = type;
  return a;
}

TEST(HashSecret, IsLowerCaseHexSha256) {
  EXPECT_EQ(HashSecret("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(ApplicationsTest, CreateFillsDefaultMetadata) {
  auto a = CreateApplication(ctx, App(ApplicationType::kSpa));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->oidc_client_metadata["redirectUris"], model::Json::array());
  EXPECT_EQ(a->oidc_client_metadata["postLogoutRedirectUris"], model::Json::array());
  EXPECT_EQ(GetApplication(ctx, a->id)->name, "App");
}

TEST_F(ApplicationsTest, RedirectUrisMustBeAbsoluteWithoutFragment) {
  auto web = App(ApplicationType::kTraditional);
  web.oidc_client_metadata =
      model::Json{{"redirectUris", model::Json::array({"https://a.example/cb"})}};
  EXPECT_TRUE(CreateApplication(ctx, web));
  for (const char* bad : {"/cb", "https://a.example/cb#x", "javascript:alert(1)", "myapp://cb"}) {
    web.oidc_client_metadata = model::Json{{"redirectUris", model::Json::array({bad})}};
    EXPECT_FALSE(CreateApplication(ctx, web)) << bad;
  }
  auto native = App(ApplicationType::kNative);
  native.oidc_client_metadata =
      model::Json{{"redirectUris", model::Json::array({"io.example.app://callback"})}};
  EXPECT_TRUE(CreateApplication(ctx, native));
  native.oidc_client_metadata = model::Json{{"redirectUris", "https://not-an-array"}};
  EXPECT_FALSE(CreateApplication(ctx, native));
}

TEST_F(ApplicationsTest, ThirdPartyOnlyForTraditional) {
  auto spa = App(ApplicationType::kSpa);
  spa.is_third_party = true;
  auto r = CreateApplication(ctx, spa);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "application.invalid_third_party_application_type");
}

TEST_F(ApplicationsTest, PatchMergesMetadataKeysAndKeepsTypeAndCreatedAt) {
  auto in = App(ApplicationType::kTraditional);
  in.oidc_client_metadata =
      model::Json{{"redirectUris", model::Json::array({"https://a/cb"})},
                  {"postLogoutRedirectUris", model::Json::array({"https://a/out"})}};
  auto a = CreateApplication(ctx, in);
  ApplicationPatch p;
  p.description = std::optional<std::string>("now described");
  p.oidc_client_metadata = model::Json{{"redirectUris", model::Json::array({"https://b/cb"})}};
  auto b = UpdateApplication(ctx, a->id, p);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->oidc_client_metadata["redirectUris"][0], "https://b/cb");
  EXPECT_EQ(b->oidc_client_metadata["postLogoutRedirectUris"][0], "https://a/out");
  EXPECT_EQ(b->description, "now described");
  EXPECT_EQ(b->type, ApplicationType::kTraditional);
  EXPECT_EQ(UpdateApplication(ctx, "nope", p).error().code, "entity.not_exists_with_id");
}

TEST_F(ApplicationsTest, DeleteRefusesBuiltInAndReportsMissing) {
  auto in = App(ApplicationType::kSpa);
  in.is_built_in = true;
  auto a = CreateApplication(ctx, in);
  EXPECT_EQ(DeleteApplication(ctx, a->id).error().code, "application.cannot_delete_built_in");
  EXPECT_EQ(DeleteApplication(ctx, "nope").error().code, "entity.not_found");
}

TEST_F(ApplicationsTest, SecretValueIsShownOnceAndStoredHashed) {
  auto a = CreateApplication(ctx, App(ApplicationType::kMachineToMachine));
  auto s = CreateSecret(ctx, a->id, "primary", std::nullopt);
  ASSERT_TRUE(s);
  EXPECT_GE(s->value.size(), 43u);  // 256 bits, base64url
  auto listed = ListSecrets(ctx, a->id);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].secret_hash, HashSecret(s->value));
  EXPECT_EQ(CreateSecret(ctx, a->id, "primary", std::nullopt).error().kind, ErrorKind::kConflict);
  EXPECT_EQ(CreateSecret(ctx, a->id, "old", clock.NowMillis()).error().code, "guard.invalid_input");
  EXPECT_EQ(CreateSecret(ctx, "nope", "x", std::nullopt).error().code, "entity.not_exists_with_id");
}

TEST_F(ApplicationsTest, PublicClientsHoldNoSecrets) {
  auto spa = CreateApplication(ctx, App(ApplicationType::kSpa));
  EXPECT_EQ(CreateSecret(ctx, spa->id, "x", std::nullopt).error().code, "application.invalid_type");
}

TEST_F(ApplicationsTest, RenameAndDeleteSecrets) {
  auto a = CreateApplication(ctx, App(ApplicationType::kTraditional));
  ASSERT_TRUE(CreateSecret(ctx, a->id, "one", std::nullopt));
  ASSERT_TRUE(CreateSecret(ctx, a->id, "two", std::nullopt));
  auto renamed = RenameSecret(ctx, a->id, "one", "uno");
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->name, "uno");
  EXPECT_EQ(RenameSecret(ctx, a->id, "uno", "two").error().kind, ErrorKind::kConflict);
  EXPECT_EQ(RenameSecret(ctx, a->id, "ghost", "x").error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(DeleteSecret(ctx, a->id, "two"));
  EXPECT_EQ(DeleteSecret(ctx, a->id, "two").error().code, "entity.not_found");
  EXPECT_EQ(DeleteSecret(ctx, "ghost", "two").error().code, "entity.not_found");
}

TEST_F(ApplicationsTest, AuthenticateClientAcceptsAnyLiveSecretOnly) {
  auto a = CreateApplication(ctx, App(ApplicationType::kMachineToMachine));
  auto old = CreateSecret(ctx, a->id, "old", clock.NowMillis() + 1000);
  auto fresh = CreateSecret(ctx, a->id, "new", std::nullopt);
  EXPECT_TRUE(AuthenticateClient(ctx, a->id, old->value));  // rotation: both work
  EXPECT_TRUE(AuthenticateClient(ctx, a->id, fresh->value));
  clock.Advance(1000);  // expires_at reached: the old secret authenticates nothing
  auto expired = AuthenticateClient(ctx, a->id, old->value);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, "oidc.invalid_client");
  EXPECT_TRUE(AuthenticateClient(ctx, a->id, fresh->value));
  EXPECT_FALSE(AuthenticateClient(ctx, a->id, fresh->value + "x"));
  EXPECT_FALSE(AuthenticateClient(ctx, a->id, std::nullopt));  // confidential needs a secret
  EXPECT_FALSE(AuthenticateClient(ctx, "ghost", fresh->value));
  EXPECT_FALSE(AuthenticateClient(ctx, a->id, std::string()));
}

TEST_F(ApplicationsTest, PublicClientsAuthenticateWithoutASecretOnly) {
  auto spa = CreateApplication(ctx, App(ApplicationType::kSpa));
  EXPECT_TRUE(AuthenticateClient(ctx, spa->id, std::nullopt));
  EXPECT_FALSE(AuthenticateClient(ctx, spa->id, std::string("anything")));
}

TEST_F(ApplicationsTest, CreateWithSecretIsAtomicAndAuthenticates) {
  auto in = App(ApplicationType::kMachineToMachine);
  in.id = "bootstrap-client";
  auto a = CreateApplicationWithSecret(ctx, in, "s3cret");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, "bootstrap-client");
  EXPECT_TRUE(AuthenticateClient(ctx, "bootstrap-client", std::string("s3cret")));
  // Same id again: Conflict, and no second secret appears.
  EXPECT_FALSE(CreateApplicationWithSecret(ctx, in, "other"));
  EXPECT_EQ(ListSecrets(ctx, "bootstrap-client")->size(), 1u);
  EXPECT_FALSE(CreateApplicationWithSecret(ctx, App(ApplicationType::kSpa), "x"));
}

TEST_F(ApplicationsTest, ListRefusesBothExclusionsAtOnce) {
  store::ApplicationFilter f;
  f.exclude_organization_id = "o";
  f.exclude_role_id = "r";
  EXPECT_EQ(ListApplications(ctx, f, std::nullopt).error().code, "guard.invalid_input");
}

}  // namespace
}  // namespace gatehouse::service
