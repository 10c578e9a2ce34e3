// Users: the business rules behind API.md "Users" — identifier formats and uniqueness, Argon2id
// password hashing, and the organizations a user belongs to. Every write is one transaction.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"

namespace gatehouse::service {

// A field PATCH may set to null: nullopt = leave unchanged; optional(nullopt) = set null.
template <typename T>
using NullableField = std::optional<std::optional<T>>;

// POST /users. Types and lengths are the caller's (api) business; formats are checked here.
struct NewUser {
  std::optional<std::string> username;       // [A-Za-z_][A-Za-z0-9_]* (Logto's usernameRegEx)
  std::optional<std::string> primary_email;  // \S+@\S+\.\S+
  std::optional<std::string> primary_phone;  // digits only
  std::optional<std::string> name;
  std::optional<std::string> avatar;  // an absolute URL, or ""
  std::optional<std::string> password;
  std::optional<model::Json> custom_data;  // an object
};

// PATCH /users/:id. An empty string clears an identifier (as null does).
struct UserPatch {
  NullableField<std::string> username, primary_email, primary_phone, name, avatar;
  std::optional<model::Json> custom_data;  // replaces the whole object
};

// Passwords: at least 1, at most kMaxPasswordLength characters (bytes of UTF-8).
inline constexpr size_t kMaxPasswordLength = 256;

// Creates a user (hashing the password first, outside the transaction). InvalidInput for a
// malformed identifier, avatar or password; Conflict user.username_already_in_use /
// user.email_already_in_use / user.phone_already_in_use.
Result<model::User> CreateUser(const Context& ctx, const NewUser& input);

// NotFound (entity.not_exists_with_id) if absent.
Result<model::User> GetUser(const Context& ctx, const std::string& id);

// `q` over id, username, primaryEmail, primaryPhone, name. Newest first.
Result<model::Page<model::User>> ListUsers(const Context& ctx, const std::optional<std::string>& q,
                                           const std::optional<model::PageRequest>& page);

// NotFound if absent; InvalidInput / Conflict as CreateUser. Bumps updated_at.
Result<model::User> UpdateUser(const Context& ctx, const std::string& id, const UserPatch& patch);

// Replaces the password hash. NotFound if absent; InvalidInput for an empty or over-long password.
Result<model::User> SetUserPassword(const Context& ctx, const std::string& id,
                                    const std::string& password);

// NotFound if absent.
Result<model::User> SetUserSuspended(const Context& ctx, const std::string& id, bool suspended);

// NotFound if absent; Constraint (session.invalid_credentials, 422, as Logto) if the password does
// not match or the user has none.
Result<void> VerifyUserPassword(const Context& ctx, const std::string& id,
                                const std::string& password);

// NotFoundRelation (entity.not_found) if absent. Memberships, role assignments and global role
// grants go with the user.
Result<void> DeleteUser(const Context& ctx, const std::string& id);

// Format checks (exposed for tests and for the sign-up paths that may come).
bool IsValidUsername(std::string_view s);
bool IsValidEmail(std::string_view s);
bool IsValidPhone(std::string_view s);
bool IsAbsoluteUrl(std::string_view s);

}  // namespace gatehouse::service
