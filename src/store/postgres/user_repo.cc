#include "store/postgres/user_repo.h"

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

constexpr const char* kSelect = "SELECT " GH_USER_COLUMNS("u.") " FROM users u ";

Result<std::optional<model::User>> One(Result<Rows> r) {
  if (!r) return Fail(r.error());
  if (r->empty()) return std::optional<model::User>();
  return std::optional<model::User>(ReadUser(*r, 0));
}

// The unique identifiers of `user` another user already holds, in the order Logto checks them
// (username, email, phone), so the error names the first clash (as SqliteUserRepo).
Result<void> CheckIdentifiersFree(Connection& c, const model::User& u) {
  auto r = c.Query(
      "SELECT COALESCE(bool_or(username = $1), false), "
      "COALESCE(bool_or(lower(primary_email) = lower($2)), false), "
      "COALESCE(bool_or(primary_phone = $3), false) FROM users WHERE id <> $4 AND "
      "(username = $1 OR lower(primary_email) = lower($2) OR primary_phone = $3)",
      Params().Add(u.username).Add(u.primary_email).Add(u.primary_phone).Add(u.id));
  if (!r) return Fail(r.error());
  if (r->Bool(0, 0)) return Fail(Error::Conflict("The username is already in use.", "user.username_already_in_use"));
  if (r->Bool(0, 1)) return Fail(Error::Conflict("The email is already in use.", "user.email_already_in_use"));
  if (r->Bool(0, 2)) return Fail(Error::Conflict("The phone number is already in use.", "user.phone_already_in_use"));
  return Ok();
}

// A unique violation that slipped past the check (a concurrent insert): name it by constraint.
Error NameConflict(Connection& c, Error e) {
  if (e.kind != ErrorKind::kConflict) return e;
  const auto& k = c.last_constraint();
  if (k == "users_username_key") return Error::Conflict("The username is already in use.", "user.username_already_in_use");
  if (k == "users_primary_email") return Error::Conflict("The email is already in use.", "user.email_already_in_use");
  if (k == "users_primary_phone_key") return Error::Conflict("The phone number is already in use.", "user.phone_already_in_use");
  return e;
}

Params Columns(const model::User& u) {
  Params p;
  p.Add(u.id).Add(u.username).Add(u.primary_email).Add(u.primary_phone).Add(u.name).Add(u.avatar)
      .Add(u.custom_data.dump()).Add(u.password_hash).Add(u.is_suspended).Add(u.last_sign_in_at)
      .Add(u.created_at).Add(u.updated_at);
  return p;
}

}  // namespace

Result<void> PgUserRepo::Insert(const model::User& user) {
  GH_TRY(CheckIdentifiersFree(c_, user));
  auto r = c_.Query(
      "INSERT INTO users (id, username, primary_email, primary_phone, name, avatar, custom_data, "
      "password_hash, is_suspended, last_sign_in_at, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      Columns(user));
  if (!r) return Fail(NameConflict(c_, r.error()));
  return Ok();
}

Result<void> PgUserRepo::Update(const model::User& user) {
  GH_TRY(CheckIdentifiersFree(c_, user));
  auto r = c_.Query(
      "UPDATE users SET username = $2, primary_email = $3, primary_phone = $4, name = $5, "
      "avatar = $6, custom_data = $7, password_hash = $8, is_suspended = $9, "
      "last_sign_in_at = $10, created_at = $11, updated_at = $12 WHERE id = $1",
      Columns(user));
  if (!r) return Fail(NameConflict(c_, r.error()));
  if (r->Affected() == 0) return Fail(Error::NotFound("User not found."));
  return Ok();
}

Result<std::optional<model::User>> PgUserRepo::Find(const std::string& id) {
  return One(c_.Query(std::string(kSelect) + "WHERE u.id = $1", Params().Add(id)));
}

Result<std::optional<model::User>> PgUserRepo::FindByIdentifier(const std::string& identifier) {
  auto by_name = One(c_.Query(std::string(kSelect) + "WHERE u.username = $1", Params().Add(identifier)));
  if (!by_name || *by_name) return by_name;
  return One(c_.Query(std::string(kSelect) + "WHERE lower(u.primary_email) = lower($1)",
                      Params().Add(identifier)));
}

Result<model::Page<model::User>> PgUserRepo::List(const std::optional<std::string>& q,
                                                  const std::optional<model::PageRequest>& page) {
  const std::string where =
      "WHERE ($1::text IS NULL OR u.id COLLATE \"und-x-icu\" ILIKE $1 OR u.username COLLATE \"und-x-icu\" ILIKE $1 OR "
      "u.primary_email COLLATE \"und-x-icu\" ILIKE $1 OR u.primary_phone COLLATE \"und-x-icu\" ILIKE $1 OR u.name COLLATE \"und-x-icu\" ILIKE $1) ";
  auto like = LikePattern(q);
  auto total = c_.Query("SELECT COUNT(*) FROM users u " + where, Params().Add(like));
  if (!total) return Fail(total.error());
  Params p;
  p.Add(like);
  auto r = c_.Query(kSelect + where + "ORDER BY u.created_at DESC, u.id LIMIT $2 OFFSET $3",
                    AddPage(p, page));
  if (!r) return Fail(r.error());
  model::Page<model::User> out;
  out.total = total->Int(0, 0);
  for (int i = 0; i < r->size(); ++i) out.items.push_back(ReadUser(*r, i));
  return out;
}

Result<bool> PgUserRepo::Delete(const std::string& id) {
  auto r = c_.Query("DELETE FROM users WHERE id = $1", Params().Add(id));
  if (!r) return Fail(r.error());
  return r->Affected() > 0;
}

Result<std::vector<std::string>> PgUserRepo::ExistingIds(const std::vector<std::string>& ids) {
  auto r = c_.Query("SELECT id FROM users WHERE id = ANY($1::text[]) ORDER BY id", Params().AddArray(ids));
  if (!r) return Fail(r.error());
  std::vector<std::string> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(r->Text(i, 0));
  return out;
}

}  // namespace gatehouse::store::postgres
