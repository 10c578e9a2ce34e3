#include "store/sqlite/grant_repo.h"

namespace gatehouse::store::sqlite {
namespace {

std::vector<std::string> JsonStrings(const std::string& text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

Result<bool> ExecChanged(Connection& c, const char* sql, int64_t at, const std::string& key) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, at).Bind(2, key).Exec();
  if (!r) return Fail(r.error());
  return *r > 0;
}

}  // namespace

Result<void> SqliteGrantRepo::InsertGrant(const model::Grant& g) {
  auto st = c_.Prepare(
      "INSERT INTO oidc_grants (id, user_id, client_id, scopes, resources, auth_time, created_at, "
      "expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, g.id).Bind(2, g.user_id).Bind(3, g.client_id)
               .Bind(4, nlohmann::json(g.scopes).dump()).Bind(5, nlohmann::json(g.resources).dump())
               .Bind(6, g.auth_time).Bind(7, g.created_at).Bind(8, g.expires_at)
               .Bind(9, g.revoked_at).Exec();
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::optional<model::Grant>> SqliteGrantRepo::FindGrant(const std::string& id) {
  auto st = c_.Prepare(
      "SELECT id, user_id, client_id, scopes, resources, auth_time, created_at, expires_at, "
      "revoked_at FROM oidc_grants WHERE id = ?");
  if (!st) return Fail(st.error());
  auto& s = **st;
  auto row = s.Bind(1, id).Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<model::Grant>();
  model::Grant g{s.Text(0), s.Text(1), s.Text(2), JsonStrings(s.Text(3)), JsonStrings(s.Text(4)),
                 s.Int(5),  s.Int(6),  s.Int(7),  s.OptInt(8)};
  s.Reset();
  return std::optional<model::Grant>(std::move(g));
}

Result<bool> SqliteGrantRepo::RevokeGrant(const std::string& id, int64_t at_ms) {
  return ExecChanged(c_, "UPDATE oidc_grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                     at_ms, id);
}

Result<void> SqliteGrantRepo::InsertCode(const model::AuthorizationCode& c) {
  auto st = c_.Prepare(
      "INSERT INTO oidc_authorization_codes (code_hash, grant_id, client_id, redirect_uri, "
      "code_challenge, nonce, created_at, expires_at, consumed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, c.code_hash).Bind(2, c.grant_id).Bind(3, c.client_id)
               .Bind(4, c.redirect_uri).Bind(5, c.code_challenge).Bind(6, c.nonce)
               .Bind(7, c.created_at).Bind(8, c.expires_at).Bind(9, c.consumed_at).Exec();
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::optional<model::AuthorizationCode>> SqliteGrantRepo::FindCode(
    const std::string& code_hash) {
  auto st = c_.Prepare(
      "SELECT code_hash, grant_id, client_id, redirect_uri, code_challenge, nonce, created_at, "
      "expires_at, consumed_at FROM oidc_authorization_codes WHERE code_hash = ?");
  if (!st) return Fail(st.error());
  auto& s = **st;
  auto row = s.Bind(1, code_hash).Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<model::AuthorizationCode>();
  model::AuthorizationCode c{s.Text(0),    s.Text(1),    s.Text(2), s.Text(3), s.OptText(4),
                             s.OptText(5), s.Int(6),     s.Int(7),  s.OptInt(8)};
  s.Reset();
  return std::optional<model::AuthorizationCode>(std::move(c));
}

Result<bool> SqliteGrantRepo::ConsumeCode(const std::string& code_hash, int64_t at_ms) {
  return ExecChanged(c_,
                     "UPDATE oidc_authorization_codes SET consumed_at = ? "
                     "WHERE code_hash = ? AND consumed_at IS NULL",
                     at_ms, code_hash);
}

Result<void> SqliteGrantRepo::InsertRefreshToken(const model::RefreshTokenRecord& t) {
  auto st = c_.Prepare(
      "INSERT INTO oidc_refresh_tokens (token_hash, grant_id, created_at, expires_at, rotated_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, t.token_hash).Bind(2, t.grant_id).Bind(3, t.created_at)
               .Bind(4, t.expires_at).Bind(5, t.rotated_at).Exec();
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::optional<model::RefreshTokenRecord>> SqliteGrantRepo::FindRefreshToken(
    const std::string& token_hash) {
  auto st = c_.Prepare(
      "SELECT token_hash, grant_id, created_at, expires_at, rotated_at FROM oidc_refresh_tokens "
      "WHERE token_hash = ?");
  if (!st) return Fail(st.error());
  auto& s = **st;
  auto row = s.Bind(1, token_hash).Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<model::RefreshTokenRecord>();
  model::RefreshTokenRecord t{s.Text(0), s.Text(1), s.Int(2), s.Int(3), s.OptInt(4)};
  s.Reset();
  return std::optional<model::RefreshTokenRecord>(std::move(t));
}

Result<bool> SqliteGrantRepo::MarkRefreshTokenRotated(const std::string& token_hash,
                                                      int64_t at_ms) {
  return ExecChanged(c_,
                     "UPDATE oidc_refresh_tokens SET rotated_at = ? "
                     "WHERE token_hash = ? AND rotated_at IS NULL",
                     at_ms, token_hash);
}

Result<int> SqliteGrantRepo::DeleteExpired(int64_t now_ms) {
  int total = 0;
  // Grants last; their codes and tokens go with them by cascade anyway.
  for (const char* sql : {"DELETE FROM oidc_authorization_codes WHERE expires_at < ?",
                          "DELETE FROM oidc_refresh_tokens WHERE expires_at < ?",
                          "DELETE FROM oidc_grants WHERE expires_at < ?"}) {
    auto st = c_.Prepare(sql);
    if (!st) return Fail(st.error());
    auto r = (*st)->Bind(1, now_ms).Exec();
    if (!r) return Fail(r.error());
    total += *r;
  }
  return total;
}

}  // namespace gatehouse::store::sqlite
