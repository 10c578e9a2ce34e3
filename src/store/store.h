// Store: the storage abstraction services use. A unit of work runs on one connection; Write runs
// it in a transaction that commits only if the function returns success (a failed request changes
// nothing — PRODUCT.md §6). Implementations: store/sqlite (default), store/postgres (later).
#pragma once

#include <functional>

#include "common/result.h"
#include "store/application_repo.h"
#include "store/grant_repo.h"
#include "store/key_repo.h"
#include "store/organization_repo.h"
#include "store/organization_template_repo.h"
#include "store/resource_repo.h"
#include "store/role_repo.h"
#include "store/session_repo.h"
#include "store/user_repo.h"

namespace gatehouse::store {

// The repositories of one unit of work, all bound to the same connection / transaction.
struct Repos {
  UserRepo& users;
  ApplicationRepo& applications;
  ResourceRepo& resources;
  RoleRepo& roles;
  OrganizationTemplateRepo& org_template;
  OrganizationRepo& organizations;
  KeyRepo& keys;
  SessionRepo& sessions;  // OIDC browser sessions and interactions
  GrantRepo& grants;      // OIDC grants, codes, refresh tokens
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs `fn` with read access (a consistent snapshot for its duration).
  virtual Result<void> Read(const std::function<Result<void>(Repos&)>& fn) = 0;
  // Runs `fn` in a write transaction; commits on success, rolls back on error or exception.
  virtual Result<void> Write(const std::function<Result<void>(Repos&)>& fn) = 0;
  // Applies pending schema migrations. Returns how many were applied.
  virtual Result<int> Migrate() = 0;
};

}  // namespace gatehouse::store
