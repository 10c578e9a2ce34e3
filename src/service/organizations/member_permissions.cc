#include "service/organizations/member_permissions.h"

namespace gatehouse::service {
namespace {

std::shared_ptr<const authz::TemplateSnapshot> Build(store::TemplateRows rows) {
  std::vector<authz::RoleDefinition> defs;
  defs.reserve(rows.roles.size());
  std::unordered_map<std::string, size_t> index;
  for (auto& role : rows.roles) {
    index.emplace(role.id, defs.size());
    defs.push_back({std::move(role.id), std::move(role.name), role.type, {}, {}});
  }
  for (auto& row : rows.role_scopes) {
    if (auto it = index.find(row.role_id); it != index.end()) {
      defs[it->second].scopes.push_back(std::move(row.scope.name));
    }
  }
  for (auto& row : rows.role_resource_scopes) {
    if (auto it = index.find(row.role_id); it != index.end()) {
      defs[it->second].resource_scopes.emplace_back(std::move(row.resource_indicator),
                                                    std::move(row.scope.name));
    }
  }
  return authz::TemplateSnapshot::Build(rows.version, std::move(defs));
}

Result<std::optional<std::vector<std::string>>> RoleIdsOf(store::Repos& r,
                                                          authz::PrincipalKind who,
                                                          const std::string& org_id,
                                                          const std::string& member_id) {
  return who == authz::PrincipalKind::kUser ? r.organizations.UserRoleIds(org_id, member_id)
                                            : r.organizations.ApplicationRoleIds(org_id, member_id);
}

// Evaluates `eval(snapshot, role ids)` for a member; nullopt when not a member.
template <typename Eval>
Result<std::optional<std::vector<std::string>>> Evaluate(const Context& ctx, store::Repos& r,
                                                         authz::PrincipalKind who,
                                                         const std::string& org_id,
                                                         const std::string& member_id,
                                                         Eval eval) {
  auto role_ids = RoleIdsOf(r, who, org_id, member_id);
  if (!role_ids) return Fail(role_ids.error());
  if (!*role_ids) return std::optional<std::vector<std::string>>{};
  if ((*role_ids)->empty()) return std::optional<std::vector<std::string>>(std::vector<std::string>{});
  auto snapshot = CurrentTemplate(ctx, r);
  if (!snapshot) return Fail(snapshot.error());
  return std::optional<std::vector<std::string>>(eval(**snapshot, **role_ids));
}

Error NotAMember() {
  return Error::Forbidden("The user or application is not a member of the organization.",
                          "organization.require_membership");
}

// Runs a member evaluation in its own read and turns "not a member" into NotAMember().
template <typename Fn>
Result<std::vector<std::string>> InRead(const Context& ctx, Fn fn) {
  std::optional<std::vector<std::string>> held;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto h = fn(r);
    if (!h) return Fail(h.error());
    held = std::move(*h);
    return Ok();
  }));
  if (!held) return Fail(NotAMember());
  return std::move(*held);
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
  auto rows = r.org_template.LoadAll();  // same unit of work: consistent with `version`
  if (!rows) return Fail(rows.error());
  auto snapshot = Build(std::move(*rows));
  if (ctx.template_cache != nullptr) ctx.template_cache->Put(snapshot);
  return snapshot;
}

Result<std::optional<std::vector<std::string>>> MemberOrganizationScopes(
    const Context& ctx, store::Repos& r, authz::PrincipalKind who, const std::string& org_id,
    const std::string& member_id) {
  return Evaluate(ctx, r, who, org_id, member_id,
                  [who](const authz::TemplateSnapshot& s, const std::vector<std::string>& ids) {
                    return authz::OrganizationScopes(s, who, ids);
                  });
}

Result<std::optional<std::vector<std::string>>> MemberResourceScopes(
    const Context& ctx, store::Repos& r, authz::PrincipalKind who, const std::string& org_id,
    const std::string& member_id, const std::string& indicator) {
  return Evaluate(ctx, r, who, org_id, member_id,
                  [&](const authz::TemplateSnapshot& s, const std::vector<std::string>& ids) {
                    return authz::ResourceScopes(s, who, ids, indicator);
                  });
}

Result<std::vector<std::string>> UserOrganizationScopes(const Context& ctx,
                                                        const std::string& org_id,
                                                        const std::string& user_id) {
  return InRead(ctx, [&](store::Repos& r) {
    return MemberOrganizationScopes(ctx, r, authz::PrincipalKind::kUser, org_id, user_id);
  });
}

Result<std::vector<std::string>> ApplicationOrganizationScopes(const Context& ctx,
                                                               const std::string& org_id,
                                                               const std::string& app_id) {
  return InRead(ctx, [&](store::Repos& r) {
    return MemberOrganizationScopes(ctx, r, authz::PrincipalKind::kApplication, org_id, app_id);
  });
}

Result<std::vector<std::string>> UserOrganizationResourceScopes(const Context& ctx,
                                                                const std::string& org_id,
                                                                const std::string& user_id,
                                                                const std::string& indicator) {
  return InRead(ctx, [&](store::Repos& r) {
    return MemberResourceScopes(ctx, r, authz::PrincipalKind::kUser, org_id, user_id, indicator);
  });
}

Result<std::vector<std::string>> ApplicationOrganizationResourceScopes(
    const Context& ctx, const std::string& org_id, const std::string& app_id,
    const std::string& indicator) {
  return InRead(ctx, [&](store::Repos& r) {
    return MemberResourceScopes(ctx, r, authz::PrincipalKind::kApplication, org_id, app_id,
                                indicator);
  });
}

Result<OrganizationClaims> UserOrganizationClaims(store::Repos& r, const std::string& user_id) {
  OrganizationClaims claims;
  auto orgs = r.organizations.OrganizationsOfUser(user_id);
  if (!orgs) return Fail(orgs.error());
  for (const auto& o : *orgs) claims.organizations.push_back(o.id);
  auto roles = r.organizations.OrganizationRolesOfUser(user_id);
  if (!roles) return Fail(roles.error());
  for (const auto& row : *roles) {
    claims.organization_roles.push_back(row.organization_id + ":" + row.role.name);
  }
  return claims;
}

}  // namespace gatehouse::service
