#include "authz/permissions.h"

#include <algorithm>
#include <unordered_set>

namespace gatehouse::authz {
namespace {

model::RoleType RoleTypeOf(PrincipalKind who) {
  return who == PrincipalKind::kUser ? model::RoleType::kUser : model::RoleType::kMachineToMachine;
}

// Gathers the indexes granted by each applicable role, then maps them to names; index order is
// name order, so one integer sort yields a name-sorted result.
template <typename Pick, typename Name>
std::vector<std::string> Collect(const TemplateSnapshot& snapshot, PrincipalKind who,
                                 std::span<const std::string> role_ids, Pick pick, Name name) {
  std::vector<uint32_t> indexes;
  const auto type = RoleTypeOf(who);
  for (const auto& id : role_ids) {
    const auto* role = snapshot.FindRole(id);
    if (role == nullptr || role->type != type) continue;
    if (const auto* v = pick(*role)) indexes.insert(indexes.end(), v->begin(), v->end());
  }
  std::sort(indexes.begin(), indexes.end());
  indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
  std::vector<std::string> out;
  out.reserve(indexes.size());
  for (uint32_t i : indexes) out.push_back(name(i));
  return out;
}

}  // namespace

std::vector<std::string> OrganizationScopes(const TemplateSnapshot& snapshot, PrincipalKind who,
                                            std::span<const std::string> role_ids) {
  return Collect(
      snapshot, who, role_ids, [](const TemplateSnapshot::Role& r) { return &r.scopes; },
      [&](uint32_t i) { return snapshot.OrganizationScopeName(i); });
}

std::vector<std::string> ResourceScopes(const TemplateSnapshot& snapshot, PrincipalKind who,
                                        std::span<const std::string> role_ids,
                                        std::string_view indicator) {
  return Collect(
      snapshot, who, role_ids,
      [&](const TemplateSnapshot::Role& r) -> const std::vector<uint32_t>* {
        auto it = r.resource_scopes.find(indicator);
        return it == r.resource_scopes.end() ? nullptr : &it->second;
      },
      [&](uint32_t i) { return snapshot.ResourceScopeName(i); });
}

ScopeDecision DecideScopes(std::span<const std::string> held,
                           const std::optional<std::vector<std::string>>& requested,
                           const std::optional<std::vector<std::string>>& ceiling) {
  const bool explicit_request = requested && !requested->empty();
  const auto* filter = explicit_request ? &*requested : (ceiling ? &*ceiling : nullptr);
  ScopeDecision d;
  if (filter == nullptr) {
    d.scopes.assign(held.begin(), held.end());
  } else {
    std::unordered_set<std::string_view> wanted(filter->begin(), filter->end());
    for (const auto& s : held) {
      if (wanted.contains(s)) d.scopes.push_back(s);
    }
  }
  std::sort(d.scopes.begin(), d.scopes.end());
  d.scopes.erase(std::unique(d.scopes.begin(), d.scopes.end()), d.scopes.end());
  d.denied = explicit_request && d.scopes.empty();
  return d;
}

}  // namespace gatehouse::authz
