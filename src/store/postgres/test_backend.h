// TestBackend: a fresh, migrated store of either backend for the *_pgtest.cc contract tests.
// "sqlite": a temporary file. "postgres": a fresh schema (search_path) in the server named by
// GATEHOUSE_TEST_PG_DSN (scripts/pg-test-server.sh), dropped at the end; Available() is false
// when the variable is unset, and the test should GTEST_SKIP().
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "common/random.h"
#include "store/postgres/connection.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace gatehouse::store::testing {

class TestBackend {
 public:
  explicit TestBackend(const std::string& kind, int pool_size = 4) : kind_(kind) {
    SystemRandom random;
    std::string tag = random.Id(12);
    if (kind == "sqlite") {
      path_ = (std::filesystem::temp_directory_path() / ("gh-contract-" + tag + ".db")).string();
      store_ = std::make_unique<sqlite::SqliteStore>(path_, pool_size);
    } else {
      const char* dsn = std::getenv("GATEHOUSE_TEST_PG_DSN");
      if (dsn == nullptr || *dsn == '\0') return;
      dsn_ = dsn;
      schema_ = "ct_" + tag;
      url_ = dsn_ + (dsn_.find('?') == std::string::npos ? "?" : "&") +
             "options=-csearch_path%3D" + schema_;
      postgres::PostgresOptions options;
      options.pool_size = pool_size;
      auto s = postgres::PostgresStore::Open(url_, options);
      if (!s) std::abort();
      store_ = std::move(*s);
    }
    if (!store_->Migrate()) std::abort();
  }
  ~TestBackend() {
    store_.reset();
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    }
    if (!schema_.empty()) {
      postgres::Connection c(dsn_);
      (void)c.Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
  }
  TestBackend(const TestBackend&) = delete;
  TestBackend& operator=(const TestBackend&) = delete;

  bool Available() const { return store_ != nullptr; }
  Store& store() { return *store_; }
  // The database URL of a PostgreSQL backend (to open more stores on it: fleet tests).
  const std::string& url() const { return url_; }
  const std::string& kind() const { return kind_; }

 private:
  std::string kind_;
  std::string path_;
  std::string dsn_;
  std::string schema_;
  std::string url_;
  std::unique_ptr<Store> store_;
};

}  // namespace gatehouse::store::testing
