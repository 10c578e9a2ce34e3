#include "store/postgres/grant_repo.h"

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

std::vector<std::string> JsonStrings(const std::string& text) {
  std::vector<std::string> out;
  auto j = ParseJson(text, nlohmann::json::array());
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

Result<void> PgGrantRepo::InsertGrant(const model::Grant& g) {
  return Done(c_.Query(
      "INSERT INTO oidc_grants (id, user_id, client_id, scopes, resources, auth_time, created_at, "
      "expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      Params().Add(g.id).Add(g.user_id).Add(g.client_id).Add(nlohmann::json(g.scopes).dump())
          .Add(nlohmann::json(g.resources).dump()).Add(g.auth_time).Add(g.created_at)
          .Add(g.expires_at).Add(g.revoked_at)));
}

Result<std::optional<model::Grant>> PgGrantRepo::FindGrant(const std::string& id) {
  return First(c_.Query("SELECT id, user_id, client_id, scopes, resources, auth_time, created_at, "
                        "expires_at, revoked_at FROM oidc_grants WHERE id = $1",
                        Params().Add(id)),
               [](const Rows& r, int i) {
                 return model::Grant{r.Text(i, 0), r.Text(i, 1), r.Text(i, 2),
                                     JsonStrings(r.Text(i, 3)), JsonStrings(r.Text(i, 4)),
                                     r.Int(i, 5), r.Int(i, 6), r.Int(i, 7), r.OptInt(i, 8)};
               });
}

Result<bool> PgGrantRepo::RevokeGrant(const std::string& id, int64_t at_ms) {
  return Changed(c_.Query("UPDATE oidc_grants SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                          Params().Add(at_ms).Add(id)));
}

Result<void> PgGrantRepo::InsertCode(const model::AuthorizationCode& c) {
  return Done(c_.Query(
      "INSERT INTO oidc_authorization_codes (code_hash, grant_id, client_id, redirect_uri, "
      "code_challenge, nonce, created_at, expires_at, consumed_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      Params().Add(c.code_hash).Add(c.grant_id).Add(c.client_id).Add(c.redirect_uri)
          .Add(c.code_challenge).Add(c.nonce).Add(c.created_at).Add(c.expires_at).Add(c.consumed_at)));
}

Result<std::optional<model::AuthorizationCode>> PgGrantRepo::FindCode(const std::string& code_hash) {
  return First(c_.Query("SELECT code_hash, grant_id, client_id, redirect_uri, code_challenge, nonce, "
                        "created_at, expires_at, consumed_at FROM oidc_authorization_codes "
                        "WHERE code_hash = $1",
                        Params().Add(code_hash)),
               [](const Rows& r, int i) {
                 return model::AuthorizationCode{r.Text(i, 0),    r.Text(i, 1),    r.Text(i, 2),
                                                 r.Text(i, 3),    r.OptText(i, 4), r.OptText(i, 5),
                                                 r.Int(i, 6),     r.Int(i, 7),     r.OptInt(i, 8)};
               });
}

Result<bool> PgGrantRepo::ConsumeCode(const std::string& code_hash, int64_t at_ms) {
  return Changed(c_.Query("UPDATE oidc_authorization_codes SET consumed_at = $1 "
                          "WHERE code_hash = $2 AND consumed_at IS NULL",
                          Params().Add(at_ms).Add(code_hash)));
}

Result<void> PgGrantRepo::InsertRefreshToken(const model::RefreshTokenRecord& t) {
  return Done(c_.Query(
      "INSERT INTO oidc_refresh_tokens (token_hash, grant_id, created_at, expires_at, rotated_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      Params().Add(t.token_hash).Add(t.grant_id).Add(t.created_at).Add(t.expires_at).Add(t.rotated_at)));
}

Result<std::optional<model::RefreshTokenRecord>> PgGrantRepo::FindRefreshToken(
    const std::string& token_hash) {
  return First(c_.Query("SELECT token_hash, grant_id, created_at, expires_at, rotated_at "
                        "FROM oidc_refresh_tokens WHERE token_hash = $1",
                        Params().Add(token_hash)),
               [](const Rows& r, int i) {
                 return model::RefreshTokenRecord{r.Text(i, 0), r.Text(i, 1), r.Int(i, 2),
                                                  r.Int(i, 3), r.OptInt(i, 4)};
               });
}

Result<bool> PgGrantRepo::MarkRefreshTokenRotated(const std::string& token_hash, int64_t at_ms) {
  return Changed(c_.Query("UPDATE oidc_refresh_tokens SET rotated_at = $1 "
                          "WHERE token_hash = $2 AND rotated_at IS NULL",
                          Params().Add(at_ms).Add(token_hash)));
}

Result<int> PgGrantRepo::DeleteExpired(int64_t now_ms) {
  int total = 0;
  for (const char* sql : {"DELETE FROM oidc_authorization_codes WHERE expires_at < $1",
                          "DELETE FROM oidc_refresh_tokens WHERE expires_at < $1",
                          "DELETE FROM oidc_grants WHERE expires_at < $1"}) {
    auto r = c_.Query(sql, Params().Add(now_ms));
    if (!r) return Fail(r.error());
    total += r->Affected();
  }
  return total;
}

}  // namespace gatehouse::store::postgres
