#include "service/oidc/common.h"

#include "service/applications/applications.h"

namespace gatehouse::service {

Error OAuthFailure(std::string_view error, std::string description) {
  ErrorKind kind = ErrorKind::kInvalidInput;
  if (error == "invalid_client" || error == "invalid_token") kind = ErrorKind::kUnauthenticated;
  if (error == "access_denied" || error == "insufficient_scope") kind = ErrorKind::kForbidden;
  return {kind, "oidc." + std::string(error), std::move(description)};
}

std::string OrganizationAudience(std::string_view organization_id) {
  return std::string(kOrganizationUrnPrefix) + std::string(organization_id);
}

std::string UserinfoAudience(std::string_view issuer) { return std::string(issuer) + "/me"; }

std::string HashOpaque(std::string_view value) { return HashSecret(value); }

}  // namespace gatehouse::service
