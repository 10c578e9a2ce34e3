// Bootstrap (PRODUCT.md §4): the built-in Management API resource and its `all` scope, the global
// roles that hold it, the bootstrap M2M application and console admin, and the Console SPA
// application (`gatehouse-console`). Idempotent: safe at every
// start, on every node.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "service/context.h"

namespace gatehouse::service {

struct BootstrapConfig {
  std::string management_api_resource;
  std::string endpoint;  // public base URL: the Console app's redirect URIs derive from it
  std::optional<std::string> client_id, client_secret;
  std::optional<std::string> admin_username, admin_password;
};

struct BootstrapOutcome {
  // Set only when the database had no way in (no configured bootstrap and no application holding
  // the Management API): credentials of a freshly created admin M2M app, to print once.
  std::optional<std::string> generated_client_id;
  std::optional<std::string> generated_client_secret;
};

// Names of the built-in global roles that hold the Management API permission `all`.
inline constexpr const char* kManagementM2mRole = "Management API access";
inline constexpr const char* kManagementUserRole = "Console admin";
inline constexpr const char* kManagementScope = "all";
// The built-in Console SPA (doc/console.md): signs admins in with code + PKCE.
inline constexpr const char* kConsoleClientId = "gatehouse-console";
inline constexpr const char* kConsoleName = "Gatehouse Console";

// Whether a global role is one of the two built-in roles above (they cannot be deleted or
// renamed, nor lose the Management API scope, through the Management API).
bool IsBuiltInRoleName(std::string_view name);

Result<BootstrapOutcome> Bootstrap(const Context& ctx, const BootstrapConfig& config);

}  // namespace gatehouse::service
