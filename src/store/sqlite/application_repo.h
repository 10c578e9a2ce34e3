// SqliteApplicationRepo: applications in table applications, their hashed secrets in
// application_secrets.
#pragma once

#include "store/application_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

// The columns ReadApplication reads, for queries over `applications a`.
inline constexpr std::string_view kApplicationColumns =
    "a.id, a.name, a.description, a.type, a.oidc_client_metadata, a.custom_client_metadata, "
    "a.is_third_party, a.is_built_in, a.created_at";
// The application in the current row of a query selecting kApplicationColumns first.
model::Application ReadApplication(Statement& s);

class SqliteApplicationRepo final : public ApplicationRepo {
 public:
  // Registers gh_fold (Unicode case folding for `q` search) on the connection.
  explicit SqliteApplicationRepo(Connection& c);
  Result<void> Insert(const model::Application& app) override;
  Result<void> Update(const model::Application& app) override;
  Result<std::optional<model::Application>> Find(const std::string& id) override;
  Result<model::Page<model::Application>> List(
      const ApplicationFilter& filter, const std::optional<model::PageRequest>& page) override;
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

}  // namespace gatehouse::store::sqlite
