#include "store/postgres/resource_repo.h"

#include "store/postgres/rows.h"

namespace gatehouse::store::postgres {
namespace {

constexpr const char* kSelect = "SELECT " GH_RESOURCE_COLUMNS("r.") " FROM resources r ";
constexpr const char* kSelectScope = "SELECT " GH_SCOPE_COLUMNS("s.") " FROM scopes s ";
model::Resource Res(const Rows& r, int i) { return ReadResource(r, i); }
model::Scope Sc(const Rows& r, int i) { return ReadScope(r, i); }

}  // namespace

Result<void> PgResourceRepo::Insert(const model::Resource& r) {
  return Done(c_.Query("INSERT INTO resources (id, name, indicator, access_token_ttl, is_built_in, "
                       "created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                       Params().Add(r.id).Add(r.name).Add(r.indicator).Add(r.access_token_ttl)
                           .Add(r.is_built_in).Add(r.created_at)));
}

Result<void> PgResourceRepo::Update(const model::Resource& r) {
  auto n = c_.Query("UPDATE resources SET name = $2, indicator = $3, access_token_ttl = $4, "
                    "is_built_in = $5, created_at = $6 WHERE id = $1",
                    Params().Add(r.id).Add(r.name).Add(r.indicator).Add(r.access_token_ttl)
                        .Add(r.is_built_in).Add(r.created_at));
  if (!n) return Fail(n.error());
  if (n->Affected() == 0) return Fail(Error::NotFound("Resource not found."));
  return Ok();
}

Result<std::optional<model::Resource>> PgResourceRepo::Find(const std::string& id) {
  return First(c_.Query(std::string(kSelect) + "WHERE r.id = $1", Params().Add(id)), Res);
}

Result<std::optional<model::Resource>> PgResourceRepo::FindByIndicator(const std::string& indicator) {
  return First(c_.Query(std::string(kSelect) + "WHERE r.indicator = $1", Params().Add(indicator)), Res);
}

Result<model::Page<model::Resource>> PgResourceRepo::List(const std::optional<std::string>& q,
                                                          const std::optional<model::PageRequest>& page) {
  const std::string where = "WHERE ($1::text IS NULL OR r.name COLLATE \"und-x-icu\" ILIKE $1 OR r.indicator COLLATE \"und-x-icu\" ILIKE $1) ";
  Params p;
  p.Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) FROM resources r " + where, p));
  if (!total) return Fail(total.error());
  auto items = Collect(
      c_.Query(kSelect + where + "ORDER BY r.created_at, r.id LIMIT $2 OFFSET $3", AddPage(p, page)), Res);
  if (!items) return Fail(items.error());
  return model::Page<model::Resource>{std::move(*items), *total};
}

Result<bool> PgResourceRepo::Delete(const std::string& id) {
  // Scopes cascade, and with them every role's grant of them.
  return Changed(c_.Query("DELETE FROM resources WHERE id = $1", Params().Add(id)));
}

Result<void> PgResourceRepo::InsertScope(const model::Scope& s) {
  return Done(c_.Query("INSERT INTO scopes (id, resource_id, name, description, created_at) "
                       "VALUES ($1, $2, $3, $4, $5)",
                       Params().Add(s.id).Add(s.resource_id).Add(s.name).Add(s.description).Add(s.created_at)));
}

Result<void> PgResourceRepo::UpdateScope(const model::Scope& s) {
  auto n = c_.Query("UPDATE scopes SET resource_id = $2, name = $3, description = $4, created_at = $5 "
                    "WHERE id = $1",
                    Params().Add(s.id).Add(s.resource_id).Add(s.name).Add(s.description).Add(s.created_at));
  if (!n) return Fail(n.error());
  if (n->Affected() == 0) return Fail(Error::NotFound("Scope not found."));
  return Ok();
}

Result<std::optional<model::Scope>> PgResourceRepo::FindScope(const std::string& scope_id) {
  return First(c_.Query(std::string(kSelectScope) + "WHERE s.id = $1", Params().Add(scope_id)), Sc);
}

Result<model::Page<model::Scope>> PgResourceRepo::ListScopes(const std::string& resource_id,
                                                             const std::optional<std::string>& q,
                                                             const std::optional<model::PageRequest>& page) {
  const std::string where =
      "WHERE s.resource_id = $1 AND ($2::text IS NULL OR s.name COLLATE \"und-x-icu\" ILIKE $2 OR s.description COLLATE \"und-x-icu\" ILIKE $2) ";
  Params p;
  p.Add(resource_id).Add(LikePattern(q));
  auto total = Count(c_.Query("SELECT COUNT(*) FROM scopes s " + where, p));
  if (!total) return Fail(total.error());
  auto items = Collect(
      c_.Query(kSelectScope + where + "ORDER BY s.created_at, s.id LIMIT $3 OFFSET $4", AddPage(p, page)), Sc);
  if (!items) return Fail(items.error());
  return model::Page<model::Scope>{std::move(*items), *total};
}

Result<bool> PgResourceRepo::DeleteScope(const std::string& scope_id) {
  return Changed(c_.Query("DELETE FROM scopes WHERE id = $1", Params().Add(scope_id)));
}

Result<std::vector<model::Scope>> PgResourceRepo::FindScopes(const std::vector<std::string>& ids) {
  return Collect(c_.Query(std::string(kSelectScope) + "WHERE s.id = ANY($1::text[]) ORDER BY s.name, s.id",
                          Params().AddArray(ids)),
                 Sc);
}

}  // namespace gatehouse::store::postgres
