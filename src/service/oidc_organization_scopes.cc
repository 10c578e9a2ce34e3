#include "service/oidc_organization_scopes.h"

#include "authz/permissions.h"
#include "service/oidc_common.h"

namespace gatehouse::service {
namespace {

authz::PrincipalKind Kind(bool is_application) {
  return is_application ? authz::PrincipalKind::kApplication : authz::PrincipalKind::kUser;
}

Result<std::optional<std::vector<std::string>>> RoleIds(store::Repos& r, const std::string& org_id,
                                                        const std::string& member_id,
                                                        bool is_application) {
  return is_application ? r.organizations.ApplicationRoleIds(org_id, member_id)
                        : r.organizations.UserRoleIds(org_id, member_id);
}

}  // namespace

Result<std::shared_ptr<const authz::TemplateSnapshot>> CurrentTemplate(const Context& ctx,
                                                                       store::Repos& r) {
  auto version = r.org_template.Version();
  if (!version) return Fail(version.error());
  if (ctx.template_cache != nullptr) {
    auto cached = ctx.template_cache->Get();
    if (cached && cached->version() == *version) return cached;
  }
  auto rows = r.org_template.LoadAll();
  if (!rows) return Fail(rows.error());
  std::vector<authz::RoleDefinition> defs;
  defs.reserve(rows->roles.size());
  std::unordered_map<std::string, size_t> index;
  for (auto& role : rows->roles) {
    index[role.id] = defs.size();
    defs.push_back({role.id, role.name, role.type, {}, {}});
  }
  for (auto& row : rows->role_scopes)
    if (auto it = index.find(row.role_id); it != index.end())
      defs[it->second].scopes.push_back(std::move(row.scope.name));
  for (auto& row : rows->role_resource_scopes)
    if (auto it = index.find(row.role_id); it != index.end())
      defs[it->second].resource_scopes.emplace_back(row.resource_indicator, row.scope.name);
  auto snapshot = authz::TemplateSnapshot::Build(rows->version, std::move(defs));
  if (ctx.template_cache != nullptr) ctx.template_cache->Put(snapshot);
  return snapshot;
}

Result<std::optional<std::vector<std::string>>> MemberOrganizationScopes(
    const Context& ctx, store::Repos& r, const std::string& org_id, const std::string& member_id,
    bool is_application) {
  auto role_ids = RoleIds(r, org_id, member_id, is_application);
  if (!role_ids) return Fail(role_ids.error());
  if (!*role_ids) return std::optional<std::vector<std::string>>();
  if ((*role_ids)->empty()) return std::optional<std::vector<std::string>>(std::vector<std::string>{});
  auto snapshot = CurrentTemplate(ctx, r);
  if (!snapshot) return Fail(snapshot.error());
  return std::optional<std::vector<std::string>>(
      authz::OrganizationScopes(**snapshot, Kind(is_application), **role_ids));
}

Result<std::optional<std::vector<std::string>>> OrganizationResourceScopes(
    const Context& ctx, store::Repos& r, const std::string& org_id, const std::string& member_id,
    bool is_application, const std::string& indicator) {
  auto role_ids = RoleIds(r, org_id, member_id, is_application);
  if (!role_ids) return Fail(role_ids.error());
  if (!*role_ids) return std::optional<std::vector<std::string>>();
  if ((*role_ids)->empty()) return std::optional<std::vector<std::string>>(std::vector<std::string>{});
  auto snapshot = CurrentTemplate(ctx, r);
  if (!snapshot) return Fail(snapshot.error());
  return std::optional<std::vector<std::string>>(
      authz::ResourceScopes(**snapshot, Kind(is_application), **role_ids, indicator));
}

Result<std::vector<std::string>> SelectScopes(const std::vector<std::string>& explicit_scope,
                                              const std::optional<std::vector<std::string>>& ceiling,
                                              const std::vector<std::string>& held) {
  std::optional<std::vector<std::string>> requested;
  if (!explicit_scope.empty()) requested = explicit_scope;
  auto decision = authz::DecideScopes(held, requested, ceiling);
  if (decision.denied) {
    return Fail(OAuthFailure("access_denied", "none of the requested scopes is held"));
  }
  return std::move(decision.scopes);
}

std::vector<std::string> UnionScopes(std::vector<std::string> a, const std::vector<std::string>& b) {
  for (const auto& s : b)
    if (!Contains(a, s)) a.push_back(s);
  return a;
}

}  // namespace gatehouse::service
