#include "service/template/organization_template.h"

#include <unordered_map>

namespace gatehouse::service {
namespace {

Error ScopeNotFound(const std::string& id) {
  return Error::NotFound("Organization scope `" + id + "` not found.");
}
Error RoleNotFound(const std::string& id) {
  return Error::NotFound("Organization role `" + id + "` not found.");
}

}  // namespace

void TemplateChanged(const Context& ctx) {
  if (ctx.template_cache != nullptr) ctx.template_cache->Invalidate();
}

// ----- organization scopes -----

Result<model::OrganizationScope> CreateOrganizationScope(const Context& ctx, std::string name,
                                                         std::optional<std::string> description) {
  model::OrganizationScope scope{ctx.random.Id(21), std::move(name), std::move(description),
                                 ctx.clock.NowMillis()};
  GH_TRY(ctx.store.Write([&](store::Repos& r) { return r.org_template.InsertScope(scope); }));
  return scope;
}

Result<model::OrganizationScope> GetOrganizationScope(const Context& ctx, const std::string& id) {
  std::optional<model::OrganizationScope> found;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto s = r.org_template.FindScope(id);
    if (!s) return Fail(s.error());
    found = std::move(*s);
    return Ok();
  }));
  if (!found) return Fail(ScopeNotFound(id));
  return std::move(*found);
}

Result<model::Page<model::OrganizationScope>> ListOrganizationScopes(
    const Context& ctx, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  model::Page<model::OrganizationScope> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto p = r.org_template.ListScopes(q, page);
    if (!p) return Fail(p.error());
    out = std::move(*p);
    return Ok();
  }));
  return out;
}

Result<model::OrganizationScope> UpdateOrganizationScope(const Context& ctx, const std::string& id,
                                                         const OrganizationScopePatch& patch) {
  model::OrganizationScope scope;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.org_template.FindScope(id);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(ScopeNotFound(id));
    scope = std::move(**found);
    if (patch.name) scope.name = *patch.name;
    if (patch.description) scope.description = *patch.description;
    return r.org_template.UpdateScope(scope);
  }));
  TemplateChanged(ctx);
  return scope;
}

Result<void> DeleteOrganizationScope(const Context& ctx, const std::string& id) {
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto deleted = r.org_template.DeleteScope(id);
    if (!deleted) return Fail(deleted.error());
    if (!*deleted) return Fail(Error::NotFoundRelation("Organization scope `" + id + "` not found."));
    return Ok();
  }));
  TemplateChanged(ctx);
  return Ok();
}

// ----- organization roles -----

Result<model::OrganizationRole> CreateOrganizationRole(const Context& ctx,
                                                       OrganizationRoleInput input) {
  model::OrganizationRole role{ctx.random.Id(21), std::move(input.name),
                               std::move(input.description), input.type, ctx.clock.NowMillis()};
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(r.org_template.InsertRole(role));
    // An unknown scope id fails its FOREIGN KEY and the whole transaction rolls back.
    if (!input.organization_scope_ids.empty()) {
      GH_TRY(r.org_template.AddRoleScopes(role.id, input.organization_scope_ids));
    }
    if (!input.resource_scope_ids.empty()) {
      GH_TRY(r.org_template.AddRoleResourceScopes(role.id, input.resource_scope_ids));
    }
    return Ok();
  }));
  TemplateChanged(ctx);
  return role;
}

Result<model::OrganizationRole> GetOrganizationRole(const Context& ctx, const std::string& id) {
  std::optional<model::OrganizationRole> found;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto role = r.org_template.FindRole(id);
    if (!role) return Fail(role.error());
    found = std::move(*role);
    return Ok();
  }));
  if (!found) return Fail(RoleNotFound(id));
  return std::move(*found);
}

Result<model::Page<OrganizationRoleDetail>> ListOrganizationRoles(
    const Context& ctx, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  model::Page<OrganizationRoleDetail> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto roles = r.org_template.ListRoles(q, page);
    if (!roles) return Fail(roles.error());
    out.total = roles->total;
    std::vector<std::string> ids;
    std::unordered_map<std::string, size_t> index;
    for (auto& role : roles->items) {
      index.emplace(role.id, out.items.size());
      ids.push_back(role.id);
      out.items.push_back({std::move(role), {}, {}});
    }
    if (ids.empty()) return Ok();
    // Two queries for the whole page, whatever its size.
    auto scopes = r.org_template.RoleScopesOf(ids);
    if (!scopes) return Fail(scopes.error());
    for (auto& row : *scopes) out.items[index[row.role_id]].scopes.push_back(std::move(row.scope));
    auto resource_scopes = r.org_template.RoleResourceScopesOf(ids);
    if (!resource_scopes) return Fail(resource_scopes.error());
    for (auto& row : *resource_scopes) {
      out.items[index[row.role_id]].resource_scopes.push_back(std::move(row));
    }
    return Ok();
  }));
  return out;
}

Result<model::OrganizationRole> UpdateOrganizationRole(const Context& ctx, const std::string& id,
                                                       const OrganizationRolePatch& patch) {
  model::OrganizationRole role;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.org_template.FindRole(id);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(RoleNotFound(id));
    role = std::move(**found);
    if (patch.type && *patch.type != role.type) {
      // The kind of member that could hold the role until now.
      auto held = r.organizations.IsRoleAssigned(id, role.type);
      if (!held) return Fail(held.error());
      if (*held) {
        return Fail(Error::Constraint("The role is assigned to members of its current type."));
      }
      role.type = *patch.type;
    }
    if (patch.name) role.name = *patch.name;
    if (patch.description) role.description = *patch.description;
    return r.org_template.UpdateRole(role);
  }));
  TemplateChanged(ctx);
  return role;
}

Result<void> DeleteOrganizationRole(const Context& ctx, const std::string& id) {
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto deleted = r.org_template.DeleteRole(id);
    if (!deleted) return Fail(deleted.error());
    if (!*deleted) return Fail(Error::NotFoundRelation("Organization role `" + id + "` not found."));
    return Ok();
  }));
  TemplateChanged(ctx);
  return Ok();
}

}  // namespace gatehouse::service
