#include "service/template/relations.h"

#include "service/template/organization_template.h"

namespace gatehouse::service {
namespace {

// Runs `fn` after checking that the role exists (`missing` is the error otherwise).
template <typename Fn>
Result<void> WithRole(store::Repos& r, const std::string& role_id, Error missing, Fn&& fn) {
  auto role = r.org_template.FindRole(role_id);
  if (!role) return Fail(role.error());
  if (!*role) return Fail(std::move(missing));
  return fn();
}

Error RoleNotFound(const std::string& id) {
  return Error::NotFound("Organization role `" + id + "` not found.");
}
Error RoleNotFoundForRelation(const std::string& id) {
  return Error::ForeignKey("Organization role `" + id + "` not found.");
}

}  // namespace

Result<std::vector<model::OrganizationScope>> ListRoleOrganizationScopes(
    const Context& ctx, const std::string& role_id) {
  std::vector<model::OrganizationScope> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) {
    return WithRole(r, role_id, RoleNotFound(role_id), [&]() -> Result<void> {
      auto scopes = r.org_template.ListRoleScopes(role_id);
      if (!scopes) return Fail(scopes.error());
      out = std::move(*scopes);
      return Ok();
    });
  }));
  return out;
}

Result<std::vector<model::Scope>> ListRoleResourceScopes(const Context& ctx,
                                                         const std::string& role_id) {
  std::vector<model::Scope> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) {
    return WithRole(r, role_id, RoleNotFound(role_id), [&]() -> Result<void> {
      auto scopes = r.org_template.ListRoleResourceScopes(role_id);
      if (!scopes) return Fail(scopes.error());
      out = std::move(*scopes);
      return Ok();
    });
  }));
  return out;
}

Result<void> AddRolePermissions(const Context& ctx, RolePermissionKind kind,
                                const std::string& role_id, const std::vector<std::string>& ids) {
  GH_TRY(ctx.store.Write([&](store::Repos& r) {
    return WithRole(r, role_id, RoleNotFoundForRelation(role_id), [&]() -> Result<void> {
      if (ids.empty()) return Ok();
      return kind == RolePermissionKind::kOrganizationScope
                 ? r.org_template.AddRoleScopes(role_id, ids)
                 : r.org_template.AddRoleResourceScopes(role_id, ids);
    });
  }));
  TemplateChanged(ctx);
  return Ok();
}

Result<void> ReplaceRolePermissions(const Context& ctx, RolePermissionKind kind,
                                    const std::string& role_id,
                                    const std::vector<std::string>& ids) {
  GH_TRY(ctx.store.Write([&](store::Repos& r) {
    return WithRole(r, role_id, RoleNotFoundForRelation(role_id), [&]() -> Result<void> {
      return kind == RolePermissionKind::kOrganizationScope
                 ? r.org_template.ReplaceRoleScopes(role_id, ids)
                 : r.org_template.ReplaceRoleResourceScopes(role_id, ids);
    });
  }));
  TemplateChanged(ctx);
  return Ok();
}

Result<void> RemoveRolePermission(const Context& ctx, RolePermissionKind kind,
                                  const std::string& role_id, const std::string& scope_id) {
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto removed = kind == RolePermissionKind::kOrganizationScope
                       ? r.org_template.RemoveRoleScope(role_id, scope_id)
                       : r.org_template.RemoveRoleResourceScope(role_id, scope_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) {
      return Fail(Error::NotFoundRelation("The role does not hold scope `" + scope_id + "`."));
    }
    return Ok();
  }));
  TemplateChanged(ctx);
  return Ok();
}

}  // namespace gatehouse::service
