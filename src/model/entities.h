// Plain structs of the domain model (PRODUCT.md §2). No behaviour, no I/O. JSON-valued columns are
// nlohmann::json. Timestamps are epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace gatehouse::model {

using Json = nlohmann::json;

struct User {
  std::string id;
  std::optional<std::string> username;
  std::optional<std::string> primary_email;
  std::optional<std::string> primary_phone;
  std::optional<std::string> name;
  std::optional<std::string> avatar;
  Json custom_data = Json::object();
  std::optional<std::string> password_hash;  // Argon2id encoded string; never serialised
  bool is_suspended = false;
  std::optional<int64_t> last_sign_in_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

enum class ApplicationType { kTraditional, kSpa, kNative, kMachineToMachine };
std::string_view ToString(ApplicationType t);                     // "Traditional", "SPA", ...
std::optional<ApplicationType> ParseApplicationType(std::string_view s);
// Confidential clients hold secrets (Traditional, MachineToMachine).
inline bool IsConfidential(ApplicationType t) {
  return t == ApplicationType::kTraditional || t == ApplicationType::kMachineToMachine;
}

struct Application {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  ApplicationType type = ApplicationType::kTraditional;
  Json oidc_client_metadata = Json{{"redirectUris", Json::array()},
                                   {"postLogoutRedirectUris", Json::array()}};
  Json custom_client_metadata = Json::object();
  bool is_third_party = false;
  bool is_built_in = false;  // the Console's SPA, the bootstrap app: cannot be deleted
  int64_t created_at = 0;
};

struct ApplicationSecret {
  std::string application_id;
  std::string name;
  std::string secret_hash;  // SHA-256 of the secret, hex; the value itself is never stored
  int64_t created_at = 0;
  std::optional<int64_t> expires_at;
};

struct Resource {
  std::string id;
  std::string name;
  std::string indicator;
  int64_t access_token_ttl = 3600;  // seconds
  bool is_built_in = false;         // the Management API
  int64_t created_at = 0;
};

// A permission of an API resource.
struct Scope {
  std::string id;
  std::string resource_id;
  std::string name;
  std::optional<std::string> description;
  int64_t created_at = 0;
};

enum class RoleType { kUser, kMachineToMachine };
std::string_view ToString(RoleType t);  // "User", "MachineToMachine"
std::optional<RoleType> ParseRoleType(std::string_view s);

// A global role: grants resource scopes to users or M2M applications.
struct Role {
  std::string id;
  std::string name;
  std::string description;
  RoleType type = RoleType::kUser;
  int64_t created_at = 0;
};

// An organization permission of the template.
struct OrganizationScope {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  int64_t created_at = 0;
};

// An organization role of the template.
struct OrganizationRole {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  RoleType type = RoleType::kUser;
  int64_t created_at = 0;
};

struct Organization {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  Json custom_data = Json::object();
  bool is_mfa_required = false;
  Json color = Json::object();
  Json branding = Json::object();
  std::optional<std::string> custom_css;
  int64_t created_at = 0;
};

// A JWS signing key; the private key is PEM (PKCS#8) and never leaves the server.
struct SigningKeyRecord {
  std::string kid;
  std::string alg;  // "ES256", ...
  std::string private_key_pem;
  int64_t created_at = 0;
  std::optional<int64_t> retired_at;  // no longer signs; still published until tokens expire
};

// Pagination request: `limit` rows from `offset`. nullopt page = everything.
struct PageRequest {
  int64_t offset = 0;
  int64_t limit = 20;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

}  // namespace gatehouse::model
