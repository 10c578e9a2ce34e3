// PgKeyRepo: KeyRepo on PostgreSQL (signing_keys), behaving as SqliteKeyRepo.
#pragma once

#include "store/key_repo.h"
#include "store/postgres/connection.h"

namespace gatehouse::store::postgres {

class PgKeyRepo final : public KeyRepo {
 public:
  explicit PgKeyRepo(Connection& c) : c_(c) {}
  Result<void> Insert(const model::SigningKeyRecord& key) override;
  Result<std::vector<model::SigningKeyRecord>> List() override;
  Result<void> Retire(const std::string& kid, int64_t at_ms) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::postgres
