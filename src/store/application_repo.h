// ApplicationRepo: OIDC clients and their (hashed) secrets.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

// Filters of GET /applications (all optional; they combine with AND).
struct ApplicationFilter {
  std::optional<std::string> q;  // case-insensitive substring of id, name, description
  std::optional<std::string> exclude_organization_id;  // not a member of this organization
  std::optional<std::string> exclude_role_id;          // not holding this global role
  std::vector<model::ApplicationType> types;           // empty: any type
  std::optional<bool> is_third_party;
};

// An organization an application is a member of, with the organization roles it holds there.
struct ApplicationOrganizationRow {
  model::Organization organization;
  std::vector<model::OrganizationRole> roles;  // sorted by name
};

class ApplicationRepo {
 public:
  virtual ~ApplicationRepo() = default;
  // Conflict if the id is taken.
  virtual Result<void> Insert(const model::Application& app) = 0;
  // Replaces every column of the row with app.id. NotFound if absent.
  virtual Result<void> Update(const model::Application& app) = 0;
  virtual Result<std::optional<model::Application>> Find(const std::string& id) = 0;
  // Newest first. page == nullopt: all.
  virtual Result<model::Page<model::Application>> List(
      const ApplicationFilter& filter, const std::optional<model::PageRequest>& page) = 0;
  // Deletes the application with its secrets, role grants and organization memberships.
  // false if absent.
  virtual Result<bool> Delete(const std::string& id) = 0;
  // The ids of `ids` that exist, with their types (role and organization assignment checks).
  virtual Result<std::vector<std::pair<std::string, model::ApplicationType>>> TypesOf(
      const std::vector<std::string>& ids) = 0;

  // Secrets: (application_id, name) is unique (Conflict).
  virtual Result<void> InsertSecret(const model::ApplicationSecret& secret) = 0;
  // Oldest first.
  virtual Result<std::vector<model::ApplicationSecret>> ListSecrets(const std::string& app_id) = 0;
  // false if there is no secret `name`; Conflict if `new_name` is taken.
  virtual Result<bool> RenameSecret(const std::string& app_id, const std::string& name,
                                    const std::string& new_name) = 0;
  virtual Result<bool> DeleteSecret(const std::string& app_id, const std::string& name) = 0;

  // GET /applications/:id/organizations: the organizations the app is a member of, ordered by
  // organization id, each with the roles the app holds there.
  virtual Result<model::Page<ApplicationOrganizationRow>> Organizations(
      const std::string& app_id, const std::optional<model::PageRequest>& page) = 0;
};

}  // namespace gatehouse::store
