#include "service/template/impact.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace gatehouse::service {
namespace {

// More scopes than any template plausibly has; bounds the work of one preview.
constexpr size_t kMaxScopeIds = 1000;

Result<model::OrganizationRole> FindRole(store::Repos& r, const std::string& id) {
  auto role = r.org_template.FindRole(id);
  if (!role) return Fail(role.error());
  if (!*role) return Fail(Error::NotFound("Organization role `" + id + "` does not exist."));
  return std::move(**role);
}

// The scopes of `ids` (distinct, in name order); NotFound naming the first unknown id.
Result<std::vector<model::OrganizationScope>> FindScopes(store::Repos& r,
                                                         const std::vector<std::string>& ids) {
  std::set<std::string> wanted(ids.begin(), ids.end());
  auto found = r.org_template.FindScopes({wanted.begin(), wanted.end()});
  if (!found) return Fail(found.error());
  for (const auto& s : *found) wanted.erase(s.id);
  if (!wanted.empty()) {
    return Fail(Error::NotFound("Organization scope `" + *wanted.begin() + "` does not exist."));
  }
  std::sort(found->begin(), found->end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return std::move(*found);
}

// One ScopeChange per scope of `scopes` (name order), with the counts of `impact`.
std::vector<ScopeChange> Changes(const std::vector<model::OrganizationScope>& scopes,
                                 const store::TemplateImpact& impact) {
  std::unordered_map<std::string, store::ImpactCounts> by_id;
  for (const auto& s : impact.scopes) by_id.emplace(s.scope_id, s.counts);
  std::vector<ScopeChange> out;
  for (const auto& s : scopes) {
    auto it = by_id.find(s.id);
    out.push_back({s, it == by_id.end() ? store::ImpactCounts{} : it->second});
  }
  return out;
}

// The scopes of `scopes` that `role_id` has (has == true) or lacks (has == false).
Result<std::vector<model::OrganizationScope>> FilterByRole(
    store::Repos& r, const std::string& role_id, std::vector<model::OrganizationScope> scopes,
    bool has) {
  auto current = r.org_template.ListRoleScopes(role_id);
  if (!current) return Fail(current.error());
  std::set<std::string> held;
  for (const auto& s : *current) held.insert(s.id);
  std::erase_if(scopes, [&](const auto& s) { return held.contains(s.id) != has; });
  return scopes;
}

std::vector<std::string> IdsOf(const std::vector<model::OrganizationScope>& scopes) {
  std::vector<std::string> ids;
  for (const auto& s : scopes) ids.push_back(s.id);
  return ids;
}

Result<void> CheckRequest(const TemplateChangeRequest& req) {
  bool role_change = req.change != TemplateChange::kDeleteScope;
  if (role_change && req.role_id.empty()) {
    return Fail(Error::InvalidInput("Invalid input: `organizationRoleId` is required."));
  }
  if (!role_change && req.scope_id.empty()) {
    return Fail(Error::InvalidInput("Invalid input: `organizationScopeId` is required."));
  }
  bool scope_list = req.change == TemplateChange::kAddRoleScopes ||
                    req.change == TemplateChange::kRemoveRoleScopes;
  if (scope_list && req.scope_ids.empty()) {
    return Fail(Error::InvalidInput("Invalid input: `organizationScopeIds` must not be empty."));
  }
  if (req.scope_ids.size() > kMaxScopeIds) {
    return Fail(Error::InvalidInput("Invalid input: `organizationScopeIds` has more than " +
                                    std::to_string(kMaxScopeIds) + " ids."));
  }
  return Ok();
}

}  // namespace

std::string_view ToString(TemplateChange c) {
  switch (c) {
    case TemplateChange::kAddRoleScopes:
      return "addRoleScopes";
    case TemplateChange::kRemoveRoleScopes:
      return "removeRoleScopes";
    case TemplateChange::kDeleteRole:
      return "deleteRole";
    case TemplateChange::kDeleteScope:
      return "deleteScope";
  }
  return "";
}

std::optional<TemplateChange> ParseTemplateChange(std::string_view s) {
  for (auto c : {TemplateChange::kAddRoleScopes, TemplateChange::kRemoveRoleScopes,
                 TemplateChange::kDeleteRole, TemplateChange::kDeleteScope}) {
    if (ToString(c) == s) return c;
  }
  return std::nullopt;
}

Result<TemplateImpactPreview> PreviewTemplateChange(const Context& ctx,
                                                    const TemplateChangeRequest& req) {
  GH_TRY(CheckRequest(req));
  TemplateImpactPreview out;
  out.change = req.change;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    std::vector<model::OrganizationScope> scopes;
    store::TemplateImpact impact;
    if (req.change == TemplateChange::kDeleteScope) {
      auto found = FindScopes(r, {req.scope_id});
      if (!found) return Fail(found.error());
      scopes = std::move(*found);
      auto counted = r.organizations.ScopeImpact(req.scope_id);
      if (!counted) return Fail(counted.error());
      impact = std::move(*counted);
    } else {
      GH_TRY(FindRole(r, req.role_id));
      if (req.change == TemplateChange::kDeleteRole) {
        auto all = r.org_template.ListRoleScopes(req.role_id);
        if (!all) return Fail(all.error());
        scopes = std::move(*all);
      } else {
        auto found = FindScopes(r, req.scope_ids);
        if (!found) return Fail(found.error());
        auto kept = FilterByRole(r, req.role_id, std::move(*found),
                                 /*has=*/req.change == TemplateChange::kRemoveRoleScopes);
        if (!kept) return Fail(kept.error());
        scopes = std::move(*kept);
      }
      std::sort(scopes.begin(), scopes.end(),
                [](const auto& a, const auto& b) { return a.name < b.name; });
      auto counted = r.organizations.RoleScopeImpact(req.role_id, IdsOf(scopes));
      if (!counted) return Fail(counted.error());
      impact = std::move(*counted);
    }
    out.affected = impact.total;
    auto changes = Changes(scopes, impact);
    (req.change == TemplateChange::kAddRoleScopes ? out.gains : out.losses) = std::move(changes);
    return Ok();
  }));
  return out;
}

}  // namespace gatehouse::service
