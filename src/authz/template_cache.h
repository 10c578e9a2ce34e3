// TemplateCache: the one shared, thread-safe holder of the current TemplateSnapshot. Readers
// take a shared_ptr (lock-free for them in practice) and keep using it even if it is replaced
// meanwhile; writers swap in a new snapshot. The cache never decides freshness by itself: the
// service compares the snapshot's version with the store's template version (one row read) and
// rebuilds when they differ, so a write made anywhere — this node, another node, another
// service — is seen by the next evaluation. The application holds one instance for the process
// and hands it to services through service::Context::template_cache.
#pragma once

#include <atomic>
#include <memory>

#include "authz/template_snapshot.h"
#include "common/shared_slot.h"

namespace gatehouse::authz {

class TemplateCache {
 public:
  // The current snapshot, or nullptr if none was stored yet or it was invalidated.
  std::shared_ptr<const TemplateSnapshot> Get() const { return current_.load(); }

  // Stores `snapshot` unless the cache already holds a newer version (two threads rebuilding
  // concurrently must not let the older one win).
  void Put(std::shared_ptr<const TemplateSnapshot> snapshot);

  // Drops the snapshot (called after template writes, so the next reader reloads at once).
  void Invalidate() { current_.store(nullptr); }

 private:
  SharedSlot<TemplateSnapshot> current_;
};

}  // namespace gatehouse::authz
