#include "service/users/users.h"

#include "crypto/password.h"

namespace gatehouse::service {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// JavaScript's \s over ASCII plus every control character (never valid in an identifier).
bool IsSpaceOrControl(unsigned char c) { return c <= 0x20 || c == 0x7f; }

Error NotFoundUser(const std::string& id) {
  return Error::NotFound("User `" + id + "` does not exist.");
}

Result<std::optional<std::string>> CheckedPassword(const std::optional<std::string>& password) {
  if (!password) return std::optional<std::string>{};
  if (password->empty() || password->size() > kMaxPasswordLength) {
    return Fail(Error::InvalidInput("Invalid input: `password` must be 1 to " +
                                    std::to_string(kMaxPasswordLength) + " characters."));
  }
  auto hash = crypto::HashPassword(*password);
  if (!hash) return Fail(hash.error());
  return std::optional<std::string>(std::move(*hash));
}

// Validates the identifier formats of `u` (nullopt fields are skipped).
Result<void> CheckFormats(const model::User& u) {
  if (u.username && !IsValidUsername(*u.username)) {
    return Fail(Error::InvalidInput(
        "Invalid input: `username` must start with a letter or underscore and contain only "
        "letters, digits and underscores."));
  }
  if (u.primary_email && !IsValidEmail(*u.primary_email)) {
    return Fail(Error::InvalidInput("Invalid input: `primaryEmail` is not a valid email."));
  }
  if (u.primary_phone && !IsValidPhone(*u.primary_phone)) {
    return Fail(Error::InvalidInput("Invalid input: `primaryPhone` must contain only digits."));
  }
  if (u.avatar && !u.avatar->empty() && !IsAbsoluteUrl(*u.avatar)) {
    return Fail(Error::InvalidInput("Invalid input: `avatar` must be a URL."));
  }
  return Ok();
}

// PATCH semantics for identifiers: "" clears like null.
void ApplyIdentifier(const NullableField<std::string>& patch, std::optional<std::string>& field) {
  if (!patch) return;
  if (*patch && !(*patch)->empty()) {
    field = **patch;
  } else {
    field.reset();
  }
}

}  // namespace

bool IsValidUsername(std::string_view s) {
  if (s.empty() || !(IsAsciiAlpha(s[0]) || s[0] == '_')) return false;
  for (char c : s)
    if (!(IsAsciiAlpha(c) || IsDigit(c) || c == '_')) return false;
  return true;
}

bool IsValidEmail(std::string_view s) {
  // Logto's emailRegEx /^\S+@\S+\.\S+$/: no whitespace, an '@' with something before it, and a
  // '.' after the '@' with something on both sides of the dot.
  for (unsigned char c : s)
    if (IsSpaceOrControl(c)) return false;
  for (size_t at = 1; at < s.size(); ++at) {
    if (s[at] != '@') continue;
    for (size_t dot = at + 2; dot + 1 < s.size(); ++dot)
      if (s[dot] == '.') return true;
  }
  return false;
}

bool IsValidPhone(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

bool IsAbsoluteUrl(std::string_view s) {
  // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" and a rest.
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= s.size()) return false;
  if (!IsAsciiAlpha(s[0])) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!(IsAsciiAlpha(c) || IsDigit(c) || c == '+' || c == '-' || c == '.')) return false;
  }
  for (unsigned char c : s)
    if (IsSpaceOrControl(c)) return false;
  return true;
}

Result<model::User> CreateUser(const Context& ctx, const NewUser& input) {
  model::User u;
  u.id = ctx.random.Id(21);
  u.username = input.username;
  u.primary_email = input.primary_email;
  u.primary_phone = input.primary_phone;
  u.name = input.name;
  u.avatar = input.avatar;
  if (input.custom_data) u.custom_data = *input.custom_data;
  GH_TRY(CheckFormats(u));
  // Hash before the transaction: Argon2id takes tens of milliseconds and must not hold the
  // write lock.
  auto hash = CheckedPassword(input.password);
  if (!hash) return Fail(hash.error());
  u.password_hash = std::move(*hash);
  u.created_at = u.updated_at = ctx.clock.NowMillis();
  GH_TRY(ctx.store.Write([&](store::Repos& r) { return r.users.Insert(u); }));
  return u;
}

Result<model::User> GetUser(const Context& ctx, const std::string& id) {
  std::optional<model::User> user;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto found = r.users.Find(id);
    if (!found) return Fail(found.error());
    user = std::move(*found);
    return Ok();
  }));
  if (!user) return Fail(NotFoundUser(id));
  return std::move(*user);
}

Result<model::Page<model::User>> ListUsers(const Context& ctx, const std::optional<std::string>& q,
                                           const std::optional<model::PageRequest>& page) {
  model::Page<model::User> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto list = r.users.List(q, page);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

namespace {

// Loads the user `id`, lets `change` modify it, checks formats and writes it back, in one
// transaction.
template <typename F>
Result<model::User> ModifyUser(const Context& ctx, const std::string& id, F&& change) {
  model::User user;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.users.Find(id);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(NotFoundUser(id));
    user = std::move(**found);
    change(user);
    GH_TRY(CheckFormats(user));
    user.updated_at = ctx.clock.NowMillis();
    return r.users.Update(user);
  }));
  return user;
}

}  // namespace

Result<model::User> UpdateUser(const Context& ctx, const std::string& id, const UserPatch& patch) {
  return ModifyUser(ctx, id, [&](model::User& u) {
    ApplyIdentifier(patch.username, u.username);
    ApplyIdentifier(patch.primary_email, u.primary_email);
    ApplyIdentifier(patch.primary_phone, u.primary_phone);
    if (patch.name) u.name = *patch.name;
    if (patch.avatar) u.avatar = *patch.avatar;
    if (patch.custom_data) u.custom_data = *patch.custom_data;
  });
}

Result<model::User> SetUserPassword(const Context& ctx, const std::string& id,
                                    const std::string& password) {
  auto hash = CheckedPassword(password);
  if (!hash) return Fail(hash.error());
  return ModifyUser(ctx, id, [&](model::User& u) { u.password_hash = std::move(*hash); });
}

Result<model::User> SetUserSuspended(const Context& ctx, const std::string& id, bool suspended) {
  return ModifyUser(ctx, id, [&](model::User& u) { u.is_suspended = suspended; });
}

Result<void> VerifyUserPassword(const Context& ctx, const std::string& id,
                                const std::string& password) {
  auto user = GetUser(ctx, id);
  if (!user) return Fail(user.error());
  if (!user->password_hash || !crypto::VerifyPassword(password, *user->password_hash)) {
    return Fail(Error::Constraint("The password does not match.", "session.invalid_credentials"));
  }
  return Ok();
}

Result<void> DeleteUser(const Context& ctx, const std::string& id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto deleted = r.users.Delete(id);
    if (!deleted) return Fail(deleted.error());
    if (!*deleted) return Fail(Error::NotFoundRelation("User `" + id + "` does not exist."));
    return Ok();
  });
}

}  // namespace gatehouse::service
