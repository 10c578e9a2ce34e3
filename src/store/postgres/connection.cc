#include "store/postgres/connection.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <cstring>

namespace gatehouse::store::postgres {
namespace {

constexpr const char* kRetryCode = "storage.retry";

// PostgreSQL text cannot hold NUL and must be valid UTF-8 (the database encoding), where SQLite
// stores any bytes; such a value can match nothing and is refused as bad input (400), never a 500.
bool IsStorableText(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c == 0) return false;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0 || end - p <= n || c == 0xC0 || c == 0xC1 || c > 0xF4) return false;
    uint32_t cp = c & (0x3F >> n);
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    // Overlong forms and UTF-16 surrogates are not UTF-8 (RFC 3629 §3).
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    p += n + 1;
  }
  return true;
}

// SQLSTATE classes and codes: PostgreSQL manual, Appendix A.
Error MapSqlState(const char* state, const char* message, bool connection_lost) {
  std::string_view s = state ? state : "";
  if (s == "23505") return Error::Conflict("The value is already in use.");
  if (s == "23503") return Error::ForeignKey("A referenced entity does not exist.");
  if (s == "23514" || s == "23502") return Error::Constraint("A database constraint was violated.");
  if (s == "22021" || s == "22P05") return Error::InvalidInput("Text must be valid UTF-8 without NUL characters.");
  if (s == "40001" || s == "40P01") {
    Error e = Error::Unavailable("The database is busy; try again.");
    e.code = kRetryCode;
    return e;
  }
  if (connection_lost || s.starts_with("08") || s.starts_with("57P") || s == "53300") {
    spdlog::warn("postgres unavailable ({}): {}", s, message ? message : "");
    return Error::Unavailable("The database cannot be reached.");
  }
  spdlog::error("postgres error {}: {}", s, message ? message : "");
  return Error::Internal("database error");
}

}  // namespace

bool IsRetryable(const Error& e) { return e.kind == ErrorKind::kUnavailable && e.code == kRetryCode; }

Params& Params::AddArray(const std::vector<std::string>& items) {
  std::string lit = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) lit += ',';
    lit += '"';
    for (char ch : items[i]) {
      if (ch == '"' || ch == '\\') lit += '\\';
      lit += ch;
    }
    lit += '"';
  }
  lit += '}';
  v_.emplace_back(std::move(lit));
  return *this;
}

int64_t Rows::Int(int row, int col) const {
  return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10);
}

int Rows::Affected() const {
  const char* n = PQcmdTuples(r_.get());
  return n && *n ? std::atoi(n) : 0;
}

Connection::Connection(const std::string& url) : url_(url) {
  if (!url_.empty()) Reconnect();
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

bool Connection::Reconnect() {
  if (conn_) PQfinish(conn_);
  prepared_.clear();
  // Defaults first: the URL's own settings (expanded from dbname) override them. Keepalives
  // and tcp_user_timeout turn a silent network partition into an error instead of a hang.
  const char* keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "tcp_user_timeout", "application_name",
                        "dbname", nullptr};
  const char* values[] = {"3", "10", "3", "3", "15000", "gatehouse", url_.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn_) != CONNECTION_OK) {
    spdlog::warn("postgres: cannot connect: {}", ErrorMessage());
    return false;
  }
  // NOTICEs ("relation ... already exists, skipping") go to the debug log, not stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char* m) { spdlog::debug("postgres: {}", m); }, nullptr);
  return true;
}

std::string Connection::ErrorMessage() const {
  if (!conn_) return "no connection";
  std::string m = PQerrorMessage(conn_);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

Result<Rows> Connection::Check(PGresult* r) {
  last_constraint_.clear();
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Rows(r);
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  const char* constraint = r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : nullptr;
  if (constraint) last_constraint_ = constraint;
  std::string msg = r ? PQresultErrorMessage(r) : ErrorMessage();
  bool lost = PQstatus(conn_) != CONNECTION_OK;
  if (r) PQclear(r);
  return Fail(MapSqlState(state, msg.c_str(), lost));
}

Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  if (!ok()) return Fail(Error::Unavailable("The database cannot be reached."));
  std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    std::string name = "gh" + std::to_string(next_id_++);
    auto prep = Check(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr));
    if (!prep) return Fail(prep.error());
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  const auto& vals = params.values();
  for (const auto& v : vals) {
    if (v && !IsStorableText(*v)) {
      return Fail(Error::InvalidInput("Text must be valid UTF-8 without NUL characters."));
    }
  }
  std::vector<const char*> ptrs(vals.size());
  for (size_t i = 0; i < vals.size(); ++i) ptrs[i] = vals[i] ? vals[i]->c_str() : nullptr;
  return Check(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(ptrs.size()),
                              ptrs.data(), nullptr, nullptr, 0));
}

Result<void> Connection::Exec(const std::string& sql) {
  if (!ok()) return Fail(Error::Unavailable("The database cannot be reached."));
  auto r = Check(PQexec(conn_, sql.c_str()));
  if (!r) return Fail(r.error());
  return Ok();
}

}  // namespace gatehouse::store::postgres
