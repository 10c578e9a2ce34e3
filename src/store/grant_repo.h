// GrantRepo: grants (authorization families), authorization codes and refresh tokens. Codes and
// refresh tokens are keyed by the SHA-256 (hex) of their opaque values.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "model/oidc_entities.h"

namespace gatehouse::store {

class GrantRepo {
 public:
  virtual ~GrantRepo() = default;

  virtual Result<void> InsertGrant(const model::Grant& grant) = 0;
  virtual Result<std::optional<model::Grant>> FindGrant(const std::string& id) = 0;
  // Sets revoked_at if not yet revoked. false if absent or already revoked.
  virtual Result<bool> RevokeGrant(const std::string& id, int64_t at_ms) = 0;

  virtual Result<void> InsertCode(const model::AuthorizationCode& code) = 0;
  virtual Result<std::optional<model::AuthorizationCode>> FindCode(const std::string& code_hash) = 0;
  // Marks the code used. true only for the call that consumed it (single use, RFC 6749 §4.1.2).
  virtual Result<bool> ConsumeCode(const std::string& code_hash, int64_t at_ms) = 0;

  virtual Result<void> InsertRefreshToken(const model::RefreshTokenRecord& token) = 0;
  virtual Result<std::optional<model::RefreshTokenRecord>> FindRefreshToken(
      const std::string& token_hash) = 0;
  // Marks the token rotated. true only for the call that rotated it.
  virtual Result<bool> MarkRefreshTokenRotated(const std::string& token_hash, int64_t at_ms) = 0;

  // Deletes codes, refresh tokens and grants whose lifetime ended before `now_ms`.
  virtual Result<int> DeleteExpired(int64_t now_ms) = 0;
};

}  // namespace gatehouse::store
