// SqliteResourceRepo: API resources in table resources, their permissions in scopes.
#pragma once

#include "store/resource_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

class SqliteResourceRepo final : public ResourceRepo {
 public:
  // Registers gh_fold (Unicode case folding for `q` search) on the connection.
  explicit SqliteResourceRepo(Connection& c);
  Result<void> Insert(const model::Resource& resource) override;
  Result<void> Update(const model::Resource& resource) override;
  Result<std::optional<model::Resource>> Find(const std::string& id) override;
  Result<std::optional<model::Resource>> FindByIndicator(const std::string& indicator) override;
  Result<model::Page<model::Resource>> List(const std::optional<std::string>& q,
                                            const std::optional<model::PageRequest>& page) override;
  Result<bool> Delete(const std::string& id) override;
  Result<void> InsertScope(const model::Scope& scope) override;
  Result<void> UpdateScope(const model::Scope& scope) override;
  Result<std::optional<model::Scope>> FindScope(const std::string& scope_id) override;
  Result<model::Page<model::Scope>> ListScopes(
      const std::string& resource_id, const std::optional<std::string>& q,
      const std::optional<model::PageRequest>& page) override;
  Result<bool> DeleteScope(const std::string& scope_id) override;
  Result<std::vector<model::Scope>> FindScopes(const std::vector<std::string>& ids) override;

 private:
  [[maybe_unused]] Connection& c_;
};

}  // namespace gatehouse::store::sqlite
