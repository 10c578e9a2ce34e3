#include "service/management/management_auth.h"

#include <spdlog/spdlog.h>

#include "service/oidc/access_token.h"

namespace gatehouse::service {

Result<void> AuthorizeManagement(const KeySet& keys, const Clock& clock,
                                 const ManagementAuthConfig& config,
                                 std::optional<std::string_view> authorization) {
  if (!authorization || authorization->empty()) {
    return Fail(Error::Unauthenticated("Authorization header is missing.",
                                       "auth.authorization_header_missing"));
  }
  // RFC 6750 §2.1: "Bearer" followed by one space and the token; the scheme is case-insensitive.
  std::string_view h = *authorization;
  if (h.size() < 7 || (h.substr(0, 7) != "Bearer " && h.substr(0, 7) != "bearer ")) {
    return Fail(Error::Unauthenticated("Authorization type is not supported; use Bearer.",
                                       "auth.authorization_token_type_not_supported"));
  }
  auto claims = VerifyOwnAccessToken(keys, clock, config.issuer, config.resource, h.substr(7));
  if (!claims) {
    spdlog::debug("management token refused: {}", claims.error().message);
    return Fail(Error::Unauthenticated("Unauthorized. Please check credentials and its scope."));
  }
  auto scope = claims->find("scope");
  if (scope != claims->end() && scope->is_string()) {
    for (const auto& s : SplitScopes(scope->get_ref<const std::string&>())) {
      if (s == "all") return Ok();
    }
  }
  return Fail(Error::Forbidden("Forbidden. Please check your permission."));
}

}  // namespace gatehouse::service
