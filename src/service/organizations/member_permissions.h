// What a member holds in an organization, for the token endpoint's hot path: the member's role
// ids come from one indexed query, and the permissions of those roles from the cached,
// immutable template snapshot (authz/). The snapshot is reused while the store's template
// version (one row) matches it and rebuilt otherwise, so any template write — on this node or
// another — is reflected by the next evaluation, and a template change never touches
// per-organization data.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "authz/permissions.h"
#include "authz/template_snapshot.h"
#include "common/result.h"
#include "service/context.h"
#include "store/store.h"

namespace gatehouse::service {

// The template snapshot current for the unit of work `r` (cached in ctx.template_cache when
// set). REQUIRES: called inside ctx.store.Read/Write with `r`.
Result<std::shared_ptr<const authz::TemplateSnapshot>> CurrentTemplate(const Context& ctx,
                                                                       store::Repos& r);

// The organization scope names `member_id` holds in `org_id`, sorted; nullopt when it is not a
// member (or the organization does not exist); an empty list for a member without permissions.
Result<std::optional<std::vector<std::string>>> MemberOrganizationScopes(
    const Context& ctx, store::Repos& r, authz::PrincipalKind who, const std::string& org_id,
    const std::string& member_id);
// The scope names of API resource `indicator` the member's organization roles grant in `org_id`,
// sorted; nullopt when not a member.
Result<std::optional<std::vector<std::string>>> MemberResourceScopes(
    const Context& ctx, store::Repos& r, authz::PrincipalKind who, const std::string& org_id,
    const std::string& member_id, const std::string& indicator);

// Convenience forms running their own read. Not a member → Forbidden with code
// "organization.require_membership"; a member holding nothing → an empty list.
Result<std::vector<std::string>> UserOrganizationScopes(const Context& ctx,
                                                        const std::string& org_id,
                                                        const std::string& user_id);
Result<std::vector<std::string>> ApplicationOrganizationScopes(const Context& ctx,
                                                               const std::string& org_id,
                                                               const std::string& app_id);
Result<std::vector<std::string>> UserOrganizationResourceScopes(const Context& ctx,
                                                                const std::string& org_id,
                                                                const std::string& user_id,
                                                                const std::string& indicator);
Result<std::vector<std::string>> ApplicationOrganizationResourceScopes(
    const Context& ctx, const std::string& org_id, const std::string& app_id,
    const std::string& indicator);

// ID token claims (PRODUCT.md §5): `organizations` (ids, sorted) and `organization_roles`
// ("<orgId>:<roleName>", by organization then role name).
struct OrganizationClaims {
  std::vector<std::string> organizations;
  std::vector<std::string> organization_roles;
};
Result<OrganizationClaims> UserOrganizationClaims(store::Repos& r, const std::string& user_id);

}  // namespace gatehouse::service
