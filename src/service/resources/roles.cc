#include "service/resources/roles.h"

#include <algorithm>
#include <set>

#include "service/management/bootstrap.h"

namespace gatehouse::service {
namespace {

Error NotFoundRole(const std::string& id) {
  return Error::NotFound("Role `" + id + "` does not exist.");
}

Result<model::Role> FindRole(store::Repos& r, const std::string& id) {
  auto found = r.roles.Find(id);
  if (!found) return Fail(found.error());
  if (!*found) return Fail(NotFoundRole(id));
  return std::move(**found);
}

Result<void> NameWrite(const Result<void>& r, const std::string& name) {
  if (!r && r.error().kind == ErrorKind::kConflict) {
    return Fail(
        Error::Conflict("The role name `" + name + "` is already in use.", "role.name_in_use"));
  }
  return r;
}

// The built-in roles (service/management/bootstrap.h) keep their name and their Management API scope, so
// the console admin and the bootstrap app cannot lock everyone out through the API.
Error BuiltInRole(std::string_view what) {
  return Error::InvalidInput(
      "A built-in role cannot be " + std::string(what) + ".",
      what == "deleted" ? "role.cannot_delete_built_in" : "role.cannot_modify_built_in");
}

std::vector<std::string> Distinct(const std::vector<std::string>& ids) {
  std::set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& id : ids)
    if (seen.insert(id).second) out.push_back(id);
  return out;
}

// ForeignKey naming the first id of `wanted` that is not in `found`, if any.
Result<void> AllFound(const std::vector<std::string>& wanted, std::vector<std::string> found,
                      std::string_view what) {
  std::sort(found.begin(), found.end());
  for (const auto& id : wanted) {
    if (!std::binary_search(found.begin(), found.end(), id)) {
      return Fail(Error::ForeignKey(std::string(what) + " `" + id + "` does not exist."));
    }
  }
  return Ok();
}

Result<void> CheckScopesExist(store::Repos& r, const std::vector<std::string>& ids) {
  auto scopes = r.resources.FindScopes(ids);
  if (!scopes) return Fail(scopes.error());
  std::vector<std::string> found;
  for (const auto& s : *scopes) found.push_back(s.id);
  return AllFound(ids, std::move(found), "Scope");
}

}  // namespace

Result<model::Role> CreateRole(const Context& ctx, const NewRole& input) {
  model::Role role{ctx.random.Id(21), input.name, input.description, input.type,
                   ctx.clock.NowMillis()};
  auto scope_ids = Distinct(input.scope_ids);
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(NameWrite(r.roles.Insert(role), role.name));
    if (scope_ids.empty()) return Ok();
    GH_TRY(CheckScopesExist(r, scope_ids));
    return r.roles.AddScopes(role.id, scope_ids);
  }));
  return role;
}

Result<model::Role> GetRole(const Context& ctx, const std::string& id) {
  model::Role out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto found = FindRole(r, id);
    if (!found) return Fail(found.error());
    out = std::move(*found);
    return Ok();
  }));
  return out;
}

Result<model::Page<RoleListItem>> ListRoles(const Context& ctx, const store::RoleFilter& filter,
                                            const std::optional<model::PageRequest>& page) {
  model::Page<RoleListItem> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto list = r.roles.Search(filter, page);
    if (!list) return Fail(list.error());
    std::vector<std::string> ids;
    for (const auto& role : list->items) ids.push_back(role.id);
    auto holders = r.roles.Holders(ids, 3);
    if (!holders) return Fail(holders.error());
    out.total = list->total;
    for (size_t i = 0; i < list->items.size(); ++i) {
      out.items.push_back({std::move(list->items[i]), std::move((*holders)[i])});
    }
    return Ok();
  }));
  return out;
}

Result<model::Role> UpdateRole(const Context& ctx, const std::string& id, const RolePatch& patch) {
  model::Role out;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = FindRole(r, id);
    if (!found) return Fail(found.error());
    out = std::move(*found);
    if (patch.name && *patch.name != out.name && IsBuiltInRoleName(out.name)) {
      return Fail(BuiltInRole("renamed"));
    }
    if (patch.name) out.name = *patch.name;
    if (patch.description) out.description = *patch.description;
    return NameWrite(r.roles.Update(out), out.name);
  }));
  return out;
}

Result<void> DeleteRole(const Context& ctx, const std::string& id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.roles.Find(id);
    if (!found) return Fail(found.error());
    if (*found && IsBuiltInRoleName((*found)->name)) return Fail(BuiltInRole("deleted"));
    auto deleted = r.roles.Delete(id);
    if (!deleted) return Fail(deleted.error());
    if (!*deleted) return Fail(Error::NotFoundRelation("Role `" + id + "` does not exist."));
    return Ok();
  });
}

Result<model::Page<store::ScopeWithResource>> ListRoleScopes(
    const Context& ctx, const std::string& role_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  model::Page<store::ScopeWithResource> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindRole(r, role_id));
    auto list = r.roles.SearchScopes(role_id, q, page);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<std::vector<model::Scope>> AddRoleScopes(const Context& ctx, const std::string& role_id,
                                                const std::vector<std::string>& scope_ids) {
  auto ids = Distinct(scope_ids);
  std::vector<model::Scope> out;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindRole(r, role_id));
    auto current = r.roles.ListScopes(role_id);
    if (!current) return Fail(current.error());
    for (const auto& s : *current) {
      if (std::find(ids.begin(), ids.end(), s.id) != ids.end()) {
        return Fail(
            Error::Conflict("The role already has scope `" + s.id + "`.", "role.scope_exists"));
      }
    }
    GH_TRY(CheckScopesExist(r, ids));
    GH_TRY(r.roles.AddScopes(role_id, ids));
    auto all = r.roles.ListScopes(role_id);
    if (!all) return Fail(all.error());
    out = std::move(*all);
    return Ok();
  }));
  return out;
}

Result<void> RemoveRoleScope(const Context& ctx, const std::string& role_id,
                             const std::string& scope_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto role = r.roles.Find(role_id);
    if (!role) return Fail(role.error());
    if (*role && IsBuiltInRoleName((*role)->name)) {
      // Only the Management API's own scope is pinned; scopes added later may go again.
      auto scopes = r.resources.FindScopes({scope_id});
      if (!scopes) return Fail(scopes.error());
      for (const auto& s : *scopes) {
        auto res = r.resources.Find(s.resource_id);
        if (!res) return Fail(res.error());
        if (*res && (*res)->is_built_in) return Fail(BuiltInRole("modified"));
      }
    }
    auto removed = r.roles.RemoveScope(role_id, scope_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) {
      return Fail(Error::NotFoundRelation("Role `" + role_id + "` does not have scope `" +
                                          scope_id + "`."));
    }
    return Ok();
  });
}

Result<model::Page<model::User>> ListRoleUsers(const Context& ctx, const std::string& role_id,
                                               const std::optional<std::string>& q,
                                               const std::optional<model::PageRequest>& page) {
  model::Page<model::User> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindRole(r, role_id));
    auto list = r.roles.ListUsers(role_id, page, q);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<void> AddRoleUsers(const Context& ctx, const std::string& role_id,
                          const std::vector<std::string>& user_ids) {
  auto ids = Distinct(user_ids);
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto role = FindRole(r, role_id);
    if (!role) return Fail(role.error());
    if (role->type != model::RoleType::kUser) {
      return Fail(Error::Constraint("Only User roles can be assigned to users."));
    }
    auto holding = r.roles.UsersHolding(role_id, ids);
    if (!holding) return Fail(holding.error());
    if (!holding->empty()) {
      return Fail(Error::Conflict("User `" + holding->front() + "` already has the role.",
                                  "role.user_exists"));
    }
    auto existing = r.users.ExistingIds(ids);
    if (!existing) return Fail(existing.error());
    GH_TRY(AllFound(ids, std::move(*existing), "User"));
    return r.roles.AddUsers(role_id, ids);
  });
}

Result<void> RemoveRoleUser(const Context& ctx, const std::string& role_id,
                            const std::string& user_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto removed = r.roles.RemoveUser(role_id, user_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) {
      return Fail(
          Error::NotFoundRelation("User `" + user_id + "` does not have role `" + role_id + "`."));
    }
    return Ok();
  });
}

Result<model::Page<model::Application>> ListRoleApplications(
    const Context& ctx, const std::string& role_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  model::Page<model::Application> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindRole(r, role_id));
    auto list = r.roles.ListApplications(role_id, page, q);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<void> AddRoleApplications(const Context& ctx, const std::string& role_id,
                                 const std::vector<std::string>& app_ids) {
  auto ids = Distinct(app_ids);
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto role = FindRole(r, role_id);
    if (!role) return Fail(role.error());
    if (role->type != model::RoleType::kMachineToMachine) {
      return Fail(
          Error::Constraint("Only MachineToMachine roles can be assigned to applications."));
    }
    auto holding = r.roles.ApplicationsHolding(role_id, ids);
    if (!holding) return Fail(holding.error());
    if (!holding->empty()) {
      return Fail(Error::Conflict("Application `" + holding->front() + "` already has the role.",
                                  "role.application_exists"));
    }
    auto types = r.applications.TypesOf(ids);
    if (!types) return Fail(types.error());
    std::vector<std::string> found;
    for (const auto& [id, type] : *types) {
      if (type != model::ApplicationType::kMachineToMachine) {
        return Fail(
            Error::Constraint("Application `" + id + "` is not a machine-to-machine application."));
      }
      found.push_back(id);
    }
    GH_TRY(AllFound(ids, std::move(found), "Application"));
    return r.roles.AddApplications(role_id, ids);
  });
}

Result<void> RemoveRoleApplication(const Context& ctx, const std::string& role_id,
                                   const std::string& app_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto removed = r.roles.RemoveApplication(role_id, app_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) {
      return Fail(Error::NotFoundRelation("Application `" + app_id + "` does not have role `" +
                                          role_id + "`."));
    }
    return Ok();
  });
}

}  // namespace gatehouse::service
