#include "store/postgres/migrations.h"

namespace gatehouse::store::postgres {
namespace {

// 001: mirrors store/sqlite 001 column for column. Timestamps are BIGINT epoch milliseconds,
// JSON columns are TEXT (returned byte for byte as stored, as SQLite does), flags are BOOLEAN.
// Every text column is COLLATE "C": ordering and lower()/ILIKE then behave as SQLite's (byte order,
// ASCII case folding) whatever the database's locale.
constexpr std::string_view kInitial = R"sql(
CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  username TEXT COLLATE "C" UNIQUE,
  primary_email TEXT COLLATE "C",
  primary_phone TEXT COLLATE "C" UNIQUE,
  name TEXT COLLATE "C",
  avatar TEXT COLLATE "C",
  custom_data TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  password_hash TEXT COLLATE "C",
  is_suspended BOOLEAN NOT NULL DEFAULT FALSE,
  last_sign_in_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_primary_email ON users (lower(primary_email));
CREATE INDEX users_created_at ON users (created_at);

CREATE TABLE applications (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  description TEXT COLLATE "C",
  type TEXT COLLATE "C" NOT NULL CHECK (type IN ('Traditional', 'SPA', 'Native', 'MachineToMachine')),
  oidc_client_metadata TEXT COLLATE "C" NOT NULL,
  custom_client_metadata TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  is_third_party BOOLEAN NOT NULL DEFAULT FALSE,
  is_built_in BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL
);
CREATE INDEX applications_created_at ON applications (created_at);

CREATE TABLE application_secrets (
  application_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  name TEXT COLLATE "C" NOT NULL,
  secret_hash TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  PRIMARY KEY (application_id, name)
);

CREATE TABLE resources (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  indicator TEXT COLLATE "C" NOT NULL UNIQUE,
  access_token_ttl BIGINT NOT NULL DEFAULT 3600,
  is_built_in BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL
);

CREATE TABLE scopes (
  id TEXT COLLATE "C" PRIMARY KEY,
  resource_id TEXT COLLATE "C" NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  name TEXT COLLATE "C" NOT NULL,
  description TEXT COLLATE "C",
  created_at BIGINT NOT NULL,
  UNIQUE (resource_id, name)
);

CREATE TABLE roles (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL UNIQUE,
  description TEXT COLLATE "C" NOT NULL DEFAULT '',
  type TEXT COLLATE "C" NOT NULL CHECK (type IN ('User', 'MachineToMachine')),
  created_at BIGINT NOT NULL
);

CREATE TABLE roles_scopes (
  role_id TEXT COLLATE "C" NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  scope_id TEXT COLLATE "C" NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  PRIMARY KEY (role_id, scope_id)
);
CREATE INDEX roles_scopes_scope ON roles_scopes (scope_id);

-- seq: insertion order ("the earliest holders"), which SQLite reads from its rowid.
CREATE TABLE users_roles (
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id TEXT COLLATE "C" NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX users_roles_role ON users_roles (role_id, seq);

CREATE TABLE applications_roles (
  application_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  role_id TEXT COLLATE "C" NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (application_id, role_id)
);
CREATE INDEX applications_roles_role ON applications_roles (role_id, seq);

CREATE TABLE organization_scopes (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL UNIQUE,
  description TEXT COLLATE "C",
  created_at BIGINT NOT NULL
);

CREATE TABLE organization_roles (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL UNIQUE,
  description TEXT COLLATE "C",
  type TEXT COLLATE "C" NOT NULL DEFAULT 'User' CHECK (type IN ('User', 'MachineToMachine')),
  created_at BIGINT NOT NULL
);

CREATE TABLE organization_role_scopes (
  organization_role_id TEXT COLLATE "C" NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  organization_scope_id TEXT COLLATE "C" NOT NULL REFERENCES organization_scopes (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_role_id, organization_scope_id)
);
CREATE INDEX organization_role_scopes_scope ON organization_role_scopes (organization_scope_id);

CREATE TABLE organization_role_resource_scopes (
  organization_role_id TEXT COLLATE "C" NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  scope_id TEXT COLLATE "C" NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_role_id, scope_id)
);
CREATE INDEX organization_role_resource_scopes_scope ON organization_role_resource_scopes (scope_id);

CREATE TABLE organizations (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  description TEXT COLLATE "C",
  custom_data TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  is_mfa_required BOOLEAN NOT NULL DEFAULT FALSE,
  color TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  branding TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  custom_css TEXT COLLATE "C",
  created_at BIGINT NOT NULL
);
CREATE INDEX organizations_created_at ON organizations (created_at);

CREATE TABLE organization_users (
  organization_id TEXT COLLATE "C" NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_users_user ON organization_users (user_id);

-- A role assignment references its membership: deleting the membership deletes the assignment,
-- and an assignment cannot be inserted without it (the FK check locks the membership row, so a
-- concurrent membership delete and role insert cannot both succeed).
CREATE TABLE organization_user_roles (
  organization_id TEXT COLLATE "C" NOT NULL,
  user_id TEXT COLLATE "C" NOT NULL,
  organization_role_id TEXT COLLATE "C" NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_id, user_id, organization_role_id),
  FOREIGN KEY (organization_id, user_id)
    REFERENCES organization_users (organization_id, user_id) ON DELETE CASCADE
);
CREATE INDEX organization_user_roles_role ON organization_user_roles (organization_role_id);

CREATE TABLE organization_applications (
  organization_id TEXT COLLATE "C" NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  application_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (organization_id, application_id)
);
CREATE INDEX organization_applications_application ON organization_applications (application_id);

CREATE TABLE organization_application_roles (
  organization_id TEXT COLLATE "C" NOT NULL,
  application_id TEXT COLLATE "C" NOT NULL,
  organization_role_id TEXT COLLATE "C" NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_id, application_id, organization_role_id),
  FOREIGN KEY (organization_id, application_id)
    REFERENCES organization_applications (organization_id, application_id) ON DELETE CASCADE
);
CREATE INDEX organization_application_roles_role ON organization_application_roles (organization_role_id);

-- The organization template's version (see store/sqlite 001), bumped once per statement that can
-- change what a role grants.
CREATE TABLE organization_template_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO organization_template_version (id, version) VALUES (1, 1);
CREATE FUNCTION gatehouse_bump_template_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organization_template_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER organization_scopes_version AFTER UPDATE ON organization_scopes
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_bump_template_version();
CREATE TRIGGER organization_roles_version AFTER INSERT OR UPDATE OR DELETE ON organization_roles
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_bump_template_version();
CREATE TRIGGER organization_role_scopes_version AFTER INSERT OR DELETE ON organization_role_scopes
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_bump_template_version();
CREATE TRIGGER organization_role_resource_scopes_version
  AFTER INSERT OR DELETE ON organization_role_resource_scopes
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_bump_template_version();
CREATE TRIGGER scopes_version AFTER UPDATE OF name, resource_id ON scopes
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_bump_template_version();
CREATE TRIGGER resources_version AFTER UPDATE OF indicator ON resources
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_bump_template_version();

CREATE TABLE signing_keys (
  kid TEXT COLLATE "C" PRIMARY KEY,
  alg TEXT COLLATE "C" NOT NULL,
  private_key_pem TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT
);

-- Fleet cache invalidation: every committed write to a table notifies its topic on the channel
-- gatehouse_changes (delivered only on commit; duplicates within a transaction fold into one).
CREATE FUNCTION gatehouse_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gatehouse_changes', TG_ARGV[0]);
  RETURN NULL;
END $$;
CREATE TRIGGER organization_template_version_notify AFTER UPDATE ON organization_template_version
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('template');
CREATE TRIGGER signing_keys_notify AFTER INSERT OR UPDATE OR DELETE ON signing_keys
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('keys');
CREATE TRIGGER applications_notify AFTER INSERT OR UPDATE OR DELETE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('applications');
CREATE TRIGGER application_secrets_notify AFTER INSERT OR UPDATE OR DELETE ON application_secrets
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('applications');
CREATE TRIGGER resources_notify AFTER INSERT OR UPDATE OR DELETE ON resources
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('resources');
CREATE TRIGGER scopes_notify AFTER INSERT OR UPDATE OR DELETE ON scopes
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('resources');
CREATE TRIGGER roles_notify AFTER INSERT OR UPDATE OR DELETE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('roles');
CREATE TRIGGER roles_scopes_notify AFTER INSERT OR DELETE ON roles_scopes
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('roles');
CREATE TRIGGER users_roles_notify AFTER INSERT OR DELETE ON users_roles
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('roles');
CREATE TRIGGER applications_roles_notify AFTER INSERT OR DELETE ON applications_roles
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('roles');
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('users');
CREATE TRIGGER organizations_notify AFTER UPDATE OR DELETE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('organizations');
CREATE TRIGGER organization_users_notify AFTER INSERT OR DELETE ON organization_users
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('memberships');
CREATE TRIGGER organization_user_roles_notify AFTER INSERT OR DELETE ON organization_user_roles
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('memberships');
CREATE TRIGGER organization_applications_notify AFTER INSERT OR DELETE ON organization_applications
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('memberships');
CREATE TRIGGER organization_application_roles_notify
  AFTER INSERT OR DELETE ON organization_application_roles
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_notify_change('memberships');
)sql";

// 002: mirrors store/sqlite 002 (the OIDC provider's state; secrets as SHA-256 hex only).
constexpr std::string_view kOidc = R"sql(
CREATE TABLE oidc_sessions (
  id_hash TEXT COLLATE "C" PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  auth_time BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_sessions_user ON oidc_sessions (user_id);
CREATE INDEX oidc_sessions_expires_at ON oidc_sessions (expires_at);

CREATE TABLE oidc_interactions (
  id_hash TEXT COLLATE "C" PRIMARY KEY,
  csrf TEXT COLLATE "C" NOT NULL,
  client_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  request TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_interactions_expires_at ON oidc_interactions (expires_at);

CREATE TABLE oidc_grants (
  id TEXT COLLATE "C" PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  client_id TEXT COLLATE "C" NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  scopes TEXT COLLATE "C" NOT NULL,
  resources TEXT COLLATE "C" NOT NULL DEFAULT '[]',
  auth_time BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX oidc_grants_user ON oidc_grants (user_id);
CREATE INDEX oidc_grants_client ON oidc_grants (client_id);
CREATE INDEX oidc_grants_expires_at ON oidc_grants (expires_at);

CREATE TABLE oidc_authorization_codes (
  code_hash TEXT COLLATE "C" PRIMARY KEY,
  grant_id TEXT COLLATE "C" NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
  client_id TEXT COLLATE "C" NOT NULL,
  redirect_uri TEXT COLLATE "C" NOT NULL,
  code_challenge TEXT COLLATE "C",
  nonce TEXT COLLATE "C",
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  consumed_at BIGINT
);
CREATE INDEX oidc_authorization_codes_grant ON oidc_authorization_codes (grant_id);

CREATE TABLE oidc_refresh_tokens (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  grant_id TEXT COLLATE "C" NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  rotated_at BIGINT
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

}  // namespace gatehouse::store::postgres
