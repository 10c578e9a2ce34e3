#include "service/organizations/member_apps.h"

#include <unordered_map>

namespace gatehouse::service {
namespace {

Result<void> RequireOrganization(store::Repos& r, const std::string& org_id) {
  auto org = r.organizations.Find(org_id);
  if (!org) return Fail(org.error());
  if (!*org) return Fail(Error::ForeignKey("Organization `" + org_id + "` not found."));
  return Ok();
}

// Constraint unless every known application of `app_ids` is MachineToMachine (unknown ones
// fail later on their FOREIGN KEY).
Result<void> RequireMachineToMachine(store::Repos& r, const std::vector<std::string>& app_ids) {
  auto others = r.organizations.NonMachineToMachineApplications(app_ids);
  if (!others) return Fail(others.error());
  if (!others->empty()) {
    return Fail(Error::Constraint("Only MachineToMachine applications can join an organization: `" +
                                  others->front() + "` is not one."));
  }
  return Ok();
}

Result<void> RequireApplicationMember(store::Repos& r, const std::string& org_id,
                                      const std::string& app_id) {
  auto member = r.organizations.IsApplicationMember(org_id, app_id);
  if (!member) return Fail(member.error());
  if (!*member) return Fail(RequireMembership());
  return Ok();
}

}  // namespace

Result<model::Page<OrganizationApplication>> ListOrganizationApplications(
    const Context& ctx, const std::string& org_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page) {
  model::Page<OrganizationApplication> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto org = r.organizations.Find(org_id);
    if (!org) return Fail(org.error());
    if (!*org) return Fail(Error::NotFound("Organization `" + org_id + "` not found."));
    auto apps = r.organizations.ListApplications(org_id, q, page);
    if (!apps) return Fail(apps.error());
    out.total = apps->total;
    std::vector<std::string> ids;
    std::unordered_map<std::string, size_t> index;
    for (auto& a : apps->items) {
      ids.push_back(a.id);
      index.emplace(a.id, out.items.size());
      out.items.push_back({std::move(a), {}});
    }
    if (ids.empty()) return Ok();
    auto roles = r.organizations.ApplicationsRolesOf(org_id, ids);
    if (!roles) return Fail(roles.error());
    for (auto& row : *roles) out.items[index[row.member_id]].roles.push_back(std::move(row.role));
    return Ok();
  }));
  return out;
}

Result<void> AddOrganizationApplications(const Context& ctx, const std::string& org_id,
                                         const std::vector<std::string>& app_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireOrganization(r, org_id));
    GH_TRY(RequireMachineToMachine(r, app_ids));
    return r.organizations.AddApplications(org_id, app_ids, ctx.clock.NowMillis());
  });
}

Result<void> ReplaceOrganizationApplications(const Context& ctx, const std::string& org_id,
                                             const std::vector<std::string>& app_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireOrganization(r, org_id));
    GH_TRY(RequireMachineToMachine(r, app_ids));
    return r.organizations.ReplaceApplications(org_id, app_ids, ctx.clock.NowMillis());
  });
}

Result<void> RemoveOrganizationApplication(const Context& ctx, const std::string& org_id,
                                           const std::string& app_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto removed = r.organizations.RemoveApplication(org_id, app_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) return Fail(Error::NotFoundRelation("The application is not a member."));
    return Ok();
  });
}

Result<void> AssignOrganizationApplicationsRoles(const Context& ctx, const std::string& org_id,
                                                 const std::vector<std::string>& app_ids,
                                                 const std::vector<std::string>& role_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto ids = ResolveOrganizationRoles(r, {role_ids, {}}, model::RoleType::kMachineToMachine);
    if (!ids) return Fail(ids.error());
    return r.organizations.AddApplicationsRoles(org_id, app_ids, *ids);
  });
}

Result<std::vector<model::OrganizationRole>> ListOrganizationApplicationRoles(
    const Context& ctx, const std::string& org_id, const std::string& app_id) {
  std::vector<model::OrganizationRole> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireApplicationMember(r, org_id, app_id));
    auto roles = r.organizations.ApplicationRoles(org_id, app_id);
    if (!roles) return Fail(roles.error());
    out = std::move(*roles);
    return Ok();
  }));
  return out;
}

Result<void> AddOrganizationApplicationRoles(const Context& ctx, const std::string& org_id,
                                             const std::string& app_id,
                                             const std::vector<std::string>& role_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireApplicationMember(r, org_id, app_id));
    auto ids = ResolveOrganizationRoles(r, {role_ids, {}}, model::RoleType::kMachineToMachine);
    if (!ids) return Fail(ids.error());
    if (ids->empty()) return Ok();
    return r.organizations.AddApplicationRoles(org_id, app_id, *ids);
  });
}

Result<void> ReplaceOrganizationApplicationRoles(const Context& ctx, const std::string& org_id,
                                                 const std::string& app_id,
                                                 const std::vector<std::string>& role_ids) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireApplicationMember(r, org_id, app_id));
    auto ids = ResolveOrganizationRoles(r, {role_ids, {}}, model::RoleType::kMachineToMachine);
    if (!ids) return Fail(ids.error());
    return r.organizations.ReplaceApplicationRoles(org_id, app_id, *ids);
  });
}

Result<void> RemoveOrganizationApplicationRole(const Context& ctx, const std::string& org_id,
                                               const std::string& app_id,
                                               const std::string& role_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(RequireApplicationMember(r, org_id, app_id));
    auto removed = r.organizations.RemoveApplicationRole(org_id, app_id, role_id);
    if (!removed) return Fail(removed.error());
    if (!*removed) return Fail(Error::NotFoundRelation("The application does not hold that role."));
    return Ok();
  });
}

}  // namespace gatehouse::service
