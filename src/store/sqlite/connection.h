// SQLite adapter: one connection with a cache of prepared statements, and the translation of
// SQLite result codes into Error. Only store/sqlite/ includes this.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"

namespace gatehouse::store::sqlite {

class Connection;

// A prepared statement, reset and unbound each time it is taken from the cache. Bind indexes
// are 1-based as in SQLite.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, bool v) { return Bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Statement& BindNull(int i);
  Statement& Bind(int i, const std::optional<std::string>& v) {
    return v ? Bind(i, std::string_view(*v)) : BindNull(i);
  }
  Statement& Bind(int i, const std::optional<int64_t>& v) { return v ? Bind(i, *v) : BindNull(i); }

  // Steps once. true: a row is available; false: done. Errors are mapped (unique → Conflict,
  // foreign key → ForeignKey, busy → Unavailable, else Internal).
  Result<bool> Step();
  // Steps to completion (for writes). Returns the number of rows changed.
  Result<int> Exec();

  bool IsNull(int col) const;
  std::string Text(int col) const;
  std::optional<std::string> OptText(int col) const;
  int64_t Int(int col) const;
  std::optional<int64_t> OptInt(int col) const;

  void Reset();

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens `path` with WAL, foreign keys, a busy timeout and synchronous=NORMAL... FULL (no
  // acknowledged write lost on power loss is PRODUCT.md §6's promise; WAL+FULL keeps it).
  // Throws std::runtime_error on failure (start-up only).
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A cached prepared statement, reset. REQUIRES: `sql` is one statement. The reference stays
  // valid until the next Prepare of the same SQL on this connection.
  Result<Statement*> Prepare(std::string_view sql);
  // Runs one or more statements without results (DDL, BEGIN/COMMIT).
  Result<void> ExecScript(const std::string& sql);

  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// Maps a SQLite result code to an Error (used by Statement and by callers with raw codes).
Error MapSqliteError(sqlite3* db, int rc);

}  // namespace gatehouse::store::sqlite
