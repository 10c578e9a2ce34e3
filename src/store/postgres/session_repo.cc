#include "store/postgres/session_repo.h"

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {

Result<void> PgSessionRepo::InsertSession(const model::OidcSession& s) {
  return Done(c_.Query(
      "INSERT INTO oidc_sessions (id_hash, user_id, auth_time, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      Params().Add(s.id_hash).Add(s.user_id).Add(s.auth_time).Add(s.created_at).Add(s.expires_at)));
}

Result<std::optional<model::OidcSession>> PgSessionRepo::FindSession(const std::string& id_hash) {
  return First(c_.Query("SELECT id_hash, user_id, auth_time, created_at, expires_at FROM oidc_sessions "
                        "WHERE id_hash = $1",
                        Params().Add(id_hash)),
               [](const Rows& r, int i) {
                 return model::OidcSession{r.Text(i, 0), r.Text(i, 1), r.Int(i, 2), r.Int(i, 3),
                                           r.Int(i, 4)};
               });
}

Result<bool> PgSessionRepo::DeleteSession(const std::string& id_hash) {
  return Changed(c_.Query("DELETE FROM oidc_sessions WHERE id_hash = $1", Params().Add(id_hash)));
}

Result<void> PgSessionRepo::InsertInteraction(const model::Interaction& i) {
  return Done(c_.Query(
      "INSERT INTO oidc_interactions (id_hash, csrf, client_id, request, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      Params().Add(i.id_hash).Add(i.csrf).Add(i.client_id).Add(i.request.dump()).Add(i.created_at)
          .Add(i.expires_at)));
}

Result<std::optional<model::Interaction>> PgSessionRepo::FindInteraction(const std::string& id_hash) {
  return First(c_.Query("SELECT id_hash, csrf, client_id, request, created_at, expires_at "
                        "FROM oidc_interactions WHERE id_hash = $1",
                        Params().Add(id_hash)),
               [](const Rows& r, int i) {
                 return model::Interaction{r.Text(i, 0), r.Text(i, 1), r.Text(i, 2),
                                           ParseJson(r.Text(i, 3), nlohmann::json::object()),
                                           r.Int(i, 4), r.Int(i, 5)};
               });
}

Result<bool> PgSessionRepo::DeleteInteraction(const std::string& id_hash) {
  return Changed(c_.Query("DELETE FROM oidc_interactions WHERE id_hash = $1", Params().Add(id_hash)));
}

Result<int> PgSessionRepo::DeleteExpired(int64_t now_ms) {
  int total = 0;
  for (const char* sql : {"DELETE FROM oidc_sessions WHERE expires_at < $1",
                          "DELETE FROM oidc_interactions WHERE expires_at < $1"}) {
    auto r = c_.Query(sql, Params().Add(now_ms));
    if (!r) return Fail(r.error());
    total += r->Affected();
  }
  return total;
}

}  // namespace gatehouse::store::postgres
