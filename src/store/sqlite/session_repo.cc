#include "store/sqlite/session_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteSessionRepo::InsertSession(const model::OidcSession& s) {
  auto st = c_.Prepare(
      "INSERT INTO oidc_sessions (id_hash, user_id, auth_time, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, s.id_hash).Bind(2, s.user_id).Bind(3, s.auth_time)
               .Bind(4, s.created_at).Bind(5, s.expires_at).Exec();
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::optional<model::OidcSession>> SqliteSessionRepo::FindSession(const std::string& id_hash) {
  auto st = c_.Prepare(
      "SELECT id_hash, user_id, auth_time, created_at, expires_at FROM oidc_sessions "
      "WHERE id_hash = ?");
  if (!st) return Fail(st.error());
  auto& s = **st;
  auto row = s.Bind(1, id_hash).Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<model::OidcSession>();
  model::OidcSession out{s.Text(0), s.Text(1), s.Int(2), s.Int(3), s.Int(4)};
  s.Reset();
  return std::optional<model::OidcSession>(std::move(out));
}

Result<bool> SqliteSessionRepo::DeleteSession(const std::string& id_hash) {
  auto st = c_.Prepare("DELETE FROM oidc_sessions WHERE id_hash = ?");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, id_hash).Exec();
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<void> SqliteSessionRepo::InsertInteraction(const model::Interaction& i) {
  auto st = c_.Prepare(
      "INSERT INTO oidc_interactions (id_hash, csrf, client_id, request, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, i.id_hash).Bind(2, i.csrf).Bind(3, i.client_id)
               .Bind(4, i.request.dump()).Bind(5, i.created_at).Bind(6, i.expires_at).Exec();
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::optional<model::Interaction>> SqliteSessionRepo::FindInteraction(
    const std::string& id_hash) {
  auto st = c_.Prepare(
      "SELECT id_hash, csrf, client_id, request, created_at, expires_at FROM oidc_interactions "
      "WHERE id_hash = ?");
  if (!st) return Fail(st.error());
  auto& s = **st;
  auto row = s.Bind(1, id_hash).Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<model::Interaction>();
  auto request = nlohmann::json::parse(s.Text(3), nullptr, false);
  if (request.is_discarded()) request = nlohmann::json::object();
  model::Interaction out{s.Text(0), s.Text(1), s.Text(2), std::move(request), s.Int(4), s.Int(5)};
  s.Reset();
  return std::optional<model::Interaction>(std::move(out));
}

Result<bool> SqliteSessionRepo::DeleteInteraction(const std::string& id_hash) {
  auto st = c_.Prepare("DELETE FROM oidc_interactions WHERE id_hash = ?");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, id_hash).Exec();
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<int> SqliteSessionRepo::DeleteExpired(int64_t now_ms) {
  int total = 0;
  for (const char* sql : {"DELETE FROM oidc_sessions WHERE expires_at < ?",
                          "DELETE FROM oidc_interactions WHERE expires_at < ?"}) {
    auto st = c_.Prepare(sql);
    if (!st) return Fail(st.error());
    auto r = (*st)->Bind(1, now_ms).Exec();
    if (!r) return Fail(r.error());
    total += *r;
  }
  return total;
}

}  // namespace gatehouse::store::sqlite
