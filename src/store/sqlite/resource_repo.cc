#include "store/sqlite/resource_repo.h"

#include "store/sqlite/rows.h"

namespace gatehouse::store::sqlite {
namespace {

constexpr std::string_view kCols =
    "r.id, r.name, r.indicator, r.access_token_ttl, r.is_built_in, r.created_at";
constexpr std::string_view kScopeCols = "s.id, s.resource_id, s.name, s.description, s.created_at";

model::Resource ResourceAt(Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4) != 0, s.Int(5)};
}

model::Scope ScopeAt(Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.OptText(3), s.Int(4)};
}

std::string Sql(std::string_view head, std::string_view cols, std::string_view tail) {
  return std::string(head).append(cols).append(tail);
}

}  // namespace

SqliteResourceRepo::SqliteResourceRepo(Connection& c) : c_(c) { org_sql::RegisterCaseFold(c); }

Result<void> SqliteResourceRepo::Insert(const model::Resource& r) {
  auto n = rows::Exec(c_,
                      "INSERT INTO resources (id, name, indicator, access_token_ttl, is_built_in, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                      [&](Statement& s) {
                        s.Bind(1, r.id)
                            .Bind(2, r.name)
                            .Bind(3, r.indicator)
                            .Bind(4, r.access_token_ttl)
                            .Bind(5, r.is_built_in)
                            .Bind(6, r.created_at);
                      });
  if (!n) return Fail(n.error());
  return Ok();
}

Result<void> SqliteResourceRepo::Update(const model::Resource& r) {
  auto n = rows::Exec(c_,
                      "UPDATE resources SET name = ?, indicator = ?, access_token_ttl = ?, "
                      "is_built_in = ?, created_at = ? WHERE id = ?",
                      [&](Statement& s) {
                        s.Bind(1, r.name)
                            .Bind(2, r.indicator)
                            .Bind(3, r.access_token_ttl)
                            .Bind(4, r.is_built_in)
                            .Bind(5, r.created_at)
                            .Bind(6, r.id);
                      });
  if (!n) return Fail(n.error());
  if (*n == 0) return Fail(Error::NotFound("Resource not found."));
  return Ok();
}

Result<std::optional<model::Resource>> SqliteResourceRepo::Find(const std::string& id) {
  return rows::SelectOne<model::Resource>(
      c_, Sql("SELECT ", kCols, " FROM resources r WHERE r.id = ?"),
      [&](Statement& s) { s.Bind(1, id); }, ResourceAt);
}

Result<std::optional<model::Resource>> SqliteResourceRepo::FindByIndicator(
    const std::string& indicator) {
  return rows::SelectOne<model::Resource>(
      c_, Sql("SELECT ", kCols, " FROM resources r WHERE r.indicator = ?"),
      [&](Statement& s) { s.Bind(1, indicator); }, ResourceAt);
}

Result<model::Page<model::Resource>> SqliteResourceRepo::List(
    const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  constexpr std::string_view kWhere =
      " FROM resources r WHERE (?1 IS NULL OR gh_fold(r.name) LIKE ?1 ESCAPE '\\' "
      "OR gh_fold(r.indicator) LIKE ?1 ESCAPE '\\')";
  auto like = rows::LikePattern(q);
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kWhere),
                               [&](Statement& s) { s.Bind(1, like); });
  if (!total) return Fail(total.error());
  auto items = rows::Select<model::Resource>(
      c_,
      Sql("SELECT ", kCols,
          std::string(kWhere).append(" ORDER BY r.created_at, r.id LIMIT ?2 OFFSET ?3")),
      [&](Statement& s) { s.Bind(1, like).Bind(2, rows::Limit(page)).Bind(3, rows::Offset(page)); },
      ResourceAt);
  if (!items) return Fail(items.error());
  return model::Page<model::Resource>{std::move(*items), *total};
}

Result<bool> SqliteResourceRepo::Delete(const std::string& id) {
  // Scopes cascade, and with them every role's grant of them.
  auto n =
      rows::Exec(c_, "DELETE FROM resources WHERE id = ?", [&](Statement& s) { s.Bind(1, id); });
  if (!n) return Fail(n.error());
  return *n > 0;
}

Result<void> SqliteResourceRepo::InsertScope(const model::Scope& sc) {
  auto n = rows::Exec(c_,
                      "INSERT INTO scopes (id, resource_id, name, description, created_at) "
                      "VALUES (?, ?, ?, ?, ?)",
                      [&](Statement& s) {
                        s.Bind(1, sc.id)
                            .Bind(2, sc.resource_id)
                            .Bind(3, sc.name)
                            .Bind(4, sc.description)
                            .Bind(5, sc.created_at);
                      });
  if (!n) return Fail(n.error());
  return Ok();
}

Result<void> SqliteResourceRepo::UpdateScope(const model::Scope& sc) {
  auto n =
      rows::Exec(c_,
                 "UPDATE scopes SET resource_id = ?, name = ?, description = ?, created_at = ? "
                 "WHERE id = ?",
                 [&](Statement& s) {
                   s.Bind(1, sc.resource_id)
                       .Bind(2, sc.name)
                       .Bind(3, sc.description)
                       .Bind(4, sc.created_at)
                       .Bind(5, sc.id);
                 });
  if (!n) return Fail(n.error());
  if (*n == 0) return Fail(Error::NotFound("Scope not found."));
  return Ok();
}

Result<std::optional<model::Scope>> SqliteResourceRepo::FindScope(const std::string& scope_id) {
  return rows::SelectOne<model::Scope>(
      c_, Sql("SELECT ", kScopeCols, " FROM scopes s WHERE s.id = ?"),
      [&](Statement& s) { s.Bind(1, scope_id); }, ScopeAt);
}

Result<model::Page<model::Scope>> SqliteResourceRepo::ListScopes(
    const std::string& resource_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  constexpr std::string_view kWhere =
      " FROM scopes s WHERE s.resource_id = ?1 AND (?2 IS NULL OR gh_fold(s.name) LIKE ?2 ESCAPE "
      "'\\' "
      "OR gh_fold(s.description) LIKE ?2 ESCAPE '\\')";
  auto like = rows::LikePattern(q);
  auto total = rows::SelectInt(c_, std::string("SELECT COUNT(*)").append(kWhere),
                               [&](Statement& s) { s.Bind(1, resource_id).Bind(2, like); });
  if (!total) return Fail(total.error());
  auto items = rows::Select<model::Scope>(
      c_,
      Sql("SELECT ", kScopeCols,
          std::string(kWhere).append(" ORDER BY s.created_at, s.id LIMIT ?3 OFFSET ?4")),
      [&](Statement& s) {
        s.Bind(1, resource_id).Bind(2, like).Bind(3, rows::Limit(page)).Bind(4, rows::Offset(page));
      },
      ScopeAt);
  if (!items) return Fail(items.error());
  return model::Page<model::Scope>{std::move(*items), *total};
}

Result<bool> SqliteResourceRepo::DeleteScope(const std::string& scope_id) {
  auto n =
      rows::Exec(c_, "DELETE FROM scopes WHERE id = ?", [&](Statement& s) { s.Bind(1, scope_id); });
  if (!n) return Fail(n.error());
  return *n > 0;
}

Result<std::vector<model::Scope>> SqliteResourceRepo::FindScopes(
    const std::vector<std::string>& ids) {
  return rows::Select<model::Scope>(
      c_,
      Sql("SELECT ", kScopeCols,
          " FROM scopes s WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.name, s.id"),
      [&](Statement& s) { s.Bind(1, rows::JsonArray(ids)); }, ScopeAt);
}

}  // namespace gatehouse::store::sqlite
