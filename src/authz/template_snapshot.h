// TemplateSnapshot: the organization template in memory, immutable once built — for each
// organization role its type, its organization scope names and its API resource scope names by
// resource indicator. Built from the database on a template change and then shared by every
// thread that evaluates permissions (authz/permissions.h); nothing per organization lives here,
// so a template change costs one rebuild whatever the number of organizations.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/entities.h"

namespace gatehouse::authz {

// Transparent string hashing, so lookups by string_view allocate nothing.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// One role as read from the store: the input of TemplateSnapshot::Build.
struct RoleDefinition {
  std::string id;
  std::string name;
  model::RoleType type = model::RoleType::kUser;
  std::vector<std::string> scopes;                                   // organization scope names
  std::vector<std::pair<std::string, std::string>> resource_scopes;  // (indicator, scope name)
};

class TemplateSnapshot {
 public:
  // A role with its grants as indexes into the snapshot's interned, name-sorted scope tables.
  struct Role {
    std::string id;
    std::string name;
    model::RoleType type = model::RoleType::kUser;
    std::vector<uint32_t> scopes;  // sorted, distinct indexes into organization scope names
    // indicator → sorted, distinct indexes into resource scope names
    StringMap<std::vector<uint32_t>> resource_scopes;
  };

  // Builds a snapshot of `roles` at `version` (the store's template version). Duplicate scopes
  // in a role are kept once; a duplicate role id keeps the last definition.
  static std::shared_ptr<const TemplateSnapshot> Build(int64_t version,
                                                       std::vector<RoleDefinition> roles);

  int64_t version() const { return version_; }
  size_t role_count() const { return roles_.size(); }
  // nullptr if no role has this id (deleted since the caller read it, or never existed).
  const Role* FindRole(std::string_view id) const;

  // Calls fn(const Role&) for every role, in no particular order (explanations in the Console).
  template <typename Fn>
  void ForEachRole(Fn fn) const {
    for (const auto& entry : roles_) fn(entry.second);
  }

  // Name of an interned scope index (REQUIRES: index from this snapshot's roles).
  const std::string& OrganizationScopeName(uint32_t index) const { return scope_names_[index]; }
  const std::string& ResourceScopeName(uint32_t index) const {
    return resource_scope_names_[index];
  }

 private:
  TemplateSnapshot() = default;

  int64_t version_ = 0;
  StringMap<Role> roles_;
  std::vector<std::string> scope_names_;           // sorted, distinct
  std::vector<std::string> resource_scope_names_;  // sorted, distinct
};

}  // namespace gatehouse::authz
