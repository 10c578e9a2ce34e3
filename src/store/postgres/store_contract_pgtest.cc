// Repository contract tests: the same cases against SQLite and PostgreSQL, through the Store
// interface only, so both backends answer every call with the same data, order, error kind and
// error code. Run: scripts/pg-test-server.sh run build/pg_tests
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/postgres/test_backend.h"

namespace gatehouse::store {
namespace {

using model::PageRequest;

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestBackend>(GetParam());
    if (!db_->Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  }
  Store& store() { return db_->store(); }

  // Runs `fn` in a Write and returns its result.
  Result<void> W(const std::function<Result<void>(Repos&)>& fn) { return store().Write(fn); }
  void User(const std::string& id, std::optional<std::string> username = std::nullopt,
            std::optional<std::string> email = std::nullopt, int64_t created_at = 1) {
    model::User u;
    u.id = id;
    u.username = std::move(username);
    u.primary_email = std::move(email);
    u.name = "Name " + id;
    u.created_at = u.updated_at = created_at;
    ASSERT_TRUE(W([&](Repos& r) { return r.users.Insert(u); }));
  }
  void Org(const std::string& id, int64_t created_at = 1) {
    model::Organization o;
    o.id = id;
    o.name = "Org " + id;
    o.created_at = created_at;
    ASSERT_TRUE(W([&](Repos& r) { return r.organizations.Insert(o); }));
  }
  void OrgRole(const std::string& id, const std::string& name) {
    ASSERT_TRUE(W([&](Repos& r) {
      return r.org_template.InsertRole({id, name, std::nullopt, model::RoleType::kUser, 1});
    }));
  }

  std::unique_ptr<testing::TestBackend> db_;
};

TEST_P(StoreContract, DuplicateUsernameIsAConflictNamingTheUsername) {
  User("u1", "alice");
  model::User u;
  u.id = "u2";
  u.username = "alice";
  auto r = W([&](Repos& repos) { return repos.users.Insert(u); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(r.error().code, "user.username_already_in_use");
}

TEST_P(StoreContract, EmailsAreUniqueIgnoringCase) {
  User("u1", std::nullopt, "Alice@Example.com");
  model::User u;
  u.id = "u2";
  u.primary_email = "alice@example.COM";
  auto r = W([&](Repos& repos) { return repos.users.Insert(u); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "user.email_already_in_use");
}

TEST_P(StoreContract, AddingAnUnknownUserToAnOrganizationIsAForeignKeyError) {
  Org("o1");
  auto r = W([](Repos& repos) { return repos.organizations.AddUsers("o1", {"ghost"}, 1); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kForeignKey);
  EXPECT_EQ(r.error().code, "entity.relation_foreign_key_not_found");
}

TEST_P(StoreContract, DuplicateOrganizationRoleNameIsAConflict) {
  OrgRole("r1", "admin");
  auto r = W([](Repos& repos) {
    return repos.org_template.InsertRole({"r2", "admin", std::nullopt, model::RoleType::kUser, 1});
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(r.error().code, "entity.unique_integrity_violation");
}

TEST_P(StoreContract, SearchIsCaseInsensitiveAndTreatsLikeWildcardsLiterally) {
  User("u1", "alice");
  User("u2", "bob_smith");
  User("u3", "100%real");
  ASSERT_TRUE(store().Read([](Repos& r) -> Result<void> {
    EXPECT_EQ(r.users.List(std::string("ALICE"), std::nullopt)->total, 1);
    EXPECT_EQ(r.users.List(std::string("_"), std::nullopt)->total, 1);   // only bob_smith
    EXPECT_EQ(r.users.List(std::string("%"), std::nullopt)->total, 1);   // only 100%real
    EXPECT_EQ(r.users.List(std::string("\\"), std::nullopt)->total, 0);
    return Ok();
  }));
}

TEST_P(StoreContract, PagesCountEverythingAndListNewestFirst) {
  for (int i = 1; i <= 5; ++i) Org("o" + std::to_string(i), i);
  ASSERT_TRUE(store().Read([](Repos& r) -> Result<void> {
    auto page = r.organizations.List(std::nullopt, PageRequest{2, 2});
    EXPECT_EQ(page->total, 5);
    EXPECT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->items[0].id, "o3");
    EXPECT_EQ(page->items[1].id, "o2");
    auto beyond = r.organizations.List(std::nullopt, PageRequest{10, 2});
    EXPECT_EQ(beyond->total, 5);
    EXPECT_TRUE(beyond->items.empty());
    EXPECT_EQ(r.organizations.List(std::nullopt, std::nullopt)->items.size(), 5u);
    return Ok();
  }));
}

TEST_P(StoreContract, MembersAreListedByUserIdWithTheirRolesByName) {
  Org("o1");
  for (auto id : {"u3", "u1", "u2"}) User(id);
  OrgRole("rb", "beta");
  OrgRole("ra", "alpha");
  ASSERT_TRUE(W([](Repos& r) -> Result<void> {
    GH_TRY(r.organizations.AddUsers("o1", {"u3", "u1", "u2", "u1"}, 1));
    return r.organizations.AddUsersRoles("o1", {"u1"}, {"rb", "ra"});
  }));
  ASSERT_TRUE(store().Read([](Repos& r) -> Result<void> {
    auto page = r.organizations.ListUsers("o1", std::nullopt, std::nullopt, std::nullopt);
    EXPECT_EQ(page->total, 3);
    EXPECT_EQ(page->items[0].id, "u1");
    EXPECT_EQ(page->items[2].id, "u3");
    auto roles = r.organizations.UserRoles("o1", "u1");
    EXPECT_EQ(roles->size(), 2u);
    EXPECT_EQ((*roles)[0].name, "alpha");
    auto by_role = r.organizations.ListUsers("o1", std::nullopt, std::string("ra"), std::nullopt);
    EXPECT_EQ(by_role->total, 1);
    return Ok();
  }));
}

TEST_P(StoreContract, RemovingAMembershipRemovesItsRoleAssignments) {
  Org("o1");
  User("u1");
  OrgRole("r1", "admin");
  ASSERT_TRUE(W([](Repos& r) -> Result<void> {
    GH_TRY(r.organizations.AddUsers("o1", {"u1"}, 1));
    return r.organizations.AddUserRoles("o1", "u1", {"r1"});
  }));
  ASSERT_TRUE(W([](Repos& r) -> Result<void> {
    EXPECT_TRUE(*r.organizations.RemoveUser("o1", "u1"));
    EXPECT_FALSE(*r.organizations.RemoveUser("o1", "u1"));
    return r.organizations.AddUsers("o1", {"u1"}, 2);
  }));
  ASSERT_TRUE(store().Read([](Repos& r) -> Result<void> {
    auto ids = r.organizations.UserRoleIds("o1", "u1");
    EXPECT_TRUE(ids && *ids && (*ids)->empty());
    EXPECT_FALSE(*r.organizations.UserRoleIds("o1", "nobody"));
    return Ok();
  }));
}

TEST_P(StoreContract, AssigningARoleToANonMemberIsAForeignKeyError) {
  Org("o1");
  User("u1");
  OrgRole("r1", "admin");
  auto r = W([](Repos& repos) { return repos.organizations.AddUserRoles("o1", "u1", {"r1"}); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kForeignKey);
}

TEST_P(StoreContract, AFailedUnitOfWorkChangesNothing) {
  auto r = W([](Repos& repos) -> Result<void> {
    model::Organization o;
    o.id = "o1";
    o.name = "x";
    GH_TRY(repos.organizations.Insert(o));
    return Fail(Error::InvalidInput("no"));
  });
  ASSERT_FALSE(r);
  ASSERT_TRUE(store().Read([](Repos& repos) -> Result<void> {
    EXPECT_FALSE(*repos.organizations.Find("o1"));
    return Ok();
  }));
}

TEST_P(StoreContract, TemplateWritesBumpTheTemplateVersion) {
  int64_t before = 0, after = 0;
  ASSERT_TRUE(store().Read([&](Repos& r) -> Result<void> {
    before = *r.org_template.Version();
    return Ok();
  }));
  OrgRole("r1", "admin");
  ASSERT_TRUE(store().Read([&](Repos& r) -> Result<void> {
    after = *r.org_template.Version();
    auto all = r.org_template.LoadAll();
    EXPECT_EQ(all->roles.size(), 1u);
    EXPECT_EQ(all->version, after);
    return Ok();
  }));
  EXPECT_GT(after, before);
}

TEST_P(StoreContract, ConcurrentReadModifyWriteUnitsNeverLoseAnUpdate) {
  User("u1");
  constexpr int kThreads = 4, kEach = 15;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        auto r = W([](Repos& repos) -> Result<void> {
          auto u = repos.users.Find("u1");
          if (!u) return Fail(u.error());
          model::User user = **u;
          user.custom_data["n"] = user.custom_data.value("n", 0) + 1;
          return repos.users.Update(user);
        });
        if (!r) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_TRUE(store().Read([&](Repos& r) -> Result<void> {
    EXPECT_EQ((*r.users.Find("u1"))->custom_data.value("n", 0), kThreads * kEach);
    return Ok();
  }));
}

TEST_P(StoreContract, ConcurrentMembershipAndRoleWritesNeverLeaveAnAssignmentWithoutItsMembership) {
  Org("o1");
  User("u1");
  OrgRole("r1", "admin");
  std::atomic<bool> stop{false};
  std::thread churn([&] {
    for (int i = 0; i < 40; ++i) {
      (void)W([](Repos& r) -> Result<void> { return r.organizations.ReplaceUsers("o1", {}, 1); });
      (void)W([](Repos& r) -> Result<void> { return r.organizations.AddUsers("o1", {"u1"}, 1); });
    }
    stop = true;
  });
  int assigned = 0;
  while (!stop) {
    auto r = W([](Repos& r) { return r.organizations.AddUserRoles("o1", "u1", {"r1"}); });
    if (r) {
      ++assigned;
    } else {
      EXPECT_EQ(r.error().kind, ErrorKind::kForeignKey);
    }
    ASSERT_TRUE(store().Read([](Repos& r) -> Result<void> {
      auto ids = r.organizations.UserRoleIds("o1", "u1");
      if (!*ids) {
        // Not a member: then no assignment may be visible either.
        EXPECT_TRUE(r.organizations.UsersRolesOf("o1", {"u1"})->empty());
      }
      return Ok();
    }));
  }
  churn.join();
  SUCCEED() << assigned << " assignments made while the membership churned";
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace gatehouse::store
