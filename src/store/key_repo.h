// KeyRepo: JWS signing keys, kept in the database so every node signs with the same key.
#pragma once

#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

class KeyRepo {
 public:
  virtual ~KeyRepo() = default;
  virtual Result<void> Insert(const model::SigningKeyRecord& key) = 0;
  // Every key, newest first (retired ones included: they stay published).
  virtual Result<std::vector<model::SigningKeyRecord>> List() = 0;
  virtual Result<void> Retire(const std::string& kid, int64_t at_ms) = 0;
};

}  // namespace gatehouse::store
