// RepoSet: every SQLite repository bound to one connection.
#pragma once

#include "store/sqlite/application_repo.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/key_repo.h"
#include "store/sqlite/organization_repo.h"
#include "store/sqlite/organization_template_repo.h"
#include "store/sqlite/resource_repo.h"
#include "store/sqlite/role_repo.h"
#include "store/sqlite/user_repo.h"
#include "store/store.h"

namespace gatehouse::store::sqlite {

struct RepoSet {
  explicit RepoSet(Connection& c)
      : users(c), applications(c), resources(c), roles(c), org_template(c), organizations(c),
        keys(c), repos{users, applications, resources, roles, org_template, organizations, keys} {}

  SqliteUserRepo users;
  SqliteApplicationRepo applications;
  SqliteResourceRepo resources;
  SqliteRoleRepo roles;
  SqliteOrganizationTemplateRepo org_template;
  SqliteOrganizationRepo organizations;
  SqliteKeyRepo keys;
  Repos repos;
};

}  // namespace gatehouse::store::sqlite
