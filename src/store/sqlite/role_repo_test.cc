#include "store/sqlite/role_repo.h"

#include <gtest/gtest.h>

#include "store/sqlite/connection.h"
#include "store/sqlite/test_db.h"

namespace gatehouse::store::sqlite {
namespace {

using model::RoleType;

class SqliteRoleRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Write([](Repos& r) {
      ASSERT_TRUE(r.resources.Insert({"res1", "API 1", "https://api1", 3600, false, 1}));
      ASSERT_TRUE(r.resources.Insert({"res2", "API 2", "https://api2", 60, false, 2}));
      ASSERT_TRUE(r.resources.InsertScope({"s1", "res1", "read", std::nullopt, 1}));
      ASSERT_TRUE(r.resources.InsertScope({"s2", "res1", "write", "Write it", 2}));
      ASSERT_TRUE(r.resources.InsertScope({"s3", "res2", "read", std::nullopt, 3}));
      ASSERT_TRUE(r.roles.Insert({"m2m", "Robots", "", RoleType::kMachineToMachine, 1}));
      ASSERT_TRUE(r.roles.Insert({"usr", "Humans", "people", RoleType::kUser, 2}));
      model::Application app;
      app.id = "app";
      app.name = "App";
      app.type = model::ApplicationType::kMachineToMachine;
      ASSERT_TRUE(r.applications.Insert(app));
      model::User u;
      u.id = "user";
      ASSERT_TRUE(r.users.Insert(u));
    });
  }
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

TEST_F(SqliteRoleRepoTest, ApplicationResourceScopesAreTheDistinctScopesOfThatResourceOnly) {
  Write([](Repos& r) {
    ASSERT_TRUE(r.roles.Insert({"m2m-b", "Robots B", "", RoleType::kMachineToMachine, 3}));
    ASSERT_TRUE(r.roles.AddScopes("m2m", {"s2", "s1", "s3"}));
    ASSERT_TRUE(r.roles.AddScopes("m2m-b", {"s1"}));
    ASSERT_TRUE(r.roles.AddApplications("m2m", {"app"}));
    ASSERT_TRUE(r.roles.AddApplications("m2m-b", {"app"}));
  });
  Write([](Repos& r) {
    auto scopes = r.roles.ApplicationResourceScopes("app", "res1");
    ASSERT_TRUE(scopes);
    EXPECT_EQ(*scopes, (std::vector<std::string>{"read", "write"}));
    EXPECT_EQ(*r.roles.ApplicationResourceScopes("app", "res2"), std::vector<std::string>{"read"});
    EXPECT_TRUE(r.roles.ApplicationResourceScopes("other", "res1")->empty());
    EXPECT_TRUE(r.roles.UserResourceScopes("user", "res1")->empty());
  });
}

TEST_F(SqliteRoleRepoTest, ResourceScopeLookupsUseIndexesOnly) {
  // The token path must not scan a table, whatever its size: every step is an index search.
  Connection c(db_.path());
  for (const char* holder : {"applications_roles ar", "users_roles ur"}) {
    std::string alias = std::string(holder).substr(std::string(holder).size() - 2);
    std::string sql = std::string("EXPLAIN QUERY PLAN SELECT DISTINCT s.name FROM ") + holder +
                      " JOIN roles_scopes rs ON rs.role_id = " + alias + ".role_id " +
                      "JOIN scopes s ON s.id = rs.scope_id WHERE " + alias +
                      (alias == "ar" ? ".application_id" : ".user_id") +
                      " = ?1 AND s.resource_id = ?2 ORDER BY s.name";
    auto st = c.Prepare(sql);
    ASSERT_TRUE(st);
    std::string plan;
    for (;;) {
      auto row = (*st)->Step();
      ASSERT_TRUE(row);
      if (!*row) break;
      plan += (*st)->Text(3) + "\n";
    }
    EXPECT_NE(plan.find("SEARCH"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << plan;
  }
}

TEST_F(SqliteRoleRepoTest, AddingIsIdempotentAndRemovingReportsWhetherAnythingWent) {
  Write([](Repos& r) {
    ASSERT_TRUE(r.roles.AddScopes("usr", {"s1", "s1"}));
    ASSERT_TRUE(r.roles.AddScopes("usr", {"s1"}));
    ASSERT_TRUE(r.roles.AddUsers("usr", {"user"}));
    ASSERT_TRUE(r.roles.AddUsers("usr", {"user"}));
    EXPECT_EQ(r.roles.ListScopes("usr")->size(), 1u);
    EXPECT_EQ(*r.roles.UsersHolding("usr", {"user", "ghost"}), std::vector<std::string>{"user"});
    EXPECT_TRUE(*r.roles.RemoveScope("usr", "s1"));
    EXPECT_FALSE(*r.roles.RemoveScope("usr", "s1"));
    EXPECT_TRUE(*r.roles.RemoveUser("usr", "user"));
    EXPECT_FALSE(*r.roles.RemoveUser("usr", "user"));
  });
}

TEST_F(SqliteRoleRepoTest, UnknownScopeUserOrApplicationIsAForeignKeyError) {
  auto r = db_.store().Write([](Repos& r) -> Result<void> {
    auto e = r.roles.AddScopes("usr", {"s1", "nope"});
    EXPECT_FALSE(e);
    if (!e) {
      EXPECT_EQ(e.error().kind, ErrorKind::kForeignKey);
    }
    e = r.roles.AddUsers("usr", {"ghost"});
    EXPECT_FALSE(e);
    e = r.roles.AddApplications("m2m", {"ghost"});
    EXPECT_FALSE(e);
    return Fail(Error::Internal("roll back"));
  });
  ASSERT_FALSE(r);
  Write([](Repos& r) { EXPECT_TRUE(r.roles.ListScopes("usr")->empty()); });
}

TEST_F(SqliteRoleRepoTest, SearchFiltersByTextTypeAndExcludedHolder) {
  Write([](Repos& r) { ASSERT_TRUE(r.roles.AddUsers("usr", {"user"})); });
  Write([](Repos& r) {
    auto all = r.roles.Search({}, std::nullopt);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->total, 2);
    EXPECT_EQ(all->items[0].id, "usr");  // newest first
    RoleFilter text;
    text.q = "PEOPLE";
    EXPECT_EQ(r.roles.Search(text, std::nullopt)->total, 1);
    EXPECT_EQ(r.roles.List(std::nullopt, RoleType::kMachineToMachine, std::nullopt)->items[0].id,
              "m2m");
    RoleFilter f;
    f.exclude_user_id = "user";
    auto not_held = r.roles.Search(f, std::nullopt);
    ASSERT_EQ(not_held->total, 1);
    EXPECT_EQ(not_held->items[0].id, "m2m");
  });
}

TEST_F(SqliteRoleRepoTest, HoldersCountsAndFeaturesTheEarliestHolders) {
  Write([](Repos& r) {
    for (int i = 0; i < 5; ++i) {
      model::User u;
      u.id = "u" + std::to_string(i);
      u.name = "User " + std::to_string(i);
      ASSERT_TRUE(r.users.Insert(u));
      ASSERT_TRUE(r.roles.AddUsers("usr", {u.id}));
    }
    ASSERT_TRUE(r.roles.AddApplications("m2m", {"app"}));
  });
  Write([](Repos& r) {
    auto h = r.roles.Holders({"usr", "m2m"}, 3);
    ASSERT_TRUE(h);
    ASSERT_EQ(h->size(), 2u);
    EXPECT_EQ((*h)[0].users_count, 5);
    ASSERT_EQ((*h)[0].featured_users.size(), 3u);
    EXPECT_EQ((*h)[0].featured_users[0].id, "u0");
    EXPECT_EQ((*h)[0].featured_users[0].name, "User 0");
    EXPECT_EQ((*h)[1].applications_count, 1);
    ASSERT_EQ((*h)[1].featured_applications.size(), 1u);
    EXPECT_EQ((*h)[1].featured_applications[0].name, "App");
  });
}

TEST_F(SqliteRoleRepoTest, SearchScopesCarriesTheResource) {
  Write([](Repos& r) { ASSERT_TRUE(r.roles.AddScopes("usr", {"s1", "s2", "s3"})); });
  Write([](Repos& r) {
    auto p = r.roles.SearchScopes("usr", std::nullopt, model::PageRequest{0, 2});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->total, 3);
    ASSERT_EQ(p->items.size(), 2u);
    EXPECT_EQ(p->items[0].resource.indicator, "https://api1");
    EXPECT_EQ(r.roles.SearchScopes("usr", std::string("write it"), std::nullopt)->total, 1);
  });
}

TEST_F(SqliteRoleRepoTest, DeletingARoleOrScopeRemovesItsGrants) {
  Write([](Repos& r) {
    ASSERT_TRUE(r.roles.AddScopes("m2m", {"s1"}));
    ASSERT_TRUE(r.roles.AddApplications("m2m", {"app"}));
  });
  Write([](Repos& r) {
    EXPECT_TRUE(*r.resources.DeleteScope("s1"));
    EXPECT_TRUE(r.roles.ApplicationResourceScopes("app", "res1")->empty());
    EXPECT_TRUE(*r.roles.Delete("m2m"));
    EXPECT_FALSE(*r.roles.Delete("m2m"));
    EXPECT_EQ(r.roles.Search({}, std::nullopt)->total, 1);
  });
}

TEST_F(SqliteRoleRepoTest, DuplicateRoleNameIsAConflict) {
  auto r = db_.store().Write([](Repos& r) -> Result<void> {
    return r.roles.Insert({"x", "Humans", "", RoleType::kUser, 9});
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
}

}  // namespace
}  // namespace gatehouse::store::sqlite
