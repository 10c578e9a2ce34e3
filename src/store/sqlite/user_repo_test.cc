#include "store/sqlite/user_repo.h"

#include <gtest/gtest.h>

#include "store/sqlite/test_db.h"

namespace gatehouse::store::sqlite {
namespace {

model::User MakeUser(std::string id, int64_t created_at) {
  model::User u;
  u.id = std::move(id);
  u.created_at = u.updated_at = created_at;
  return u;
}

class SqliteUserRepoTest : public ::testing::Test {
 protected:
  // Runs `fn` in a write transaction and expects it to succeed.
  template <typename F>
  void Write(F&& fn) {
    auto r = db_.store().Write([&](Repos& r) -> Result<void> {
      fn(r.users);
      return Ok();
    });
    ASSERT_TRUE(r.has_value()) << r.error().message;
  }
  TestDb db_;
};

TEST_F(SqliteUserRepoTest, InsertedUserReadsBackFieldForField) {
  model::User u = MakeUser("u1", 1000);
  u.username = "alice";
  u.primary_email = "Alice@Example.com";
  u.primary_phone = "15550001";
  u.name = "Ali'ce\"; DROP TABLE users; --";
  u.avatar = "https://example.com/a.png";
  u.custom_data = {{"k", {1, 2, "ü"}}};
  u.password_hash = "$argon2id$...";
  u.is_suspended = true;
  u.last_sign_in_at = 5;
  Write([&](UserRepo& users) { ASSERT_TRUE(users.Insert(u)); });
  Write([&](UserRepo& users) {
    auto got = users.Find("u1");
    ASSERT_TRUE(got && *got);
    const auto& g = **got;
    EXPECT_EQ(g.username, u.username);
    EXPECT_EQ(g.primary_email, u.primary_email);
    EXPECT_EQ(g.primary_phone, u.primary_phone);
    EXPECT_EQ(g.name, u.name);
    EXPECT_EQ(g.avatar, u.avatar);
    EXPECT_EQ(g.custom_data, u.custom_data);
    EXPECT_EQ(g.password_hash, u.password_hash);
    EXPECT_TRUE(g.is_suspended);
    EXPECT_EQ(g.last_sign_in_at, 5);
    EXPECT_EQ(g.created_at, 1000);
  });
}

TEST_F(SqliteUserRepoTest, DuplicateIdentifiersAreConflictsNamingTheIdentifier) {
  model::User a = MakeUser("a", 1);
  a.username = "alice";
  a.primary_email = "alice@example.com";
  a.primary_phone = "123";
  Write([&](UserRepo& users) { ASSERT_TRUE(users.Insert(a)); });
  Write([&](UserRepo& users) {
    model::User b = MakeUser("b", 2);
    b.username = "alice";
    auto r = users.Insert(b);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "user.username_already_in_use");
    b.username = "bob";
    b.primary_email = "ALICE@example.com";  // emails are unique whatever their case
    r = users.Insert(b);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "user.email_already_in_use");
    b.primary_email.reset();
    b.primary_phone = "123";
    r = users.Insert(b);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "user.phone_already_in_use");
    EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  });
}

TEST_F(SqliteUserRepoTest, UpdateKeepsOwnIdentifiersAndRejectsOthers) {
  model::User a = MakeUser("a", 1), b = MakeUser("b", 2);
  a.username = "alice";
  b.username = "bob";
  Write([&](UserRepo& users) {
    ASSERT_TRUE(users.Insert(a));
    ASSERT_TRUE(users.Insert(b));
  });
  Write([&](UserRepo& users) {
    a.name = "Alice";
    EXPECT_TRUE(users.Update(a));
    b.username = "alice";
    auto r = users.Update(b);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "user.username_already_in_use");
    auto missing = users.Update(MakeUser("nope", 1));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  });
}

TEST_F(SqliteUserRepoTest, FindByIdentifierMatchesUsernameExactlyAndEmailInAnyCase) {
  model::User a = MakeUser("a", 1);
  a.username = "Alice";
  a.primary_email = "alice@example.com";
  Write([&](UserRepo& users) { ASSERT_TRUE(users.Insert(a)); });
  Write([&](UserRepo& users) {
    EXPECT_TRUE(*users.FindByIdentifier("Alice"));
    EXPECT_FALSE(*users.FindByIdentifier("alice"));
    EXPECT_TRUE(*users.FindByIdentifier("ALICE@EXAMPLE.COM"));
    EXPECT_FALSE(*users.FindByIdentifier("%"));
  });
}

TEST_F(SqliteUserRepoTest, ListSearchesCaseInsensitivelyAndTreatsWildcardsLiterally) {
  Write([&](UserRepo& users) {
    for (int i = 0; i < 5; ++i) {
      model::User u = MakeUser("id" + std::to_string(i), 100 + i);
      u.name = i == 3 ? "50%_off\\" : "Name " + std::to_string(i);
      ASSERT_TRUE(users.Insert(u));
    }
  });
  Write([&](UserRepo& users) {
    auto all = users.List(std::nullopt, std::nullopt);
    ASSERT_TRUE(all);
    EXPECT_EQ(all->total, 5);
    ASSERT_EQ(all->items.size(), 5u);
    EXPECT_EQ(all->items.front().id, "id4");  // newest first
    auto page = users.List(std::nullopt, model::PageRequest{2, 2});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, 5);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->items[0].id, "id2");
    auto q = users.List(std::string("NAME 1"), std::nullopt);
    ASSERT_TRUE(q);
    ASSERT_EQ(q->total, 1);
    EXPECT_EQ(q->items[0].id, "id1");
    EXPECT_EQ(users.List(std::string("%"), std::nullopt)->total, 1);
    EXPECT_EQ(users.List(std::string("_"), std::nullopt)->total, 1);
    EXPECT_EQ(users.List(std::string("\\"), std::nullopt)->total, 1);
    EXPECT_EQ(users.List(std::string("' OR 1=1 --"), std::nullopt)->total, 0);
  });
}

TEST_F(SqliteUserRepoTest, SearchIgnoresCaseBeyondAscii) {
  Write([&](UserRepo& users) {
    model::User u = MakeUser("u", 1);
    u.name = "École Ünïcode";
    ASSERT_TRUE(users.Insert(u));
  });
  Write([&](UserRepo& users) {
    EXPECT_EQ(users.List(std::string("ÉCOLE"), std::nullopt)->total, 1);
    EXPECT_EQ(users.List(std::string("üNÏ"), std::nullopt)->total, 1);
    EXPECT_EQ(users.List(std::string("ecole"), std::nullopt)->total, 0);  // no accent folding
  });
}

TEST_F(SqliteUserRepoTest, DeleteAndExistingIds) {
  Write([&](UserRepo& users) {
    ASSERT_TRUE(users.Insert(MakeUser("a", 1)));
    ASSERT_TRUE(users.Insert(MakeUser("b", 2)));
  });
  Write([&](UserRepo& users) {
    auto ids = users.ExistingIds({"b", "x", "a"});
    ASSERT_TRUE(ids);
    EXPECT_EQ(*ids, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(*users.Delete("a"));
    EXPECT_FALSE(*users.Delete("a"));
    EXPECT_FALSE(*users.Find("a"));
  });
}

}  // namespace
}  // namespace gatehouse::store::sqlite
