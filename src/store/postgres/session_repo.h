// PgSessionRepo: SessionRepo on PostgreSQL (oidc_sessions, oidc_interactions), behaving as
// SqliteSessionRepo.
#pragma once

#include "store/postgres/connection.h"
#include "store/session_repo.h"

namespace gatehouse::store::postgres {

class PgSessionRepo final : public SessionRepo {
 public:
  explicit PgSessionRepo(Connection& c) : c_(c) {}
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

}  // namespace gatehouse::store::postgres
