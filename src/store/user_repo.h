// UserRepo: persistence of users. Implementations: store/sqlite (and later store/postgres).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

class UserRepo {
 public:
  virtual ~UserRepo() = default;
  // Conflict (code user.username_already_in_use / user.email_already_in_use) on duplicates.
  virtual Result<void> Insert(const model::User& user) = 0;
  // Replaces every column of the row with user.id. NotFound if absent.
  virtual Result<void> Update(const model::User& user) = 0;
  virtual Result<std::optional<model::User>> Find(const std::string& id) = 0;
  // Exact username, or case-insensitive email (sign-in identifier).
  virtual Result<std::optional<model::User>> FindByIdentifier(const std::string& identifier) = 0;
  // `q`: case-insensitive substring over id, username, primaryEmail, primaryPhone, name.
  // Newest first. page == nullopt: all.
  virtual Result<model::Page<model::User>> List(const std::optional<std::string>& q,
                                                const std::optional<model::PageRequest>& page) = 0;
  // Returns false if absent.
  virtual Result<bool> Delete(const std::string& id) = 0;
  // The ids of `ids` that exist.
  virtual Result<std::vector<std::string>> ExistingIds(const std::vector<std::string>& ids) = 0;
};

}  // namespace gatehouse::store
