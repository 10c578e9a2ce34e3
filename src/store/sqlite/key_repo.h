// SqliteKeyRepo: signing keys in table signing_keys.
#pragma once

#include "store/key_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

class SqliteKeyRepo final : public KeyRepo {
 public:
  explicit SqliteKeyRepo(Connection& c) : c_(c) {}
  Result<void> Insert(const model::SigningKeyRecord& key) override;
  Result<std::vector<model::SigningKeyRecord>> List() override;
  Result<void> Retire(const std::string& kid, int64_t at_ms) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::sqlite
