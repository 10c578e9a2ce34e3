#include "store/sqlite/sqlite_store.h"

#include <spdlog/spdlog.h>

#include "common/clock.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/repo_set.h"

namespace gatehouse::store::sqlite {

class PooledConnection {
 public:
  explicit PooledConnection(const std::string& path) : conn(path), repos(conn) {}
  Connection conn;
  RepoSet repos;
};

SqliteStore::SqliteStore(const std::string& path, int pool_size) {
  if (pool_size < 1) pool_size = 1;
  for (int i = 0; i < pool_size; ++i) {
    all_.push_back(std::make_unique<PooledConnection>(path));
    free_.push_back(all_.back().get());
  }
}

SqliteStore::~SqliteStore() = default;

PooledConnection* SqliteStore::Acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return !free_.empty(); });
  auto* c = free_.back();
  free_.pop_back();
  return c;
}

void SqliteStore::Release(PooledConnection* c) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(c);
  }
  cv_.notify_one();
}

namespace {

// Runs fn between BEGIN and COMMIT; ROLLBACK on error or exception.
Result<void> InTransaction(Connection& conn, const char* begin,
                           const std::function<Result<void>(Repos&)>& fn, Repos& repos) {
  GH_TRY(conn.ExecScript(begin));
  Result<void> r;
  try {
    r = fn(repos);
  } catch (...) {
    (void)conn.ExecScript("ROLLBACK");
    throw;
  }
  if (!r) {
    (void)conn.ExecScript("ROLLBACK");
    return r;
  }
  auto c = conn.ExecScript("COMMIT");
  if (!c) {
    (void)conn.ExecScript("ROLLBACK");
    return c;
  }
  return Ok();
}

}  // namespace

Result<void> SqliteStore::Read(const std::function<Result<void>(Repos&)>& fn) {
  auto* c = Acquire();
  struct Guard {
    SqliteStore* s;
    PooledConnection* c;
    ~Guard() { s->Release(c); }
  } guard{this, c};
  return InTransaction(c->conn, "BEGIN DEFERRED", fn, c->repos.repos);
}

Result<void> SqliteStore::Write(const std::function<Result<void>(Repos&)>& fn) {
  std::lock_guard write_lock(write_mu_);
  auto* c = Acquire();
  struct Guard {
    SqliteStore* s;
    PooledConnection* c;
    ~Guard() { s->Release(c); }
  } guard{this, c};
  return InTransaction(c->conn, "BEGIN IMMEDIATE", fn, c->repos.repos);
}

Result<int> SqliteStore::Migrate() {
  std::lock_guard write_lock(write_mu_);
  auto* c = Acquire();
  struct Guard {
    SqliteStore* s;
    PooledConnection* c;
    ~Guard() { s->Release(c); }
  } guard{this, c};
  auto& conn = c->conn;
  GH_TRY(conn.ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at INTEGER NOT NULL)"));
  int64_t current = 0;
  {
    auto st = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!st) return Fail(st.error());
    auto row = (*st)->Step();
    if (!row) return Fail(row.error());
    current = (*st)->Int(0);
    (*st)->Reset();
  }
  int applied = 0;
  SystemClock clock;
  for (const auto& m : Migrations()) {
    if (m.version <= current) continue;
    GH_TRY(conn.ExecScript("BEGIN IMMEDIATE"));
    auto r = conn.ExecScript(std::string(m.sql));
    if (r) {
      auto st = conn.Prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      if (!st) {
        r = Fail(st.error());
      } else {
        auto e = (*st)->Bind(1, m.version).Bind(2, m.name).Bind(3, clock.NowMillis()).Exec();
        if (!e) r = Fail(e.error());
      }
    }
    if (!r) {
      (void)conn.ExecScript("ROLLBACK");
      spdlog::error("migration {} ({}) failed", m.version, m.name);
      return Fail(r.error());
    }
    GH_TRY(conn.ExecScript("COMMIT"));
    spdlog::info("applied migration {} ({})", m.version, m.name);
    ++applied;
  }
  return applied;
}

}  // namespace gatehouse::store::sqlite
