#include "service/oidc/organization_scopes.h"

#include "authz/permissions.h"
#include "service/oidc/common.h"

namespace gatehouse::service {

Result<std::vector<std::string>> SelectScopes(const std::vector<std::string>& explicit_scope,
                                              const std::optional<std::vector<std::string>>& ceiling,
                                              const std::vector<std::string>& held) {
  std::optional<std::vector<std::string>> requested;
  if (!explicit_scope.empty()) requested = explicit_scope;
  auto decision = authz::DecideScopes(held, requested, ceiling);
  if (decision.denied) {
    return Fail(OAuthFailure("access_denied", "none of the requested scopes is held"));
  }
  return std::move(decision.scopes);
}

std::vector<std::string> UnionScopes(std::vector<std::string> a, const std::vector<std::string>& b) {
  for (const auto& s : b)
    if (!Contains(a, s)) a.push_back(s);
  return a;
}

}  // namespace gatehouse::service
