#include "service/users/users.h"

#include "crypto/password.h"
#include "service/users/users_test_fixture.h"

namespace gatehouse::service {
namespace {

using UsersTest = ServiceTest;

NewUser Named(std::string username) {
  NewUser u;
  u.username = std::move(username);
  return u;
}

TEST(UserFormats, FollowLogtosRules) {
  EXPECT_TRUE(IsValidUsername("_alice_9"));
  EXPECT_FALSE(IsValidUsername("9alice"));
  EXPECT_FALSE(IsValidUsername("al ice"));
  EXPECT_FALSE(IsValidUsername("ålice"));
  EXPECT_FALSE(IsValidUsername(""));
  EXPECT_TRUE(IsValidEmail("a@b.co"));
  EXPECT_TRUE(IsValidEmail("ü@bücher.de"));
  EXPECT_FALSE(IsValidEmail("a@b"));
  EXPECT_FALSE(IsValidEmail("@b.co"));
  EXPECT_FALSE(IsValidEmail("a b@c.de"));
  EXPECT_FALSE(IsValidEmail("a@b.co\n"));
  EXPECT_TRUE(IsValidPhone("15551234"));
  EXPECT_FALSE(IsValidPhone("+1555"));
  EXPECT_TRUE(IsAbsoluteUrl("https://x.example/a.png"));
  EXPECT_FALSE(IsAbsoluteUrl("/relative"));
  EXPECT_FALSE(IsAbsoluteUrl("1http://x"));
}

TEST_F(UsersTest, CreateStoresAnArgon2idHashNeverThePassword) {
  NewUser in = Named("alice");
  in.password = "correct horse";
  auto u = CreateUser(ctx, in);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->id.size(), 21u);
  ASSERT_TRUE(u->password_hash);
  EXPECT_TRUE(u->password_hash->starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
  EXPECT_TRUE(crypto::VerifyPassword("correct horse", *u->password_hash));
  EXPECT_FALSE(crypto::VerifyPassword("wrong", *u->password_hash));
  EXPECT_TRUE(VerifyUserPassword(ctx, u->id, "correct horse"));
  auto bad = VerifyUserPassword(ctx, u->id, "nope");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "session.invalid_credentials");
}

TEST_F(UsersTest, CreateRejectsMalformedIdentifiersAndChangesNothing) {
  NewUser in = Named("alice");
  in.primary_email = "not-an-email";
  auto r = CreateUser(ctx, in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "guard.invalid_input");
  in.primary_email.reset();
  in.password = "";
  EXPECT_FALSE(CreateUser(ctx, in));
  in.password = std::string(kMaxPasswordLength + 1, 'x');
  EXPECT_FALSE(CreateUser(ctx, in));
  EXPECT_EQ(ListUsers(ctx, std::nullopt, std::nullopt)->total, 0);
}

TEST_F(UsersTest, AUserWithNoIdentifierAtAllIsAllowed) {
  auto u = CreateUser(ctx, NewUser{});
  ASSERT_TRUE(u);
  EXPECT_FALSE(u->password_hash);
  EXPECT_FALSE(u->username);
}

TEST_F(UsersTest, DuplicateEmailInAnotherCaseIsRejected) {
  NewUser a;
  a.primary_email = "Bob@Example.com";
  ASSERT_TRUE(CreateUser(ctx, a));
  NewUser b;
  b.primary_email = "bob@example.COM";
  auto r = CreateUser(ctx, b);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "user.email_already_in_use");
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
}

TEST_F(UsersTest, PatchSetsClearsAndLeavesFieldsAndBumpsUpdatedAt) {
  NewUser in = Named("alice");
  in.name = "Alice";
  in.primary_phone = "123";
  auto u = CreateUser(ctx, in);
  ASSERT_TRUE(u);
  clock.Advance(1000);
  UserPatch p;
  p.username = std::optional<std::string>("");  // "" clears an identifier
  p.name = std::optional<std::string>();        // null clears
  p.custom_data = nlohmann::json{{"plan", "pro"}};
  auto v = UpdateUser(ctx, u->id, p);
  ASSERT_TRUE(v);
  EXPECT_FALSE(v->username);
  EXPECT_FALSE(v->name);
  EXPECT_EQ(v->primary_phone, "123");
  EXPECT_EQ(v->custom_data["plan"], "pro");
  EXPECT_EQ(v->updated_at, u->created_at + 1000);
  EXPECT_EQ(v->created_at, u->created_at);
}

TEST_F(UsersTest, PatchToAnotherUsersUsernameIsAConflictAndChangesNothing) {
  ASSERT_TRUE(CreateUser(ctx, Named("alice")));
  auto bob = CreateUser(ctx, Named("bob"));
  UserPatch p;
  p.username = std::optional<std::string>("alice");
  p.name = std::optional<std::string>("Bob");
  auto r = UpdateUser(ctx, bob->id, p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "user.username_already_in_use");
  auto again = GetUser(ctx, bob->id);
  EXPECT_EQ(again->username, "bob");
  EXPECT_FALSE(again->name);
}

TEST_F(UsersTest, MissingUsersAreNotExistsWithIdExceptOnDelete) {
  EXPECT_EQ(GetUser(ctx, "nope").error().code, "entity.not_exists_with_id");
  EXPECT_EQ(UpdateUser(ctx, "nope", {}).error().code, "entity.not_exists_with_id");
  EXPECT_EQ(SetUserPassword(ctx, "nope", "pw").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(DeleteUser(ctx, "nope").error().code, "entity.not_found");
}

TEST_F(UsersTest, SetPasswordReplacesTheHashAndSuspensionIsKept) {
  auto u = CreateUser(ctx, Named("alice"));
  ASSERT_TRUE(SetUserSuspended(ctx, u->id, true));
  auto v = SetUserPassword(ctx, u->id, "s3cret!");
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->is_suspended);
  EXPECT_TRUE(crypto::VerifyPassword("s3cret!", *v->password_hash));
}

TEST_F(UsersTest, SqlLookingAndUnicodeValuesComeBackVerbatim) {
  NewUser in;
  in.name = "Robert'); DROP TABLE users;-- 🚀 ñ";
  in.custom_data = nlohmann::json{{"q", "%_\\"}};
  auto u = CreateUser(ctx, in);
  ASSERT_TRUE(u);
  auto got = GetUser(ctx, u->id);
  EXPECT_EQ(got->name, in.name);
  EXPECT_EQ(got->custom_data, *in.custom_data);
  EXPECT_EQ(ListUsers(ctx, std::string("drop table"), std::nullopt)->total, 1);
}

}  // namespace
}  // namespace gatehouse::service
