// Organizations (API.md "Organizations"): the tenants of the customer app. Names need not be
// unique. `color` and `branding` are validated objects; `customData` is any object, replaced
// whole by PATCH.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/template/organization_template.h"
#include "store/organization_repo.h"

namespace gatehouse::service {

struct OrganizationInput {
  std::string name;
  std::optional<std::string> description;
  nlohmann::json custom_data = nlohmann::json::object();
  bool is_mfa_required = false;
  nlohmann::json color = nlohmann::json::object();
  nlohmann::json branding = nlohmann::json::object();
  std::optional<std::string> custom_css;
};

struct OrganizationPatch {
  std::optional<std::string> name;
  Nullable<std::string> description;
  std::optional<nlohmann::json> custom_data;
  std::optional<bool> is_mfa_required;
  std::optional<nlohmann::json> color;
  std::optional<nlohmann::json> branding;
  Nullable<std::string> custom_css;
};

// An organization of a list, with its member summary when asked (showFeatured).
struct OrganizationListItem {
  model::Organization organization;
  std::optional<store::OrganizationUsersSummary> users;
};

// An organization a user belongs to, with the roles it holds there (by name).
struct UserOrganization {
  model::Organization organization;
  std::vector<model::OrganizationRole> roles;
};

// `color`: {primaryColor?, isDarkModeEnabled?, darkPrimaryColor?}, colours as #rgb or #rrggbb.
// Returns the object with only those keys; InvalidInput otherwise.
Result<nlohmann::json> ValidateColor(const nlohmann::json& color);
// `branding`: {logoUrl?, darkLogoUrl?, favicon?, darkFavicon?}, each an absolute URL.
Result<nlohmann::json> ValidateBranding(const nlohmann::json& branding);

// Creates with a 12-character id. InvalidInput for a bad color/branding.
Result<model::Organization> CreateOrganization(const Context& ctx, OrganizationInput input);
// NotFound (entity.not_exists_with_id) when absent.
Result<model::Organization> GetOrganization(const Context& ctx, const std::string& id);
// Newest first; `q` over id, name. `show_featured`: each item gets its member count and first
// three members (two queries for the whole page).
Result<model::Page<OrganizationListItem>> ListOrganizations(
    const Context& ctx, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page, bool show_featured);
// NotFound when absent.
Result<model::Organization> UpdateOrganization(const Context& ctx, const std::string& id,
                                               const OrganizationPatch& patch);
// NotFoundRelation (entity.not_found) when absent. Memberships and role assignments go with it.
Result<void> DeleteOrganization(const Context& ctx, const std::string& id);

// Every organization of a user with its roles there, by organization id (GET
// /users/:id/organizations). NotFound when the user does not exist.
Result<std::vector<UserOrganization>> OrganizationsOfUser(const Context& ctx,
                                                          const std::string& user_id);

}  // namespace gatehouse::service
