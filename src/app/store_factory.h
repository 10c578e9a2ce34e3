// Chooses the storage backend from GATEHOUSE_DATABASE_URL.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "store/change_feed.h"
#include "store/store.h"

namespace gatehouse::app {

// "sqlite:<path>" → SqliteStore (the parent directory is created); "postgresql://..." (or
// "postgres://") → PostgresStore (when built with GATEHOUSE_WITH_POSTGRES). Anything else →
// InvalidInput. Errors opening the database → Unavailable.
Result<std::unique_ptr<store::Store>> OpenStore(const std::string& database_url, int pool_size);

// The fleet's change feed for the same URL: LISTEN/NOTIFY for postgresql:// (a background
// thread; reconnects by itself), a feed that never fires for sqlite: (a single writer).
std::unique_ptr<store::ChangeFeed> OpenChangeFeed(const std::string& database_url);

}  // namespace gatehouse::app
