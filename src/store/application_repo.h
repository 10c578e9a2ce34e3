// ApplicationRepo: OIDC clients and their (hashed) secrets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

class ApplicationRepo {
 public:
  virtual ~ApplicationRepo() = default;
  virtual Result<void> Insert(const model::Application& app) = 0;
  virtual Result<void> Update(const model::Application& app) = 0;
  virtual Result<std::optional<model::Application>> Find(const std::string& id) = 0;
  // `q` over id, name, description; `exclude_organization_id`: apps not in that organization.
  virtual Result<model::Page<model::Application>> List(
      const std::optional<std::string>& q, const std::optional<std::string>& exclude_organization_id,
      const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> Delete(const std::string& id) = 0;

  virtual Result<void> InsertSecret(const model::ApplicationSecret& secret) = 0;
  virtual Result<std::vector<model::ApplicationSecret>> ListSecrets(const std::string& app_id) = 0;
  virtual Result<bool> RenameSecret(const std::string& app_id, const std::string& name,
                                    const std::string& new_name) = 0;
  virtual Result<bool> DeleteSecret(const std::string& app_id, const std::string& name) = 0;
};

}  // namespace gatehouse::store
