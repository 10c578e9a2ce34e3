// SqliteApplicationRepo: Applications in table applications, their hashed secrets in application_secrets.
#pragma once

#include "store/application_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

class SqliteApplicationRepo final : public ApplicationRepo {
 public:
  explicit SqliteApplicationRepo(Connection& c) : c_(c) {}
  Result<void> Insert(const model::Application& app) override;
  Result<void> Update(const model::Application& app) override;
  Result<std::optional<model::Application>> Find(const std::string& id) override;
  Result<model::Page<model::Application>> List( const std::optional<std::string>& q, const std::optional<std::string>& exclude_organization_id, const std::optional<model::PageRequest>& page) override;
  Result<bool> Delete(const std::string& id) override;
  Result<void> InsertSecret(const model::ApplicationSecret& secret) override;
  Result<std::vector<model::ApplicationSecret>> ListSecrets(const std::string& app_id) override;
  Result<bool> RenameSecret(const std::string& app_id, const std::string& name, const std::string& new_name) override;
  Result<bool> DeleteSecret(const std::string& app_id, const std::string& name) override;

 private:
  [[maybe_unused]] Connection& c_;
};

}  // namespace gatehouse::store::sqlite
