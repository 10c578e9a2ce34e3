// Small SQL helpers shared by the organization repositories (internal to store/sqlite).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/entities.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite::org_sql {

// Lists of ids travel as one JSON array read by `json_each(?)`, so each query is one cached
// prepared statement whatever the list length.
inline std::string JsonArray(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

// Unicode simple lower-casing of UTF-8 text (bytes that are not UTF-8 are kept). Searches compare
// FoldCase(pattern) with gh_fold(column), so `q` ignores case beyond ASCII ("École" ~ "ÉCOLE").
std::string FoldCase(std::string_view s);

// Registers the SQL function gh_fold(text) = FoldCase(text) on the connection (idempotent).
void RegisterCaseFold(Connection& c);

// `q` → a case-folded LIKE pattern matching it as a substring, with LIKE's wildcards escaped
// (use `gh_fold(column) LIKE ? ESCAPE '\'`).
inline std::optional<std::string> LikePattern(const std::optional<std::string>& q) {
  if (!q) return std::nullopt;
  std::string out = "%";
  for (char c : FoldCase(*q)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// Resets the statement (ends its read) when the scope ends, whatever the path.
struct ResetOnExit {
  Statement& s;
  ~ResetOnExit() { s.Reset(); }
};

// Calls f(s) for every row.
template <typename F>
Result<void> ForEachRow(Statement& s, F&& f) {
  for (;;) {
    auto row = s.Step();
    if (!row) return Fail(row.error());
    if (!*row) return Ok();
    f(s);
  }
}

// LIMIT/OFFSET values of an optional page (LIMIT -1: no limit).
inline int64_t Limit(const std::optional<model::PageRequest>& p) { return p ? p->limit : -1; }
inline int64_t Offset(const std::optional<model::PageRequest>& p) { return p ? p->offset : 0; }

// Runs a write; returns the number of rows changed.
inline Result<int> Exec(Connection& c, std::string_view sql,
                        const std::function<void(Statement&)>& bind) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  bind(**st);
  return (*st)->Exec();
}

// Runs a query of one integer (COUNT(*), ...); 0 when there is no row.
inline Result<int64_t> QueryInt(Connection& c, std::string_view sql,
                                const std::function<void(Statement&)>& bind) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  bind(**st);
  auto row = (*st)->Step();
  if (!row) return Fail(row.error());
  return *row ? (*st)->Int(0) : 0;
}

// Runs a query and maps every row with at(statement, first column).
template <typename T>
Result<std::vector<T>> Select(Connection& c, std::string_view sql,
                              const std::function<void(Statement&)>& bind,
                              T (*at)(const Statement&, int)) {
  auto st = c.Prepare(sql);
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  bind(**st);
  std::vector<T> out;
  GH_TRY(ForEachRow(**st, [&](Statement& s) { out.push_back(at(s, 0)); }));
  return out;
}

// A JSON column; a value that does not parse (never written by us) reads as `fallback`.
inline nlohmann::json JsonColumn(const Statement& s, int col,
                                 nlohmann::json fallback = nlohmann::json::object()) {
  auto j = nlohmann::json::parse(s.Text(col), nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? fallback : j;
}

// Row mappers. The *_COLS strings list the columns each mapper reads, in order.
#define GH_ORG_SCOPE_COLS "s.id, s.name, s.description, s.created_at"
inline model::OrganizationScope ScopeAt(const Statement& s, int i) {
  return {s.Text(i), s.Text(i + 1), s.OptText(i + 2), s.Int(i + 3)};
}

#define GH_ORG_ROLE_COLS "r.id, r.name, r.description, r.type, r.created_at"
inline model::OrganizationRole RoleAt(const Statement& s, int i) {
  return {s.Text(i), s.Text(i + 1), s.OptText(i + 2),
          model::ParseRoleType(s.Text(i + 3)).value_or(model::RoleType::kUser), s.Int(i + 4)};
}

#define GH_ORG_COLS                                                                            \
  "o.id, o.name, o.description, o.custom_data, o.is_mfa_required, o.color, o.branding, " \
  "o.custom_css, o.created_at"
inline model::Organization OrgAt(const Statement& s, int i) {
  model::Organization o;
  o.id = s.Text(i);
  o.name = s.Text(i + 1);
  o.description = s.OptText(i + 2);
  o.custom_data = JsonColumn(s, i + 3);
  o.is_mfa_required = s.Int(i + 4) != 0;
  o.color = JsonColumn(s, i + 5);
  o.branding = JsonColumn(s, i + 6);
  o.custom_css = s.OptText(i + 7);
  o.created_at = s.Int(i + 8);
  return o;
}

}  // namespace gatehouse::store::sqlite::org_sql
