// EpochStore: a Store that counts the write transactions made through it. Process-local read
// caches (service/runtime/read_cache.h) tag what they read with the epoch taken before the read and use
// it only while the epoch is unchanged, so a write made on this node is seen by the very next
// request. Writes made elsewhere (another node of a fleet, `gatehouse import`) reach the caches
// through Bump() from the change feed and, at the latest, through the caches' maximum age.
#pragma once

#include <atomic>
#include <cstdint>

#include "store/store.h"

namespace gatehouse::store {

class EpochStore final : public Store {
 public:
  explicit EpochStore(Store& inner) : inner_(inner) {}

  Result<void> Read(const std::function<Result<void>(Repos&)>& fn) override {
    return inner_.Read(fn);
  }
  // Bumps after the transaction ends, committed or not: a reader that took the epoch before the
  // commit became visible then finds it changed and does not keep what it read.
  Result<void> Write(const std::function<Result<void>(Repos&)>& fn) override {
    auto result = inner_.Write(fn);
    Bump();
    return result;
  }
  Result<int> Migrate() override {
    auto result = inner_.Migrate();
    Bump();
    return result;
  }

  uint64_t epoch() const { return epoch_.load(std::memory_order_acquire); }
  // Called for changes this store did not make (change feed).
  void Bump() { epoch_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  Store& inner_;
  std::atomic<uint64_t> epoch_{1};
};

}  // namespace gatehouse::store
