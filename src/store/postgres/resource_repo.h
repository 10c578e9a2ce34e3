// PgResourceRepo: ResourceRepo on PostgreSQL (resources, scopes), behaving as SqliteResourceRepo.
#pragma once

#include "store/postgres/connection.h"
#include "store/resource_repo.h"

namespace gatehouse::store::postgres {

class PgResourceRepo final : public ResourceRepo {
 public:
  explicit PgResourceRepo(Connection& c) : c_(c) {}
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
  Result<model::Page<model::Scope>> ListScopes(const std::string& resource_id,
                                               const std::optional<std::string>& q,
                                               const std::optional<model::PageRequest>& page) override;
  Result<bool> DeleteScope(const std::string& scope_id) override;
  Result<std::vector<model::Scope>> FindScopes(const std::vector<std::string>& ids) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::postgres
