#include "service/organizations/members.h"

#include <algorithm>
#include <unordered_map>

namespace gatehouse::service {
namespace {

std::vector<std::string> Distinct(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

// ForeignKey unless the organization exists (so "unknown organization" reads as such rather
// than as an anonymous constraint failure).
Result<void> RequireOrganization(store::Repos& r, const std::string& org_id) {
  auto org = r.organizations.Find(org_id);
  if (!org) return Fail(org.error());
  if (!*org) return Fail(Error::ForeignKey("Organization `" + org_id + "` not found."));
  return Ok();
}

Result<void> RequireUserMember(store::Repos& r, const std::string& org_id,
                               const std::string& user_id) {
  auto member = r.organizations.IsMember(org_id, user_id);
  if (!member) return Fail(member.error());
  if (!*member) return Fail(RequireMembership());
  return Ok();
}

}  // namespace

Error RequireMembership() {
  return {ErrorKind::kConstraint, "organization.require_membership",
          "The user or application is not a member of the organization."};
}

Result<std::vector<std::string>> ResolveOrganizationRoles(store::Repos& r,
                                                          const RoleSelection& roles,
                                                          model::RoleType type) {
  std::vector<std::string> ids = Distinct(roles.ids);
  std::vector<model::OrganizationRole> found;
  if (!ids.empty()) {
    auto by_id = r.org_template.FindRoles(ids);
    if (!by_id) return Fail(by_id.error());
    if (by_id->size() != ids.size()) {
      return Fail(Error::ForeignKey("An organization role does not exist."));
    }
    found = std::move(*by_id);
  }
  if (!roles.names.empty()) {
    auto names = Distinct(roles.names);
    auto by_name = r.org_template.FindRolesByName(names);
    if (!by_name) return Fail(by_name.error());
    std::string missing;
    for (const auto& name : names) {
      bool ok = std::any_of(by_name->begin(), by_name->end(),
                            [&](const auto& role) { return role.name == name; });
      if (!ok) missing += (missing.empty() ? "" : ", ") + name;
    }
    if (!missing.empty()) {
      return Fail(Error{ErrorKind::kConstraint, "organization.role_names_not_found",
                        "Organization roles not found: " + missing + "."});
    }
    for (auto& role : *by_name) {
      if (std::find(ids.begin(), ids.end(), role.id) == ids.end()) ids.push_back(role.id);
      found.push_back(std::move(role));
    }
  }
  for (const auto& role : found) {
    if (role.type != type) {
      return Fail(Error::Constraint("Organization role `" + role.name + "` has type " +
                                    std::string(model::ToString(role.type)) + "."));
    }
  }
  return ids;
}

Result<model::Page<OrganizationUser>> ListOrganizationUsers(
    const Context& ctx, const std::string& org_id, const std::optional<std::string>& q,
    const std::optional<std::string>& role_id, const std::optional<model::PageRequest>& page) {
  model::Page<OrganizationUser> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto org = r.organizations.Find(org_id);
    if (!org) return Fail(org.error());
    if (!*org) return Fail(Error::NotFound("Organization `" + org_id + "` not found."));
    auto users = r.organizations.ListUsers(org_id, q, role_id, page);
    if (!users) return Fail(users.error());
    out.total = users->total;
    std::vector<std::string> ids;
    std::unordered_map<std::string, size_t> index;
    for (auto& u : users->items) {
      ids.push_back(u.id);
      index.emplace(u.id, out.items.size());
      out.items.push_back({std::move(u), {}});
    }
    if (ids.empty()) return Ok();
    auto roles = r.organizations.UsersRolesOf(org_id, ids);  // one query for the page
    if (!roles) return Fail(roles.error());
    for (auto& row : *roles) out.items[index[row.member_id]].roles.push_back(std::move(row.role));
    return Ok();
  }));
  return out;
}

Result<void> AddOrganizationUsers(const Context& ctx, const std::string& org_id,
                                  const std::vector<std::string>& user_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireOrganization(r, org_id));
    return r.organizations.AddUsers(org_id, user_ids, ctx.clock.NowMillis());
  });
}

Result<void> ReplaceOrganizationUsers(const Context& ctx, const std::string& org_id,
                                      const std::vector<std::string>& user_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireOrganization(r, org_id));
    return r.organizations.ReplaceUsers(org_id, user_ids, ctx.clock.NowMillis());
  });
}

Result<void> RemoveOrganizationUser(const Context& ctx, const std::string& org_id,
                                    const std::string& user_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto removed = r.organizations.RemoveUser(org_id, user_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) return Fail(Error::NotFoundRelation("The user is not a member."));
    return Ok();
  });
}

Result<void> AssignOrganizationUsersRoles(const Context& ctx, const std::string& org_id,
                                          const std::vector<std::string>& user_ids,
                                          const std::vector<std::string>& role_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto ids = ResolveOrganizationRoles(r, {role_ids, {}}, model::RoleType::kUser);
    if (!ids) return Fail(ids.error());
    // A non-member fails the (organization, user) FOREIGN KEY: nothing is assigned.
    return r.organizations.AddUsersRoles(org_id, user_ids, *ids);
  });
}

Result<std::vector<model::OrganizationRole>> ListOrganizationUserRoles(const Context& ctx,
                                                                       const std::string& org_id,
                                                                       const std::string& user_id) {
  std::vector<model::OrganizationRole> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireUserMember(r, org_id, user_id));
    auto roles = r.organizations.UserRoles(org_id, user_id);
    if (!roles) return Fail(roles.error());
    out = std::move(*roles);
    return Ok();
  }));
  return out;
}

Result<std::vector<std::string>> AddOrganizationUserRoles(const Context& ctx,
                                                          const std::string& org_id,
                                                          const std::string& user_id,
                                                          const RoleSelection& roles) {
  std::vector<std::string> ids;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireUserMember(r, org_id, user_id));
    auto resolved = ResolveOrganizationRoles(r, roles, model::RoleType::kUser);
    if (!resolved) return Fail(resolved.error());
    ids = std::move(*resolved);
    if (ids.empty()) return Ok();
    return r.organizations.AddUserRoles(org_id, user_id, ids);
  }));
  return ids;
}

Result<void> ReplaceOrganizationUserRoles(const Context& ctx, const std::string& org_id,
                                          const std::string& user_id, const RoleSelection& roles) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireUserMember(r, org_id, user_id));
    auto ids = ResolveOrganizationRoles(r, roles, model::RoleType::kUser);
    if (!ids) return Fail(ids.error());
    return r.organizations.ReplaceUserRoles(org_id, user_id, *ids);
  });
}

Result<void> RemoveOrganizationUserRole(const Context& ctx, const std::string& org_id,
                                        const std::string& user_id, const std::string& role_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireUserMember(r, org_id, user_id));
    auto removed = r.organizations.RemoveUserRole(org_id, user_id, role_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) return Fail(Error::NotFoundRelation("The member does not hold that role."));
    return Ok();
  });
}

Result<std::vector<model::OrganizationScope>> ListOrganizationUserScopes(const Context& ctx,
                                                                         const std::string& org_id,
                                                                         const std::string& user_id) {
  std::vector<model::OrganizationScope> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireUserMember(r, org_id, user_id));
    auto scopes = r.organizations.UserScopes(org_id, user_id);
    if (!scopes) return Fail(scopes.error());
    out = std::move(*scopes);
    return Ok();
  }));
  return out;
}

}  // namespace gatehouse::service
