#include "store/postgres/key_repo.h"

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {

Result<void> PgKeyRepo::Insert(const model::SigningKeyRecord& k) {
  return Done(c_.Query(
      "INSERT INTO signing_keys (kid, alg, private_key_pem, created_at, retired_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      Params().Add(k.kid).Add(k.alg).Add(k.private_key_pem).Add(k.created_at).Add(k.retired_at)));
}

Result<std::vector<model::SigningKeyRecord>> PgKeyRepo::List() {
  return Collect(c_.Query("SELECT kid, alg, private_key_pem, created_at, retired_at FROM signing_keys "
                          "ORDER BY created_at DESC, kid"),
                 [](const Rows& r, int i) {
                   return model::SigningKeyRecord{r.Text(i, 0), r.Text(i, 1), r.Text(i, 2),
                                                  r.Int(i, 3), r.OptInt(i, 4)};
                 });
}

Result<void> PgKeyRepo::Retire(const std::string& kid, int64_t at_ms) {
  return Done(c_.Query("UPDATE signing_keys SET retired_at = $1 WHERE kid = $2 AND retired_at IS NULL",
                       Params().Add(at_ms).Add(kid)));
}

}  // namespace gatehouse::store::postgres
