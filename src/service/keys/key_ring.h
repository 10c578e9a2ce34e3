// KeyRing: the server's JWS signing keys, loaded from the database (so every node of a fleet signs
// with the same key) and created at first start. Immutable snapshot; Reload() swaps it atomically.
#pragma once

#include <memory>
#include <atomic>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/shared_slot.h"
#include "crypto/signing_key.h"
#include "service/context.h"

namespace gatehouse::service {

struct KeySet {
  // Every published key: kid → key, for verifying our own tokens. all[current] signs.
  std::vector<std::pair<std::string, crypto::SigningKey>> all;
  size_t current = 0;
  const std::string& current_kid() const { return all[current].first; }
  const crypto::SigningKey& current_key() const { return all[current].second; }
  nlohmann::json jwks;       // {"keys": [...]} public halves only
  std::string jwks_body;     // jwks serialised once
};

class KeyRing {
 public:
  // Loads the keys; when none is active, generates one with `alg` ("ES256", ...) and stores it.
  // Start-up: failures are returned, not thrown.
  static Result<std::shared_ptr<KeyRing>> LoadOrCreate(const Context& ctx, const std::string& alg);

  // The current snapshot. Thread-safe and cheap (one atomic shared_ptr copy).
  std::shared_ptr<const KeySet> Current() const;

  // Generates a new key that signs from now on; the old ones stay published (PRODUCT.md §5).
  Result<std::string> Rotate(const Context& ctx, const std::string& alg);

  // Re-reads the keys from the database (another node may have rotated).
  Result<void> Reload(const Context& ctx);

 private:
  SharedSlot<KeySet> keys_;
};

}  // namespace gatehouse::service
