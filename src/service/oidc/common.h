// Shared vocabulary of the OIDC provider's services: OAuth error values, the Logto reserved
// scopes and resources, lifetimes, and the hashing of opaque secrets.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace gatehouse::service {

// An Error whose wire code is "oidc.<error>" (RFC 6749 §5.2 error names). oidc/oidc_error.cc maps
// it to the HTTP status.
Error OAuthFailure(std::string_view error, std::string description);

// Logto's reserved scopes (API.md "OIDC").
inline constexpr std::string_view kScopeOpenId = "openid";
inline constexpr std::string_view kScopeOfflineAccess = "offline_access";
inline constexpr std::string_view kScopeOrganizations = "urn:logto:scope:organizations";
inline constexpr std::string_view kScopeOrganizationRoles = "urn:logto:scope:organization_roles";
// The reserved resource Logto's SDKs name when they want organization tokens.
inline constexpr std::string_view kResourceOrganizations = "urn:logto:resource:organizations";
inline constexpr std::string_view kOrganizationUrnPrefix = "urn:logto:organization:";

// Lifetimes (seconds unless said otherwise).
inline constexpr int64_t kAccessTokenTtl = 3600;          // PRODUCT.md §5
inline constexpr int64_t kIdTokenTtl = 3600;
inline constexpr int64_t kCodeTtl = 60;                   // RFC 6749 §4.1.2: short-lived
inline constexpr int64_t kRefreshTokenTtl = 14 * 86400;   // Logto's default
inline constexpr int64_t kGrantMaxLifetime = 365 * 86400; // rotation never extends past this
inline constexpr int64_t kSessionTtl = 14 * 86400;
inline constexpr int64_t kInteractionTtl = 3600;

// aud of an organization token: urn:logto:organization:<id>.
std::string OrganizationAudience(std::string_view organization_id);
// aud of the access token that is only good for the userinfo endpoint (<issuer>/me).
std::string UserinfoAudience(std::string_view issuer);

// SHA-256 hex of an opaque value (session, code, refresh token): the only stored form.
std::string HashOpaque(std::string_view value);

inline bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace gatehouse::service
