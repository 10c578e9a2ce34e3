// PgUserRepo: UserRepo on PostgreSQL (table users), behaving as SqliteUserRepo.
#pragma once

#include "store/postgres/connection.h"
#include "store/user_repo.h"

namespace gatehouse::store::postgres {

class PgUserRepo final : public UserRepo {
 public:
  explicit PgUserRepo(Connection& c) : c_(c) {}
  Result<void> Insert(const model::User& user) override;
  Result<void> Update(const model::User& user) override;
  Result<std::optional<model::User>> Find(const std::string& id) override;
  Result<std::optional<model::User>> FindByIdentifier(const std::string& identifier) override;
  Result<model::Page<model::User>> List(const std::optional<std::string>& q,
                                        const std::optional<model::PageRequest>& page) override;
  Result<bool> Delete(const std::string& id) override;
  Result<std::vector<std::string>> ExistingIds(const std::vector<std::string>& ids) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::postgres
