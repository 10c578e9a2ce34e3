// Column lists and row decoders shared by the PostgreSQL repositories: each kXxxColumns selects
// the columns ReadXxx decodes, in order, starting at column `c`.
#pragma once

#include <optional>
#include <string>

#include "model/entities.h"
#include "store/postgres/connection.h"

namespace gatehouse::store::postgres {

// `%q%` with LIKE's metacharacters escaped (ESCAPE '\'), or nullopt for no search. Searches use
// `col COLLATE "und-x-icu" ILIKE $n`: ICU's case folding, so q ignores case for every script
// (É/é, Ï/ï), which the columns' "C" collation would only do for ASCII.
std::optional<std::string> LikePattern(const std::optional<std::string>& q);
// Parses a JSON column; `fallback` when the text is not valid JSON.
model::Json ParseJson(const std::string& text, model::Json fallback);

// Every row of a query result, decoded by `read(rows, i)`.
template <typename F>
auto Collect(Result<Rows> r, F read) -> Result<std::vector<decltype(read(*r, 0))>> {
  if (!r) return Fail(r.error());
  std::vector<decltype(read(*r, 0))> out;
  out.reserve(static_cast<size_t>(r->size()));
  for (int i = 0; i < r->size(); ++i) out.push_back(read(*r, i));
  return out;
}
// The first row decoded by `read`, or nullopt.
template <typename F>
auto First(Result<Rows> r, F read) -> Result<std::optional<decltype(read(*r, 0))>> {
  using T = decltype(read(*r, 0));
  if (!r) return Fail(r.error());
  if (r->empty()) return std::optional<T>();
  return std::optional<T>(read(*r, 0));
}
// Whether a write changed any row.
inline Result<bool> Changed(Result<Rows> r) {
  if (!r) return Fail(r.error());
  return r->Affected() > 0;
}
inline Result<void> Done(Result<Rows> r) {
  if (!r) return Fail(r.error());
  return Ok();
}
inline Result<int64_t> Count(Result<Rows> r) {
  if (!r) return Fail(r.error());
  return r->Int(0, 0);
}
inline std::string TextAt(const Rows& r, int i) { return r.Text(i, 0); }

// The row-limit pair for `LIMIT $n OFFSET $m`: NULL limit = everything (PostgreSQL's LIMIT NULL).
inline Params& AddPage(Params& p, const std::optional<model::PageRequest>& page) {
  if (page) return p.Add(page->limit).Add(page->offset);
  return p.AddNull().Add(int64_t{0});
}

#define GH_USER_COLUMNS(t)                                                                       \
  t "id, " t "username, " t "primary_email, " t "primary_phone, " t "name, " t "avatar, " t      \
    "custom_data, " t "password_hash, " t "is_suspended, " t "last_sign_in_at, " t "created_at, " \
    t "updated_at"
model::User ReadUser(const Rows& r, int row, int c = 0);

#define GH_APPLICATION_COLUMNS(t)                                                               \
  t "id, " t "name, " t "description, " t "type, " t "oidc_client_metadata, " t                 \
    "custom_client_metadata, " t "is_third_party, " t "is_built_in, " t "created_at"
model::Application ReadApplication(const Rows& r, int row, int c = 0);

#define GH_RESOURCE_COLUMNS(t) \
  t "id, " t "name, " t "indicator, " t "access_token_ttl, " t "is_built_in, " t "created_at"
model::Resource ReadResource(const Rows& r, int row, int c = 0);

#define GH_SCOPE_COLUMNS(t) t "id, " t "resource_id, " t "name, " t "description, " t "created_at"
model::Scope ReadScope(const Rows& r, int row, int c = 0);

#define GH_ROLE_COLUMNS(t) t "id, " t "name, " t "description, " t "type, " t "created_at"
model::Role ReadRole(const Rows& r, int row, int c = 0);

#define GH_ORG_SCOPE_COLUMNS(t) t "id, " t "name, " t "description, " t "created_at"
model::OrganizationScope ReadOrgScope(const Rows& r, int row, int c = 0);

#define GH_ORG_ROLE_COLUMNS(t) t "id, " t "name, " t "description, " t "type, " t "created_at"
model::OrganizationRole ReadOrgRole(const Rows& r, int row, int c = 0);

#define GH_ORGANIZATION_COLUMNS(t)                                                             \
  t "id, " t "name, " t "description, " t "custom_data, " t "is_mfa_required, " t "color, " t \
    "branding, " t "custom_css, " t "created_at"
model::Organization ReadOrganization(const Rows& r, int row, int c = 0);

}  // namespace gatehouse::store::postgres
