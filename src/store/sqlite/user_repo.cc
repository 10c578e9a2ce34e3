#include "store/sqlite/user_repo.h"

#include "store/sqlite/rows.h"

namespace gatehouse::store::sqlite {
namespace {

using rows::Statement;

constexpr std::string_view kCols = kUserColumns;
constexpr auto UserAt = ReadUser;

}  // namespace

SqliteUserRepo::SqliteUserRepo(Connection& c) : c_(c) { org_sql::RegisterCaseFold(c); }

model::User ReadUser(Statement& s) {
  model::User u;
  u.id = s.Text(0);
  u.username = s.OptText(1);
  u.primary_email = s.OptText(2);
  u.primary_phone = s.OptText(3);
  u.name = s.OptText(4);
  u.avatar = s.OptText(5);
  u.custom_data = rows::ParseJson(s.Text(6));
  u.password_hash = s.OptText(7);
  u.is_suspended = s.Int(8) != 0;
  u.last_sign_in_at = s.OptInt(9);
  u.created_at = s.Int(10);
  u.updated_at = s.Int(11);
  return u;
}

namespace {

std::string Sql(std::string_view head, std::string_view tail) {
  return std::string(head).append(kCols).append(tail);
}

// The unique identifiers of `user` another user already holds, checked in the order Logto
// checks them (username, email, phone) so the error names the first clash.
Result<void> CheckIdentifiersFree(Connection& c, const model::User& user) {
  auto clash = rows::SelectOne<std::array<bool, 3>>(
      c,
      "SELECT COALESCE(MAX(username = ?1), 0), COALESCE(MAX(lower(primary_email) = lower(?2)), 0), "
      "COALESCE(MAX(primary_phone = ?3), 0) FROM users "
      "WHERE id != ?4 AND (username = ?1 OR lower(primary_email) = lower(?2) OR primary_phone = "
      "?3)",
      [&](Statement& s) {
        s.Bind(1, user.username)
            .Bind(2, user.primary_email)
            .Bind(3, user.primary_phone)
            .Bind(4, user.id);
      },
      [](Statement& s) {
        return std::array<bool, 3>{s.Int(0) != 0, s.Int(1) != 0, s.Int(2) != 0};
      });
  if (!clash) return Fail(clash.error());
  if (*clash) {
    const auto& [username, email, phone] = **clash;
    if (username)
      return Fail(
          Error::Conflict("The username is already in use.", "user.username_already_in_use"));
    if (email)
      return Fail(Error::Conflict("The email is already in use.", "user.email_already_in_use"));
    if (phone)
      return Fail(
          Error::Conflict("The phone number is already in use.", "user.phone_already_in_use"));
  }
  return Ok();
}

void BindColumns(Statement& s, const model::User& u) {
  s.Bind(1, u.id)
      .Bind(2, u.username)
      .Bind(3, u.primary_email)
      .Bind(4, u.primary_phone)
      .Bind(5, u.name)
      .Bind(6, u.avatar)
      .Bind(7, u.custom_data.dump())
      .Bind(8, u.password_hash)
      .Bind(9, u.is_suspended)
      .Bind(10, u.last_sign_in_at)
      .Bind(11, u.created_at)
      .Bind(12, u.updated_at);
}

}  // namespace

Result<void> SqliteUserRepo::Insert(const model::User& user) {
  GH_TRY(CheckIdentifiersFree(c_, user));
  auto r =
      rows::Exec(c_,
                 "INSERT INTO users (id, username, primary_email, primary_phone, name, avatar, "
                 "custom_data, password_hash, is_suspended, last_sign_in_at, created_at, "
                 "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                 [&](Statement& s) { BindColumns(s, user); });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteUserRepo::Update(const model::User& user) {
  GH_TRY(CheckIdentifiersFree(c_, user));
  auto r = rows::Exec(c_,
                      "UPDATE users SET username = ?2, primary_email = ?3, primary_phone = ?4, "
                      "name = ?5, avatar = ?6, custom_data = ?7, password_hash = ?8, "
                      "is_suspended = ?9, last_sign_in_at = ?10, created_at = ?11, "
                      "updated_at = ?12 WHERE id = ?1",
                      [&](Statement& s) { BindColumns(s, user); });
  if (!r) return Fail(r.error());
  if (*r == 0) return Fail(Error::NotFound("User not found."));
  return Ok();
}

Result<std::optional<model::User>> SqliteUserRepo::Find(const std::string& id) {
  return rows::SelectOne<model::User>(
      c_, Sql("SELECT ", " FROM users u WHERE u.id = ?"), [&](Statement& s) { s.Bind(1, id); },
      UserAt);
}

Result<std::optional<model::User>> SqliteUserRepo::FindByIdentifier(const std::string& identifier) {
  // Username first (exact), then email (case-insensitive, served by users_primary_email).
  auto by_name = rows::SelectOne<model::User>(
      c_, Sql("SELECT ", " FROM users u WHERE u.username = ?"),
      [&](Statement& s) { s.Bind(1, identifier); }, UserAt);
  if (!by_name || *by_name) return by_name;
  return rows::SelectOne<model::User>(
      c_, Sql("SELECT ", " FROM users u WHERE lower(u.primary_email) = lower(?)"),
      [&](Statement& s) { s.Bind(1, identifier); }, UserAt);
}

Result<model::Page<model::User>> SqliteUserRepo::List(
    const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  constexpr std::string_view kWhere =
      " FROM users u WHERE (?1 IS NULL OR gh_fold(u.id) LIKE ?1 ESCAPE '\\' "
      "OR gh_fold(u.username) LIKE ?1 ESCAPE '\\' OR gh_fold(u.primary_email) LIKE ?1 ESCAPE '\\' "
      "OR gh_fold(u.primary_phone) LIKE ?1 ESCAPE '\\' OR gh_fold(u.name) LIKE ?1 ESCAPE '\\')";
  auto like = rows::LikePattern(q);
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kWhere),
                               [&](Statement& s) { s.Bind(1, like); });
  if (!total) return Fail(total.error());
  auto items = rows::Select<model::User>(
      c_,
      Sql("SELECT ",
          std::string(kWhere).append(" ORDER BY u.created_at DESC, u.id LIMIT ?2 OFFSET ?3")),
      [&](Statement& s) { s.Bind(1, like).Bind(2, rows::Limit(page)).Bind(3, rows::Offset(page)); },
      UserAt);
  if (!items) return Fail(items.error());
  return model::Page<model::User>{std::move(*items), *total};
}

Result<bool> SqliteUserRepo::Delete(const std::string& id) {
  auto r = rows::Exec(c_, "DELETE FROM users WHERE id = ?", [&](Statement& s) { s.Bind(1, id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<std::string>> SqliteUserRepo::ExistingIds(const std::vector<std::string>& ids) {
  return rows::Select<std::string>(
      c_, "SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
      [&](Statement& s) { s.Bind(1, rows::JsonArray(ids)); },
      [](Statement& s) { return s.Text(0); });
}

}  // namespace gatehouse::store::sqlite
