// SqliteUserRepo: Users in table users.
#pragma once

#include "store/sqlite/connection.h"
#include "store/user_repo.h"

namespace gatehouse::store::sqlite {

// The columns ReadUser reads, for queries over `users u` (role holders, ...).
inline constexpr std::string_view kUserColumns =
    "u.id, u.username, u.primary_email, u.primary_phone, u.name, u.avatar, u.custom_data, "
    "u.password_hash, u.is_suspended, u.last_sign_in_at, u.created_at, u.updated_at";
// The user in the current row of a query selecting kUserColumns first.
model::User ReadUser(Statement& s);

class SqliteUserRepo final : public UserRepo {
 public:
  // Registers gh_fold (Unicode case folding for `q` search) on the connection.
  explicit SqliteUserRepo(Connection& c);
  Result<void> Insert(const model::User& user) override;
  Result<void> Update(const model::User& user) override;
  Result<std::optional<model::User>> Find(const std::string& id) override;
  Result<std::optional<model::User>> FindByIdentifier(const std::string& identifier) override;
  Result<model::Page<model::User>> List(const std::optional<std::string>& q,
                                        const std::optional<model::PageRequest>& page) override;
  Result<bool> Delete(const std::string& id) override;
  Result<std::vector<std::string>> ExistingIds(const std::vector<std::string>& ids) override;

 private:
  [[maybe_unused]] Connection& c_;
};

}  // namespace gatehouse::store::sqlite
