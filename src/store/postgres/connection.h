// PostgreSQL adapter on libpq: one connection with a cache of server-side prepared statements,
// query parameters, results, and the translation of SQLSTATEs into Error. Only store/postgres/
// includes this.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"

namespace gatehouse::store::postgres {

// Query parameters, all sent as text ($1 is the first Add). Arrays go as array literals, e.g.
// `id = ANY($1::text[])`.
class Params {
 public:
  Params& Add(std::string_view v) { v_.emplace_back(std::string(v)); return *this; }
  Params& Add(const char* v) { return Add(std::string_view(v)); }
  Params& Add(const std::string& v) { return Add(std::string_view(v)); }
  Params& Add(int64_t v) { v_.emplace_back(std::to_string(v)); return *this; }
  Params& Add(int v) { return Add(static_cast<int64_t>(v)); }
  Params& Add(bool v) { v_.emplace_back(v ? "t" : "f"); return *this; }
  Params& Add(const std::optional<std::string>& v) { v_.push_back(v); return *this; }
  Params& Add(const std::optional<int64_t>& v) {
    v_.push_back(v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt);
    return *this;
  }
  Params& AddNull() { v_.emplace_back(std::nullopt); return *this; }
  // A text[] literal: {"a","b"} with " and \ escaped.
  Params& AddArray(const std::vector<std::string>& items);

  const std::vector<std::optional<std::string>>& values() const { return v_; }

 private:
  std::vector<std::optional<std::string>> v_;
};

// An owned PGresult (text format). Row and column indexes are 0-based.
class Rows {
 public:
  explicit Rows(PGresult* r) : r_(r, &PQclear) {}
  int size() const { return PQntuples(r_.get()); }
  bool empty() const { return size() == 0; }
  bool IsNull(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string Text(int row, int col) const {
    return std::string(PQgetvalue(r_.get(), row, col),
                       static_cast<size_t>(PQgetlength(r_.get(), row, col)));
  }
  std::optional<std::string> OptText(int row, int col) const {
    if (IsNull(row, col)) return std::nullopt;
    return Text(row, col);
  }
  int64_t Int(int row, int col) const;
  std::optional<int64_t> OptInt(int row, int col) const {
    if (IsNull(row, col)) return std::nullopt;
    return Int(row, col);
  }
  bool Bool(int row, int col) const { return PQgetvalue(r_.get(), row, col)[0] == 't'; }
  // Rows changed by an INSERT/UPDATE/DELETE.
  int Affected() const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

// Whether an error is a serialization failure or deadlock (the transaction may be retried).
bool IsRetryable(const Error& e);

class Connection {
 public:
  // Connects to `url` (postgresql://...); an empty url leaves it unconnected until
  // SetUrl + Reconnect. Never throws; check ok().
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool ok() const { return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK; }
  // Re-establishes a broken connection (prepared statements are recreated on demand).
  bool Reconnect();
  void SetUrl(const std::string& url) { url_ = url; }
  std::string ErrorMessage() const;

  // Runs `sql` (one statement, $n placeholders) as a cached prepared statement.
  // Errors: unique → Conflict (message names the constraint), foreign key → ForeignKey,
  // check / not null → Constraint, serialization failure / deadlock → Unavailable with code
  // "storage.retry" (IsRetryable), connection lost → Unavailable, else Internal.
  Result<Rows> Query(std::string_view sql, const Params& params = {});
  // Runs statements without parameters or results (DDL, BEGIN/COMMIT), unprepared.
  Result<void> Exec(const std::string& sql);

  // The constraint named by the last failed Query ("users_username_key"), or "".
  const std::string& last_constraint() const { return last_constraint_; }
  PGconn* raw() { return conn_; }
  // Whether the last unit of work found the connection dead at BEGIN (nothing ran: safe to redo).
  bool lost_at_begin() const { return lost_at_begin_; }
  void set_lost_at_begin(bool v) { lost_at_begin_ = v; }

 private:
  Result<Rows> Check(PGresult* r);

  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // sql → statement name
  int next_id_ = 0;
  std::string last_constraint_;
  bool lost_at_begin_ = false;
};

}  // namespace gatehouse::store::postgres
