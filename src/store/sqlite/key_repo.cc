#include "store/sqlite/key_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteKeyRepo::Insert(const model::SigningKeyRecord& key) {
  auto st = c_.Prepare(
      "INSERT INTO signing_keys (kid, alg, private_key_pem, created_at, retired_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, key.kid).Bind(2, key.alg).Bind(3, key.private_key_pem)
               .Bind(4, key.created_at).Bind(5, key.retired_at).Exec();
  if (!r) return Fail(r.error());
  return Ok();
}

Result<std::vector<model::SigningKeyRecord>> SqliteKeyRepo::List() {
  auto st = c_.Prepare(
      "SELECT kid, alg, private_key_pem, created_at, retired_at FROM signing_keys "
      "ORDER BY created_at DESC, kid");
  if (!st) return Fail(st.error());
  std::vector<model::SigningKeyRecord> out;
  for (;;) {
    auto row = (*st)->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto& s = **st;
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.OptInt(4)});
  }
  return out;
}

Result<void> SqliteKeyRepo::Retire(const std::string& kid, int64_t at_ms) {
  auto st = c_.Prepare("UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND retired_at IS NULL");
  if (!st) return Fail(st.error());
  auto r = (*st)->Bind(1, at_ms).Bind(2, kid).Exec();
  if (!r) return Fail(r.error());
  return Ok();
}

}  // namespace gatehouse::store::sqlite
