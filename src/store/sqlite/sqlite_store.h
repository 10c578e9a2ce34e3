// SqliteStore: the embedded default backend. A small pool of connections (readers run in
// parallel under WAL); writes are serialised by one mutex and run in BEGIN IMMEDIATE
// transactions, so a write never fails half-way with SQLITE_BUSY from another node-local writer.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace gatehouse::store::sqlite {

class PooledConnection;

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) the database file at `path`. `pool_size` connections.
  // Throws std::runtime_error when the file cannot be opened (start-up).
  explicit SqliteStore(const std::string& path, int pool_size = 4);
  ~SqliteStore() override;

  Result<void> Read(const std::function<Result<void>(Repos&)>& fn) override;
  Result<void> Write(const std::function<Result<void>(Repos&)>& fn) override;
  Result<int> Migrate() override;

 private:
  PooledConnection* Acquire();
  void Release(PooledConnection* c);

  std::vector<std::unique_ptr<PooledConnection>> all_;
  std::vector<PooledConnection*> free_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::mutex write_mu_;
};

}  // namespace gatehouse::store::sqlite
