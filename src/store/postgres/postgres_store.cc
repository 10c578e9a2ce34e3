#include "store/postgres/postgres_store.h"

#include <spdlog/spdlog.h>

#include <random>
#include <thread>

#include "common/clock.h"
#include "store/postgres/migrations.h"
#include "store/postgres/repo_set.h"

namespace gatehouse::store::postgres {

class PooledConnection {
 public:
  explicit PooledConnection(const std::string& url) : conn(url), repos(conn) {}
  Connection conn;
  RepoSet repos;
};

namespace {

// Releases a pooled connection at scope exit.
template <typename F>
struct Finally {
  F f;
  ~Finally() { f(); }
};
template <typename F>
Finally(F) -> Finally<F>;

// pg_advisory_xact_lock key of Migrate ("gatehous" as a 64-bit number).
constexpr int64_t kMigrationLock = 0x67617465686f7573;

}  // namespace

PostgresStore::PostgresStore(std::string url, const PostgresOptions& options)
    : url_(std::move(url)), options_(options) {}

PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           const PostgresOptions& options) {
  std::unique_ptr<PostgresStore> s(new PostgresStore(url, options));
  int n = options.pool_size < 1 ? 1 : options.pool_size;
  for (int i = 0; i < n; ++i) {
    // Only the first connects now; the rest are created unconnected and connect lazily.
    s->all_.push_back(std::make_unique<PooledConnection>(i == 0 ? url : std::string()));
    s->free_.push_back(s->all_.back().get());
  }
  if (!s->all_[0]->conn.ok()) {
    return Fail(Error::Unavailable("cannot connect to PostgreSQL: " + s->all_[0]->conn.ErrorMessage()));
  }
  return s;
}

Result<PooledConnection*> PostgresStore::Acquire() {
  PooledConnection* c = nullptr;
  {
    std::unique_lock lock(mu_);
    if (!cv_.wait_for(lock, options_.acquire_timeout, [this] { return !free_.empty(); })) {
      return Fail(Error::Unavailable("no database connection is free"));
    }
    c = free_.back();
    free_.pop_back();
  }
  if (!c->conn.ok()) {
    c->conn.SetUrl(url_);
    if (!c->conn.Reconnect()) {
      Release(c);
      return Fail(Error::Unavailable("The database cannot be reached."));
    }
  }
  return c;
}

void PostgresStore::Release(PooledConnection* c) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(c);
  }
  cv_.notify_one();
}

Result<void> PostgresStore::RunOnce(PooledConnection* c, const char* begin,
                                    const std::function<Result<void>(Repos&)>& fn) {
  auto& conn = c->conn;
  conn.set_lost_at_begin(false);
  if (auto b = conn.Exec(begin); !b) {
    conn.set_lost_at_begin(!conn.ok());
    return b;
  }
  Result<void> r;
  try {
    r = fn(c->repos.repos);
  } catch (...) {
    (void)conn.Exec("ROLLBACK");
    throw;
  }
  if (!r) {
    (void)conn.Exec("ROLLBACK");
    return r;
  }
  auto commit = conn.Exec("COMMIT");
  if (!commit) (void)conn.Exec("ROLLBACK");
  return commit;
}

Result<void> PostgresStore::Read(const std::function<Result<void>(Repos&)>& fn) {
  // A pooled connection the server dropped (restart, idle timeout) is only discovered when used:
  // then the unit of work runs once more on a fresh connection (a read is always safe to redo).
  for (int attempt = 1;; ++attempt) {
    auto c = Acquire();
    if (!c) return Fail(c.error());
    Finally release{[&] { Release(*c); }};
    auto r = RunOnce(*c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
    if (r || attempt >= 2 || (*c)->conn.ok()) return r;
  }
}

Result<void> PostgresStore::Write(const std::function<Result<void>(Repos&)>& fn) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  for (int attempt = 1;; ++attempt) {
    Result<void> r;
    {
      auto c = Acquire();
      if (!c) return Fail(c.error());
      Finally release{[&] { Release(*c); }};
      r = RunOnce(*c, "BEGIN ISOLATION LEVEL SERIALIZABLE", fn);
      // A connection found dead at BEGIN (dropped while idle in the pool) ran nothing: redo it
      // once on a fresh one. A connection lost later may have committed (COMMIT sent, answer
      // lost), so that is reported as Unavailable, never replayed.
      if (!r && attempt == 1 && !(*c)->conn.ok() && (*c)->conn.lost_at_begin()) {
        continue;
      }
    }
    if (r || !IsRetryable(r.error()) || attempt >= options_.max_write_attempts) return r;
    // Jittered backoff so the transactions that collided do not collide again.
    std::uniform_int_distribution<int> jitter(0, 2000 * attempt);
    std::this_thread::sleep_for(std::chrono::microseconds(jitter(rng)));
  }
}

Result<int> PostgresStore::Migrate() {
  auto c = Acquire();
  if (!c) return Fail(c.error());
  Finally release{[&] { Release(*c); }};
  auto& conn = (*c)->conn;
  GH_TRY(conn.Exec("BEGIN"));
  auto fail = [&](Error e) -> Result<int> {
    (void)conn.Exec("ROLLBACK");
    return Fail(std::move(e));
  };
  if (auto r = conn.Query("SELECT pg_advisory_xact_lock($1::bigint)", Params().Add(kMigrationLock)); !r) {
    return fail(r.error());
  }
  // A search_path naming a schema that does not exist yet: create it (per-tenant or per-test
  // schemas). current_schema() is NULL exactly then.
  auto cur = conn.Query("SELECT current_schema() IS NULL, current_setting('search_path')");
  if (!cur) return fail(cur.error());
  if (cur->Bool(0, 0)) {
    std::string first = cur->Text(0, 1).substr(0, cur->Text(0, 1).find(','));
    while (!first.empty() && first.front() == ' ') first.erase(0, 1);
    while (!first.empty() && first.back() == ' ') first.pop_back();
    if (first.size() >= 2 && first.front() == '"') first = first.substr(1, first.size() - 2);
    if (!first.empty() && first != "$user") {
      char* ident = PQescapeIdentifier(conn.raw(), first.c_str(), first.size());
      std::string sql = std::string("CREATE SCHEMA IF NOT EXISTS ") + (ident ? ident : "\"\"");
      PQfreemem(ident);
      if (auto r = conn.Exec(sql); !r) return fail(r.error());
    }
  }
  if (auto r = conn.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                         "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      !r) {
    return fail(r.error());
  }
  auto v = conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!v) return fail(v.error());
  int64_t current = v->Int(0, 0);
  int applied = 0;
  SystemClock clock;
  for (const auto& m : Migrations()) {
    if (m.version <= current) continue;
    if (auto r = conn.Exec(std::string(m.sql)); !r) {
      spdlog::error("migration {} ({}) failed", m.version, m.name);
      return fail(r.error());
    }
    auto ins = conn.Query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                          Params().Add(m.version).Add(m.name).Add(clock.NowMillis()));
    if (!ins) return fail(ins.error());
    spdlog::info("applied migration {} ({})", m.version, m.name);
    ++applied;
  }
  GH_TRY(conn.Exec("COMMIT"));
  return applied;
}

}  // namespace gatehouse::store::postgres
