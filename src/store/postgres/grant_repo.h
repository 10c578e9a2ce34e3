// PgGrantRepo: GrantRepo on PostgreSQL (oidc_grants, oidc_authorization_codes,
// oidc_refresh_tokens), behaving as SqliteGrantRepo. Single use of codes and refresh tokens holds
// across nodes: the conditional UPDATE ... WHERE consumed_at IS NULL succeeds for one caller only.
#pragma once

#include "store/grant_repo.h"
#include "store/postgres/connection.h"

namespace gatehouse::store::postgres {

class PgGrantRepo final : public GrantRepo {
 public:
  explicit PgGrantRepo(Connection& c) : c_(c) {}
  Result<void> InsertGrant(const model::Grant& grant) override;
  Result<std::optional<model::Grant>> FindGrant(const std::string& id) override;
  Result<bool> RevokeGrant(const std::string& id, int64_t at_ms) override;
  Result<void> InsertCode(const model::AuthorizationCode& code) override;
  Result<std::optional<model::AuthorizationCode>> FindCode(const std::string& code_hash) override;
  Result<bool> ConsumeCode(const std::string& code_hash, int64_t at_ms) override;
  Result<void> InsertRefreshToken(const model::RefreshTokenRecord& token) override;
  Result<std::optional<model::RefreshTokenRecord>> FindRefreshToken(const std::string& token_hash) override;
  Result<bool> MarkRefreshTokenRotated(const std::string& token_hash, int64_t at_ms) override;
  Result<int> DeleteExpired(int64_t now_ms) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::postgres
