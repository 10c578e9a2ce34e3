#include "store/sqlite/application_repo.h"

#include <gtest/gtest.h>

#include "store/sqlite/test_db.h"

namespace gatehouse::store::sqlite {
namespace {

using model::ApplicationType;

model::Application MakeApp(std::string id, ApplicationType type, int64_t created_at) {
  model::Application a;
  a.id = id;
  a.name = "App " + id;
  a.type = type;
  a.created_at = created_at;
  return a;
}

class SqliteApplicationRepoTest : public ::testing::Test {
 protected:
  template <typename F>
  void Write(F&& fn) {
    auto r = db_.store().Write([&](Repos& r) -> Result<void> {
      fn(r);
      return Ok();
    });
    ASSERT_TRUE(r.has_value()) << r.error().message;
  }
  TestDb db_;
};

TEST_F(SqliteApplicationRepoTest, InsertedApplicationReadsBackWithItsJsonColumns) {
  auto a = MakeApp("a", ApplicationType::kSpa, 7);
  a.description = "ünïcode 🚀";
  a.oidc_client_metadata = {{"redirectUris", {"https://x/cb"}}, {"postLogoutRedirectUris", {}}};
  a.custom_client_metadata = {{"corsAllowedOrigins", {"https://x"}}};
  a.is_third_party = true;
  a.is_built_in = true;
  Write([&](Repos& r) { ASSERT_TRUE(r.applications.Insert(a)); });
  Write([&](Repos& r) {
    auto got = r.applications.Find("a");
    ASSERT_TRUE(got && *got);
    EXPECT_EQ((*got)->description, a.description);
    EXPECT_EQ((*got)->type, ApplicationType::kSpa);
    EXPECT_EQ((*got)->oidc_client_metadata, a.oidc_client_metadata);
    EXPECT_EQ((*got)->custom_client_metadata, a.custom_client_metadata);
    EXPECT_TRUE((*got)->is_third_party);
    EXPECT_TRUE((*got)->is_built_in);
    EXPECT_EQ((*got)->created_at, 7);
  });
}

TEST_F(SqliteApplicationRepoTest, ListFiltersByTextTypeThirdPartyAndExclusions) {
  Write([&](Repos& r) {
    ASSERT_TRUE(r.applications.Insert(MakeApp("m1", ApplicationType::kMachineToMachine, 1)));
    ASSERT_TRUE(r.applications.Insert(MakeApp("m2", ApplicationType::kMachineToMachine, 2)));
    ASSERT_TRUE(r.applications.Insert(MakeApp("t1", ApplicationType::kTraditional, 3)));
    ASSERT_TRUE(r.roles.Insert({"role", "R", "", model::RoleType::kMachineToMachine, 1}));
    ASSERT_TRUE(r.roles.AddApplications("role", {"m1"}));
  });
  Write([&](Repos& r) {
    auto all = r.applications.List({}, std::nullopt);
    ASSERT_EQ(all->total, 3);
    EXPECT_EQ(all->items[0].id, "t1");  // newest first
    ApplicationFilter f;
    f.types = {ApplicationType::kMachineToMachine};
    EXPECT_EQ(r.applications.List(f, std::nullopt)->total, 2);
    f.exclude_role_id = "role";
    auto l = r.applications.List(f, std::nullopt);
    ASSERT_EQ(l->total, 1);
    EXPECT_EQ(l->items[0].id, "m2");
    ApplicationFilter q;
    q.q = "APP T";
    EXPECT_EQ(r.applications.List(q, std::nullopt)->total, 1);
    ApplicationFilter third;
    third.is_third_party = true;
    EXPECT_EQ(r.applications.List(third, std::nullopt)->total, 0);
    auto page = r.applications.List({}, model::PageRequest{1, 1});
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].id, "m2");
    EXPECT_EQ(page->total, 3);
  });
}

TEST_F(SqliteApplicationRepoTest, SecretsAreUniquePerApplicationAndGoWithIt) {
  Write([&](Repos& r) {
    ASSERT_TRUE(r.applications.Insert(MakeApp("a", ApplicationType::kTraditional, 1)));
    ASSERT_TRUE(r.applications.InsertSecret({"a", "one", "h1", 1, std::nullopt}));
    ASSERT_TRUE(r.applications.InsertSecret({"a", "two", "h2", 2, 99}));
  });
  auto dup = db_.store().Write([](Repos& r) -> Result<void> {
    return r.applications.InsertSecret({"a", "one", "h3", 3, std::nullopt});
  });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().kind, ErrorKind::kConflict);
  Write([&](Repos& r) {
    auto s = r.applications.ListSecrets("a");
    ASSERT_EQ(s->size(), 2u);
    EXPECT_EQ((*s)[1].expires_at, 99);
    EXPECT_TRUE(*r.applications.RenameSecret("a", "one", "uno"));
    EXPECT_FALSE(*r.applications.RenameSecret("a", "one", "eins"));
    EXPECT_FALSE(r.applications.RenameSecret("a", "uno", "two"));  // taken: Conflict
    EXPECT_TRUE(*r.applications.DeleteSecret("a", "two"));
    EXPECT_FALSE(*r.applications.DeleteSecret("a", "two"));
    EXPECT_TRUE(*r.applications.Delete("a"));
    EXPECT_TRUE(r.applications.ListSecrets("a")->empty());
  });
}

TEST_F(SqliteApplicationRepoTest, TypesOfNamesOnlyExistingApplications) {
  Write([&](Repos& r) {
    ASSERT_TRUE(r.applications.Insert(MakeApp("a", ApplicationType::kNative, 1)));
  });
  Write([&](Repos& r) {
    auto t = r.applications.TypesOf({"a", "zzz"});
    ASSERT_EQ(t->size(), 1u);
    EXPECT_EQ((*t)[0].second, ApplicationType::kNative);
  });
}

}  // namespace
}  // namespace gatehouse::store::sqlite
