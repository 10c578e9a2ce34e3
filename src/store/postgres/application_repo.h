// PgApplicationRepo: ApplicationRepo on PostgreSQL (applications, application_secrets), behaving
// as SqliteApplicationRepo.
#pragma once

#include "store/application_repo.h"
#include "store/postgres/connection.h"

namespace gatehouse::store::postgres {

class PgApplicationRepo final : public ApplicationRepo {
 public:
  explicit PgApplicationRepo(Connection& c) : c_(c) {}
  Result<void> Insert(const model::Application& app) override;
  Result<void> Update(const model::Application& app) override;
  Result<std::optional<model::Application>> Find(const std::string& id) override;
  Result<model::Page<model::Application>> List(const ApplicationFilter& filter,
                                               const std::optional<model::PageRequest>& page) override;
  Result<bool> Delete(const std::string& id) override;
  Result<std::vector<std::pair<std::string, model::ApplicationType>>> TypesOf(
      const std::vector<std::string>& ids) override;

  Result<void> InsertSecret(const model::ApplicationSecret& secret) override;
  Result<std::vector<model::ApplicationSecret>> ListSecrets(const std::string& app_id) override;
  Result<bool> RenameSecret(const std::string& app_id, const std::string& name,
                            const std::string& new_name) override;
  Result<bool> DeleteSecret(const std::string& app_id, const std::string& name) override;

  Result<model::Page<ApplicationOrganizationRow>> Organizations(
      const std::string& app_id, const std::optional<model::PageRequest>& page) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::postgres
