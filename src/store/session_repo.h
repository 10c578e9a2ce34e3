// SessionRepo: browser sessions and pending sign-in interactions of the OIDC provider. Keys are
// the SHA-256 (hex) of the opaque cookie values; the values themselves are never stored.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "model/oidc_entities.h"

namespace gatehouse::store {

class SessionRepo {
 public:
  virtual ~SessionRepo() = default;

  virtual Result<void> InsertSession(const model::OidcSession& session) = 0;
  // nullopt if absent (expiry is the caller's business).
  virtual Result<std::optional<model::OidcSession>> FindSession(const std::string& id_hash) = 0;
  // false if absent.
  virtual Result<bool> DeleteSession(const std::string& id_hash) = 0;

  virtual Result<void> InsertInteraction(const model::Interaction& interaction) = 0;
  virtual Result<std::optional<model::Interaction>> FindInteraction(const std::string& id_hash) = 0;
  virtual Result<bool> DeleteInteraction(const std::string& id_hash) = 0;

  // Deletes sessions and interactions that expired before `now_ms`. Returns how many rows went.
  virtual Result<int> DeleteExpired(int64_t now_ms) = 0;
};

}  // namespace gatehouse::store
