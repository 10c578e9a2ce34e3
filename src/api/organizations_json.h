// Wire shapes (API.md, as Logto) of the organization template and organizations, and the small
// response helpers their handlers share. camelCase keys exactly; timestamps in ms.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/error_mapping.h"
#include "api/pagination.h"
#include "common/result.h"
#include "http/message.h"
#include "model/entities.h"
#include "service/organizations/members.h"
#include "service/template/organization_template.h"
#include "service/organizations/organizations.h"

namespace gatehouse::api {

using Json = nlohmann::json;

// {tenantId, id, name, description}
Json OrganizationScopeJson(const model::OrganizationScope& s);
// {tenantId, id, name, description, type}
Json OrganizationRoleJson(const model::OrganizationRole& r);
// Role + scopes [{id, name}] + resourceScopes [{id, name, resource: {id, name}}].
Json OrganizationRoleDetailJson(const service::OrganizationRoleDetail& d);
// An API resource scope: {tenantId, id, resourceId, name, description, createdAt}.
Json ResourceScopeJson(const model::Scope& s);
// {tenantId, id, name, description, customData, isMfaRequired, color, branding, customCss,
// createdAt} — the same from create, get, list and update.
Json OrganizationJson(const model::Organization& o);
// Organization + (showFeatured) usersCount and featuredUsers [{id, avatar, name}].
Json OrganizationListItemJson(const service::OrganizationListItem& item);
// [{id, name}] of roles.
Json RoleRefsJson(const std::vector<model::OrganizationRole>& roles);
// The user object of API.md "Users" + organizationRoles.
Json OrganizationUserJson(const service::OrganizationUser& m);
// The application object of API.md "Applications" + organizationRoles.
Json OrganizationApplicationJson(const service::OrganizationApplication& m);

// A JSON array of to_json(item) for every item.
template <typename T, typename F>
Json JsonArray(const std::vector<T>& items, F to_json) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

// `status` with the JSON of a successful result, else the mapped error.
template <typename T, typename F>
http::Response JsonOr(const Result<T>& r, int status, F to_json) {
  if (!r) return ErrorResponse(r.error());
  return http::Response::Json(status, to_json(*r));
}

// `status` with an empty body on success, else the mapped error.
inline http::Response EmptyOr(const Result<void>& r, int status) {
  if (!r) return ErrorResponse(r.error());
  return http::Response::Empty(status);
}

// A paginated list: Total-Number and Link headers, the items as a JSON array.
template <typename T, typename F>
http::Response PageOr(const http::Request& req, const std::optional<model::PageRequest>& page,
                      const Result<model::Page<T>>& r, F to_json) {
  if (!r) return ErrorResponse(r.error());
  auto res = http::Response::Json(200, JsonArray(r->items, to_json));
  SetPageHeaders(res, req, page, r->total);
  return res;
}

// A whole list served as [P?]: sliced in memory by `page` (lists bounded by the template's size,
// such as a role's scopes or a member's roles).
template <typename T, typename F>
http::Response SlicedOr(const http::Request& req, const std::optional<model::PageRequest>& page,
                        const Result<std::vector<T>>& r, F to_json) {
  if (!r) return ErrorResponse(r.error());
  model::Page<T> p;
  p.total = static_cast<int64_t>(r->size());
  size_t from = page ? std::min<size_t>(r->size(), static_cast<size_t>(page->offset)) : 0;
  size_t to = page ? std::min<size_t>(r->size(), from + static_cast<size_t>(page->limit))
                   : r->size();
  p.items.assign(r->begin() + static_cast<std::ptrdiff_t>(from),
                 r->begin() + static_cast<std::ptrdiff_t>(to));
  return PageOr(req, page, Result<model::Page<T>>(std::move(p)), to_json);
}

// The `q` query parameter; absent or empty → nullopt (no filter).
std::optional<std::string> SearchQuery(const http::Request& req);

// A nullable string field of a PATCH body: absent → nullopt; null → optional(nullopt).
Result<service::Nullable<std::string>> NullableString(const Json& body, std::string_view key,
                                                      size_t max_len);

}  // namespace gatehouse::api
