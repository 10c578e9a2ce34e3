// ResourceRepo: API resources (RFC 8707 indicators) and their scopes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

class ResourceRepo {
 public:
  virtual ~ResourceRepo() = default;
  virtual Result<void> Insert(const model::Resource& resource) = 0;
  virtual Result<void> Update(const model::Resource& resource) = 0;
  virtual Result<std::optional<model::Resource>> Find(const std::string& id) = 0;
  virtual Result<std::optional<model::Resource>> FindByIndicator(const std::string& indicator) = 0;
  virtual Result<model::Page<model::Resource>> List(const std::optional<std::string>& q,
                                                    const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> Delete(const std::string& id) = 0;

  virtual Result<void> InsertScope(const model::Scope& scope) = 0;
  virtual Result<void> UpdateScope(const model::Scope& scope) = 0;
  virtual Result<std::optional<model::Scope>> FindScope(const std::string& scope_id) = 0;
  virtual Result<model::Page<model::Scope>> ListScopes(
      const std::string& resource_id, const std::optional<std::string>& q,
      const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> DeleteScope(const std::string& scope_id) = 0;
  // Scopes by id (any resource); missing ids are simply absent from the result.
  virtual Result<std::vector<model::Scope>> FindScopes(const std::vector<std::string>& ids) = 0;
};

}  // namespace gatehouse::store
