#include "store/sqlite/migrations.h"

namespace gatehouse::store::sqlite {
namespace {

// 001: the organization model and everything the Management API manages.
constexpr std::string_view kInitial = R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT UNIQUE,
  primary_email TEXT,
  primary_phone TEXT UNIQUE,
  name TEXT,
  avatar TEXT,
  custom_data TEXT NOT NULL DEFAULT '{}',
  password_hash TEXT,
  is_suspended INTEGER NOT NULL DEFAULT 0,
  last_sign_in_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_primary_email ON users (lower(primary_email));
CREATE INDEX users_created_at ON users (created_at);

CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  type TEXT NOT NULL CHECK (type IN ('Traditional', 'SPA', 'Native', 'MachineToMachine')),
  oidc_client_metadata TEXT NOT NULL,
  custom_client_metadata TEXT NOT NULL DEFAULT '{}',
  is_third_party INTEGER NOT NULL DEFAULT 0,
  is_built_in INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX applications_created_at ON applications (created_at);

CREATE TABLE application_secrets (
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  PRIMARY KEY (application_id, name)
);

CREATE TABLE resources (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  indicator TEXT NOT NULL UNIQUE,
  access_token_ttl INTEGER NOT NULL DEFAULT 3600,
  is_built_in INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE scopes (
  id TEXT PRIMARY KEY,
  resource_id TEXT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (resource_id, name)
);

CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('User', 'MachineToMachine')),
  created_at INTEGER NOT NULL
);

CREATE TABLE roles_scopes (
  role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  scope_id TEXT NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  PRIMARY KEY (role_id, scope_id)
);
CREATE INDEX roles_scopes_scope ON roles_scopes (scope_id);

CREATE TABLE users_roles (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX users_roles_role ON users_roles (role_id);

CREATE TABLE applications_roles (
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  PRIMARY KEY (application_id, role_id)
);
CREATE INDEX applications_roles_role ON applications_roles (role_id);

CREATE TABLE organization_scopes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE organization_roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  type TEXT NOT NULL DEFAULT 'User' CHECK (type IN ('User', 'MachineToMachine')),
  created_at INTEGER NOT NULL
);

CREATE TABLE organization_role_scopes (
  organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  organization_scope_id TEXT NOT NULL REFERENCES organization_scopes (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_role_id, organization_scope_id)
);
CREATE INDEX organization_role_scopes_scope ON organization_role_scopes (organization_scope_id);

CREATE TABLE organization_role_resource_scopes (
  organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  scope_id TEXT NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_role_id, scope_id)
);
CREATE INDEX organization_role_resource_scopes_scope ON organization_role_resource_scopes (scope_id);

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  custom_data TEXT NOT NULL DEFAULT '{}',
  is_mfa_required INTEGER NOT NULL DEFAULT 0,
  color TEXT NOT NULL DEFAULT '{}',
  branding TEXT NOT NULL DEFAULT '{}',
  custom_css TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX organizations_created_at ON organizations (created_at);

CREATE TABLE organization_users (
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_users_user ON organization_users (user_id);

-- A role assignment references its membership: deleting the membership deletes the assignment.
CREATE TABLE organization_user_roles (
  organization_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_id, user_id, organization_role_id),
  FOREIGN KEY (organization_id, user_id)
    REFERENCES organization_users (organization_id, user_id) ON DELETE CASCADE
);
CREATE INDEX organization_user_roles_role ON organization_user_roles (organization_role_id);

CREATE TABLE organization_applications (
  organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (organization_id, application_id)
);
CREATE INDEX organization_applications_application ON organization_applications (application_id);

CREATE TABLE organization_application_roles (
  organization_id TEXT NOT NULL,
  application_id TEXT NOT NULL,
  organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_id, application_id, organization_role_id),
  FOREIGN KEY (organization_id, application_id)
    REFERENCES organization_applications (organization_id, application_id) ON DELETE CASCADE
);
CREATE INDEX organization_application_roles_role ON organization_application_roles (organization_role_id);

-- The organization template's version: bumped by the triggers below on every write that can
-- change what a role grants, so cached authorization snapshots know when they are stale (on this
-- node and any other) at the cost of one row read. Owned by the organization template code.
CREATE TABLE organization_template_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO organization_template_version (id, version) VALUES (1, 1);
CREATE TRIGGER organization_scopes_update AFTER UPDATE ON organization_scopes
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organization_roles_insert AFTER INSERT ON organization_roles
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organization_roles_update AFTER UPDATE ON organization_roles
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organization_roles_delete AFTER DELETE ON organization_roles
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organization_role_scopes_insert AFTER INSERT ON organization_role_scopes
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organization_role_scopes_delete AFTER DELETE ON organization_role_scopes
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organization_role_resource_scopes_insert AFTER INSERT ON organization_role_resource_scopes
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER organization_role_resource_scopes_delete AFTER DELETE ON organization_role_resource_scopes
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER scopes_update_for_template AFTER UPDATE OF name, resource_id ON scopes
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER resources_update_for_template AFTER UPDATE OF indicator ON resources
  BEGIN UPDATE organization_template_version SET version = version + 1 WHERE id = 1; END;

CREATE TABLE signing_keys (
  kid TEXT PRIMARY KEY,
  alg TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
);
)sql";


// 002: the OIDC provider's state (doc/schema.md "OIDC"). Secrets are stored as SHA-256 hex only.
constexpr std::string_view kOidc = R"sql(
CREATE TABLE oidc_sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  auth_time INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX oidc_sessions_user ON oidc_sessions (user_id);
CREATE INDEX oidc_sessions_expires_at ON oidc_sessions (expires_at);

CREATE TABLE oidc_interactions (
  id_hash TEXT PRIMARY KEY,
  csrf TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  request TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX oidc_interactions_expires_at ON oidc_interactions (expires_at);

CREATE TABLE oidc_grants (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  client_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  scopes TEXT NOT NULL,
  resources TEXT NOT NULL DEFAULT '[]',
  auth_time INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX oidc_grants_user ON oidc_grants (user_id);
CREATE INDEX oidc_grants_client ON oidc_grants (client_id);
CREATE INDEX oidc_grants_expires_at ON oidc_grants (expires_at);

CREATE TABLE oidc_authorization_codes (
  code_hash TEXT PRIMARY KEY,
  grant_id TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  code_challenge TEXT,
  nonce TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  consumed_at INTEGER
);
CREATE INDEX oidc_authorization_codes_grant ON oidc_authorization_codes (grant_id);

CREATE TABLE oidc_refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  grant_id TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  rotated_at INTEGER
);
CREATE INDEX oidc_refresh_tokens_grant ON oidc_refresh_tokens (grant_id);
CREATE INDEX oidc_refresh_tokens_expires_at ON oidc_refresh_tokens (expires_at);
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kAll = {
      {1, "initial", kInitial},
      {2, "oidc", kOidc},
  };
  return kAll;
}

}  // namespace gatehouse::store::sqlite
