// What a member holds in an organization, evaluated on every token request against the current
// membership, role assignments (read live) and organization template (authz snapshot, rebuilt
// whenever the store's template version moved — PRODUCT.md §2: the next token reflects any
// change), and the scope-selection rule of organization tokens.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "authz/template_snapshot.h"
#include "common/result.h"
#include "service/context.h"
#include "store/store.h"

namespace gatehouse::service {

// The template snapshot at the store's current version: ctx.template_cache's when its version is
// current, else rebuilt from `r` (and stored in the cache). REQUIRES: inside a unit of work.
Result<std::shared_ptr<const authz::TemplateSnapshot>> CurrentTemplate(const Context& ctx,
                                                                       store::Repos& r);

// Organization permissions (names) a member holds in `org_id` through its roles; nullopt when
// it is not a member (or the organization does not exist).
Result<std::optional<std::vector<std::string>>> MemberOrganizationScopes(
    const Context& ctx, store::Repos& r, const std::string& org_id, const std::string& member_id,
    bool is_application);

// Resource permissions (names, of the resource `indicator`) the member's organization roles
// grant inside `org_id`; nullopt when not a member.
Result<std::optional<std::vector<std::string>>> OrganizationResourceScopes(
    const Context& ctx, store::Repos& r, const std::string& org_id, const std::string& member_id,
    bool is_application, const std::string& indicator);

// PRODUCT.md §2: with an explicit scope (non-empty) issued = explicit ∩ held, and 403
// access_denied when that is empty; otherwise issued = held ∩ `ceiling` (nullopt: everything
// held), possibly empty.
Result<std::vector<std::string>> SelectScopes(const std::vector<std::string>& explicit_scope,
                                              const std::optional<std::vector<std::string>>& ceiling,
                                              const std::vector<std::string>& held);

// Union of two name lists (order of `a` then new ones of `b`).
std::vector<std::string> UnionScopes(std::vector<std::string> a, const std::vector<std::string>& b);

}  // namespace gatehouse::service
