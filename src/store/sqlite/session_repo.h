// SqliteSessionRepo: tables oidc_sessions and oidc_interactions (migration 002).
#pragma once

#include "store/session_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

class SqliteSessionRepo final : public SessionRepo {
 public:
  explicit SqliteSessionRepo(Connection& c) : c_(c) {}
  Result<void> InsertSession(const model::OidcSession& session) override;
  Result<std::optional<model::OidcSession>> FindSession(const std::string& id_hash) override;
  Result<bool> DeleteSession(const std::string& id_hash) override;
  Result<void> InsertInteraction(const model::Interaction& interaction) override;
  Result<std::optional<model::Interaction>> FindInteraction(const std::string& id_hash) override;
  Result<bool> DeleteInteraction(const std::string& id_hash) override;
  Result<int> DeleteExpired(int64_t now_ms) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::sqlite
