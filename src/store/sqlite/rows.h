// Small helpers shared by the SQLite repositories: running a cached statement, reading rows,
// id lists as JSON arrays (`json_each(?)`: one cached statement whatever the list length), LIKE
// patterns for `q` search, and JSON-valued columns.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/entities.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/organization_sql.h"

namespace gatehouse::store::sqlite::rows {

using sqlite::Statement;

// `values` as a JSON array text, to bind to `json_each(?)`.
inline std::string JsonArray(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

// `q` → a case-folded LIKE pattern matching it as a substring, with LIKE's wildcards (`%`, `_`)
// and the escape character itself escaped. Use as `gh_fold(column) LIKE ? ESCAPE '\'` (gh_fold:
// org_sql::RegisterCaseFold), so search ignores case beyond ASCII.
inline std::optional<std::string> LikePattern(const std::optional<std::string>& q) {
  if (!q) return std::nullopt;
  std::string out = "%";
  for (char c : org_sql::FoldCase(*q)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// A JSON-valued column; a value that does not parse (never written by us) reads as `fallback`.
inline nlohmann::json ParseJson(const std::string& text,
                                nlohmann::json fallback = nlohmann::json::object()) {
  auto v = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return v.is_discarded() ? fallback : v;
}

// LIMIT/OFFSET values of an optional page (LIMIT -1: no limit).
inline int64_t Limit(const std::optional<model::PageRequest>& p) { return p ? p->limit : -1; }
inline int64_t Offset(const std::optional<model::PageRequest>& p) { return p ? p->offset : 0; }

// Resets the statement (ends its read and clears bindings) when the scope ends.
struct ResetOnExit {
  Statement& s;
  ~ResetOnExit() { s.Reset(); }
};

using Binder = std::function<void(Statement&)>;

// Runs a write statement; returns the number of rows changed.
inline Result<int> Exec(Connection& c, std::string_view sql, const Binder& bind) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  bind(**st);
  return (*st)->Exec();
}

// Runs a query and maps every row with `at`.
template <typename T, typename RowFn>
Result<std::vector<T>> Select(Connection& c, std::string_view sql, const Binder& bind, RowFn at) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  bind(**st);
  std::vector<T> out;
  for (;;) {
    auto row = (*st)->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back(at(**st));
  }
  return out;
}

// The first row mapped with `at`, or nullopt.
template <typename T, typename RowFn>
Result<std::optional<T>> SelectOne(Connection& c, std::string_view sql, const Binder& bind,
                                   RowFn at) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  bind(**st);
  auto row = (*st)->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<T>{};
  return std::optional<T>(at(**st));
}

// The integer in the first column of the first row (0 if no row): COUNT(*), EXISTS(...).
inline Result<int64_t> SelectInt(Connection& c, std::string_view sql, const Binder& bind) {
  auto v = SelectOne<int64_t>(c, sql, bind, [](Statement& s) { return s.Int(0); });
  if (!v) return Fail(v.error());
  return v->value_or(0);
}

}  // namespace gatehouse::store::sqlite::rows
