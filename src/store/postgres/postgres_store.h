// PostgresStore: the production backend (PRODUCT.md §4) — any number of stateless nodes share one
// PostgreSQL database. A bounded pool of libpq connections, each with its own prepared
// statements; Read runs in a REPEATABLE READ READ ONLY transaction (one consistent snapshot),
// Write in a SERIALIZABLE transaction that is retried on serialization failure or deadlock, so
// concurrent writes on several nodes behave as if they ran one after the other.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace gatehouse::store::postgres {

class PooledConnection;

struct PostgresOptions {
  int pool_size = 8;
  // How long a unit of work waits for a free connection before failing with Unavailable.
  std::chrono::milliseconds acquire_timeout{5000};
  // Attempts of a Write that keeps failing with serialization failures.
  int max_write_attempts = 10;
};

class PostgresStore final : public Store {
 public:
  // Connects one connection to `url` (postgresql://...) at once so a wrong URL fails at start-up
  // (Unavailable); the others connect on first use. Broken connections reconnect on next use.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                     const PostgresOptions& options = {});
  ~PostgresStore() override;

  // A database that cannot be reached → Unavailable (503), after at most the connect timeout.
  Result<void> Read(const std::function<Result<void>(Repos&)>& fn) override;
  // NOTE: `fn` may run more than once (serialization retries): it must only talk to `Repos` and
  // assign (not append to) what it hands back.
  Result<void> Write(const std::function<Result<void>(Repos&)>& fn) override;
  // Applies pending migrations in one transaction under an advisory lock, so nodes starting
  // together migrate once. Creates the schema named first in the URL's search_path if missing
  // (postgresql://.../db?options=-csearch_path%3Dtenant).
  Result<int> Migrate() override;

 private:
  PostgresStore(std::string url, const PostgresOptions& options);
  Result<PooledConnection*> Acquire();
  void Release(PooledConnection* c);
  Result<void> RunOnce(PooledConnection* c, const char* begin,
                       const std::function<Result<void>(Repos&)>& fn);

  std::string url_;
  PostgresOptions options_;
  std::vector<std::unique_ptr<PooledConnection>> all_;
  std::vector<PooledConnection*> free_;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace gatehouse::store::postgres
