#include "service/organizations/membership_explain.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "authz/permissions.h"
#include "service/organizations/member_permissions.h"

namespace gatehouse::service {
namespace {

using Snapshot = authz::TemplateSnapshot;

bool ByName(const RoleRef& a, const RoleRef& b) {
  return a.name != b.name ? a.name < b.name : a.id < b.id;
}

// Which User roles of the template grant each permission: organization scope name → roles, and
// (indicator, resource scope name) → roles; each list sorted by role name.
struct Grantors {
  std::unordered_map<std::string, std::vector<RoleRef>> scopes;
  std::map<std::pair<std::string, std::string>, std::vector<RoleRef>> resource_scopes;
};

Grantors GrantorsOf(const Snapshot& snapshot) {
  Grantors g;
  snapshot.ForEachRole([&](const Snapshot::Role& role) {
    // authz evaluation: a user draws nothing from a MachineToMachine role.
    if (role.type != model::RoleType::kUser) return;
    for (uint32_t i : role.scopes) {
      g.scopes[snapshot.OrganizationScopeName(i)].push_back({role.id, role.name});
    }
    for (const auto& [indicator, indexes] : role.resource_scopes) {
      for (uint32_t i : indexes) {
        g.resource_scopes[{indicator, snapshot.ResourceScopeName(i)}].push_back(
            {role.id, role.name});
      }
    }
  });
  for (auto& [name, roles] : g.scopes) std::sort(roles.begin(), roles.end(), ByName);
  for (auto& [key, roles] : g.resource_scopes) std::sort(roles.begin(), roles.end(), ByName);
  return g;
}

// The roles of `all` whose id is in `held`.
std::vector<RoleRef> HeldAmong(const std::vector<RoleRef>& all, const std::set<std::string>& held) {
  std::vector<RoleRef> out;
  for (const auto& r : all)
    if (held.contains(r.id)) out.push_back(r);
  return out;
}

template <typename Map, typename Key>
const std::vector<RoleRef>& Lookup(const Map& map, const Key& key) {
  static const std::vector<RoleRef> kNone;
  auto it = map.find(key);
  return it == map.end() ? kNone : it->second;
}

// The member's roles with the organization scopes each grants ({id, name} via `catalog`).
std::vector<ExplainedRole> MemberRoles(const Snapshot& snapshot,
                                       const std::vector<std::string>& role_ids,
                                       const std::vector<model::OrganizationScope>& catalog) {
  std::unordered_map<std::string, const model::OrganizationScope*> by_name;
  for (const auto& s : catalog) by_name.emplace(s.name, &s);
  std::vector<ExplainedRole> out;
  for (const auto& id : role_ids) {
    const Snapshot::Role* role = snapshot.FindRole(id);
    if (role == nullptr) continue;  // deleted since the assignment was read
    ExplainedRole e{{role->id, role->name}, {}};
    for (uint32_t i : role->scopes) {
      auto it = by_name.find(snapshot.OrganizationScopeName(i));
      if (it != by_name.end()) e.scopes.push_back({it->second->id, it->second->name});
    }
    std::sort(e.scopes.begin(), e.scopes.end(), ByName);
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return ByName(a.role, b.role); });
  return out;
}

// Every resource scope some organization role grants, once, by resource name then scope name.
Result<std::vector<store::RoleResourceScopeRow>> ResourceCatalog(store::Repos& r,
                                                                 const Snapshot& snapshot) {
  std::vector<std::string> role_ids;
  snapshot.ForEachRole([&](const Snapshot::Role& role) { role_ids.push_back(role.id); });
  auto rows = r.org_template.RoleResourceScopesOf(role_ids);
  if (!rows) return Fail(rows.error());
  std::set<std::string> seen;
  std::vector<store::RoleResourceScopeRow> out;
  for (auto& row : *rows)
    if (seen.insert(row.scope.id).second) out.push_back(std::move(row));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.resource_name != b.resource_name) return a.resource_name < b.resource_name;
    if (a.scope.name != b.scope.name) return a.scope.name < b.scope.name;
    return a.scope.id < b.scope.id;
  });
  return out;
}

// NotFound unless `found` holds a value.
template <typename T>
Result<void> MustExist(const Result<std::optional<T>>& found, const std::string& what,
                       const std::string& id) {
  if (!found) return Fail(found.error());
  if (!*found) return Fail(Error::NotFound(what + " `" + id + "` does not exist."));
  return Ok();
}

}  // namespace

Result<MembershipExplanation> ExplainMembership(const Context& ctx, const std::string& org_id,
                                                const std::string& user_id) {
  MembershipExplanation out{org_id, user_id, false, {}, {}, {}};
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(MustExist(r.organizations.Find(org_id), "Organization", org_id));
    GH_TRY(MustExist(r.users.Find(user_id), "User", user_id));
    auto role_ids = r.organizations.UserRoleIds(org_id, user_id);
    if (!role_ids) return Fail(role_ids.error());
    out.is_member = role_ids->has_value();
    const std::vector<std::string> held_roles = role_ids->value_or(std::vector<std::string>{});
    auto snapshot = CurrentTemplate(ctx, r);
    if (!snapshot) return Fail(snapshot.error());
    const Snapshot& snap = **snapshot;
    auto catalog = r.org_template.ListScopes(std::nullopt, std::nullopt);
    if (!catalog) return Fail(catalog.error());
    auto resource_catalog = ResourceCatalog(r, snap);
    if (!resource_catalog) return Fail(resource_catalog.error());

    // The token endpoint's evaluation: what the member holds.
    auto held = authz::OrganizationScopes(snap, authz::PrincipalKind::kUser, held_roles);
    std::set<std::string> held_names(held.begin(), held.end());
    std::set<std::string> held_ids(held_roles.begin(), held_roles.end());
    Grantors grantors = GrantorsOf(snap);

    out.roles = MemberRoles(snap, held_roles, catalog->items);
    for (auto& scope : catalog->items) {
      const auto& can = Lookup(grantors.scopes, scope.name);
      bool granted = held_names.contains(scope.name);
      out.scopes.push_back({std::move(scope), granted, HeldAmong(can, held_ids), can});
    }
    std::map<std::string, std::set<std::string>> held_resource;  // indicator → scope names
    for (auto& row : *resource_catalog) {
      auto [it, fresh] = held_resource.try_emplace(row.resource_indicator);
      if (fresh) {
        auto names = authz::ResourceScopes(snap, authz::PrincipalKind::kUser, held_roles,
                                           row.resource_indicator);
        it->second.insert(names.begin(), names.end());
      }
      const auto& can =
          Lookup(grantors.resource_scopes, std::make_pair(row.resource_indicator, row.scope.name));
      bool granted = it->second.contains(row.scope.name);
      out.resource_scopes.push_back({std::move(row.scope), std::move(row.resource_name),
                                     std::move(row.resource_indicator), granted,
                                     HeldAmong(can, held_ids), can});
    }
    return Ok();
  }));
  return out;
}

}  // namespace gatehouse::service
