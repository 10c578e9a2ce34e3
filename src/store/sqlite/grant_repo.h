// SqliteGrantRepo: tables oidc_grants, oidc_authorization_codes, oidc_refresh_tokens (002).
#pragma once

#include "store/grant_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

class SqliteGrantRepo final : public GrantRepo {
 public:
  explicit SqliteGrantRepo(Connection& c) : c_(c) {}
  Result<void> InsertGrant(const model::Grant& grant) override;
  Result<std::optional<model::Grant>> FindGrant(const std::string& id) override;
  Result<bool> RevokeGrant(const std::string& id, int64_t at_ms) override;
  Result<void> InsertCode(const model::AuthorizationCode& code) override;
  Result<std::optional<model::AuthorizationCode>> FindCode(const std::string& code_hash) override;
  Result<bool> ConsumeCode(const std::string& code_hash, int64_t at_ms) override;
  Result<void> InsertRefreshToken(const model::RefreshTokenRecord& token) override;
  Result<std::optional<model::RefreshTokenRecord>> FindRefreshToken(
      const std::string& token_hash) override;
  Result<bool> MarkRefreshTokenRotated(const std::string& token_hash, int64_t at_ms) override;
  Result<int> DeleteExpired(int64_t now_ms) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::sqlite
