// Wire shapes (API.md, as Logto) of users, applications, application secrets, API resources,
// scopes and global roles. camelCase keys exactly; timestamps in ms; never a password hash or a
// secret hash.
#pragma once

#include <nlohmann/json.hpp>

#include "model/entities.h"
#include "service/applications/applications.h"
#include "service/resources/roles.h"
#include "service/users/users.h"

namespace gatehouse::api {

// {id, username, primaryEmail, primaryPhone, name, avatar, customData, identities: {},
//  lastSignInAt, createdAt, updatedAt, isSuspended, hasPassword}
nlohmann::json UserJson(const model::User& u);
// {tenantId: "default", id, name, description, type, oidcClientMetadata, customClientMetadata,
//  isThirdParty, createdAt}
nlohmann::json ApplicationJson(const model::Application& a);
// {tenantId, applicationId, name, createdAt, expiresAt} (+ value when created).
nlohmann::json SecretJson(const model::ApplicationSecret& s);
// {tenantId, id, name, indicator, isDefault: false, accessTokenTtl, isBuiltIn}
nlohmann::json ResourceJson(const model::Resource& r);
// {tenantId, id, resourceId, name, description, createdAt}
nlohmann::json ScopeJson(const model::Scope& s);
// {tenantId, id, name, description, type, isDefault: false}
nlohmann::json RoleJson(const model::Role& r);

}  // namespace gatehouse::api
