// RepoSet: every SQLite repository bound to one connection.
#pragma once

#include "store/sqlite/application_repo.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/grant_repo.h"
#include "store/sqlite/key_repo.h"
#include "store/sqlite/organization_repo.h"
#include "store/sqlite/organization_template_repo.h"
#include "store/sqlite/resource_repo.h"
#include "store/sqlite/role_repo.h"
#include "store/sqlite/session_repo.h"
#include "store/sqlite/user_repo.h"
#include "store/store.h"

namespace gatehouse::store::sqlite {

struct RepoSet {
  explicit RepoSet(Connection& c)
      : users(c), applications(c), resources(c), roles(c), org_template(c), organizations(c),
        keys(c), sessions(c), grants(c),
        repos{users,         applications, resources, roles, org_template,
              organizations, keys,         sessions,  grants} {}

  SqliteUserRepo users;
  SqliteApplicationRepo applications;
  SqliteResourceRepo resources;
  SqliteRoleRepo roles;
  SqliteOrganizationTemplateRepo org_template;
  SqliteOrganizationRepo organizations;
  SqliteKeyRepo keys;
  SqliteSessionRepo sessions;
  SqliteGrantRepo grants;
  Repos repos;
};

}  // namespace gatehouse::store::sqlite
