// TestDb: a migrated SQLite store in a fresh temporary file, removed at the end of the test.
// For repository and service unit tests only.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace gatehouse::store::sqlite {

class TestDb {
 public:
  TestDb() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "gatehouse-test-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    path_ = dir_ + "/test.db";
    store_ = std::make_unique<SqliteStore>(path_, 2);
    auto m = store_->Migrate();
    if (!m) std::abort();
  }
  ~TestDb() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  SqliteStore& store() { return *store_; }
  const std::string& path() const { return path_; }

 private:
  std::string dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

}  // namespace gatehouse::store::sqlite
