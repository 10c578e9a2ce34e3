// RepoSet: every PostgreSQL repository bound to one connection. When store::Repos gains a
// repository, add its Pg implementation here (as in store/sqlite/repo_set.h).
#pragma once

#include "store/postgres/application_repo.h"
#include "store/postgres/connection.h"
#include "store/postgres/grant_repo.h"
#include "store/postgres/key_repo.h"
#include "store/postgres/organization_repo.h"
#include "store/postgres/organization_template_repo.h"
#include "store/postgres/resource_repo.h"
#include "store/postgres/role_repo.h"
#include "store/postgres/session_repo.h"
#include "store/postgres/user_repo.h"
#include "store/store.h"

namespace gatehouse::store::postgres {

struct RepoSet {
  explicit RepoSet(Connection& c)
      : users(c), applications(c), resources(c), roles(c), org_template(c), organizations(c),
        keys(c), sessions(c), grants(c),
        repos{users, applications, resources, roles, org_template, organizations, keys, sessions, grants} {}

  PgUserRepo users;
  PgApplicationRepo applications;
  PgResourceRepo resources;
  PgRoleRepo roles;
  PgOrganizationTemplateRepo org_template;
  PgOrganizationRepo organizations;
  PgKeyRepo keys;
  PgSessionRepo sessions;
  PgGrantRepo grants;
  Repos repos;
};

}  // namespace gatehouse::store::postgres
