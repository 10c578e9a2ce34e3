#include "authz/template_snapshot.h"

#include <algorithm>

namespace gatehouse::authz {
namespace {

// Sorted, distinct names; index order is name order, so a sorted set of indexes maps to a
// name-sorted list of names without sorting strings on the hot path.
std::vector<std::string> SortedDistinct(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

uint32_t IndexOf(const std::vector<std::string>& sorted, const std::string& name) {
  return static_cast<uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), name) -
                               sorted.begin());
}

void SortDistinct(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::shared_ptr<const TemplateSnapshot> TemplateSnapshot::Build(int64_t version,
                                                                std::vector<RoleDefinition> roles) {
  std::shared_ptr<TemplateSnapshot> snap(new TemplateSnapshot());
  snap->version_ = version;

  std::vector<std::string> scope_names, resource_scope_names;
  for (const auto& r : roles) {
    scope_names.insert(scope_names.end(), r.scopes.begin(), r.scopes.end());
    for (const auto& [indicator, scope] : r.resource_scopes) resource_scope_names.push_back(scope);
  }
  snap->scope_names_ = SortedDistinct(std::move(scope_names));
  snap->resource_scope_names_ = SortedDistinct(std::move(resource_scope_names));

  snap->roles_.reserve(roles.size());
  for (auto& def : roles) {
    Role role{std::move(def.id), std::move(def.name), def.type, {}, {}};
    role.scopes.reserve(def.scopes.size());
    for (const auto& s : def.scopes) role.scopes.push_back(IndexOf(snap->scope_names_, s));
    SortDistinct(role.scopes);
    for (const auto& [indicator, scope] : def.resource_scopes) {
      role.resource_scopes[indicator].push_back(IndexOf(snap->resource_scope_names_, scope));
    }
    for (auto& [indicator, indexes] : role.resource_scopes) SortDistinct(indexes);
    std::string key = role.id;
    snap->roles_.insert_or_assign(std::move(key), std::move(role));
  }
  return snap;
}

const TemplateSnapshot::Role* TemplateSnapshot::FindRole(std::string_view id) const {
  auto it = roles_.find(id);
  return it == roles_.end() ? nullptr : &it->second;
}

}  // namespace gatehouse::authz
