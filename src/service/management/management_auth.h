// Management API authentication (API.md "Management API auth"): a Bearer JWT issued by us whose
// aud is the Management API resource indicator and whose scope contains `all`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "service/keys/key_ring.h"

namespace gatehouse::service {

struct ManagementAuthConfig {
  std::string issuer;
  std::string resource;  // GATEHOUSE_MANAGEMENT_API_RESOURCE
};

// `authorization`: the Authorization header, if any.
// Missing → 401 auth.authorization_header_missing; not Bearer → 401
// auth.authorization_token_type_not_supported; invalid, expired or wrong audience → 401
// auth.unauthorized; no `all` scope → 403 auth.forbidden.
Result<void> AuthorizeManagement(const KeySet& keys, const Clock& clock,
                                 const ManagementAuthConfig& config,
                                 std::optional<std::string_view> authorization);

}  // namespace gatehouse::service
