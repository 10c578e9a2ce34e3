#include "service/oidc/client_credentials_grant.h"

#include <algorithm>

namespace gatehouse::service {
namespace {

Error OAuth(std::string_view error, std::string description) {
  ErrorKind kind = error == "invalid_client" ? ErrorKind::kUnauthenticated
                   : error == "access_denied" ? ErrorKind::kForbidden
                                              : ErrorKind::kInvalidInput;
  return {kind, "oidc." + std::string(error), std::move(description)};
}

}  // namespace

Result<IssuedAccessToken> ClientCredentialsGrant(const Context& ctx, const KeySet& keys,
                                                 const std::string& issuer,
                                                 const ClientCredentialsRequest& request) {
  if (request.client.type != model::ApplicationType::kMachineToMachine) {
    return Fail(OAuth("unauthorized_client",
                      "client_credentials is only for machine-to-machine applications"));
  }
  if (request.resources.size() > 1) {
    return Fail(OAuth("invalid_target", "only one resource indicator is allowed"));
  }
  if (request.resources.empty()) {
    return Fail(OAuth("invalid_target", "a resource indicator is required"));
  }
  const std::string& indicator = request.resources.front();
  std::optional<model::Resource> resource;
  std::vector<std::string> held;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto found = r.resources.FindByIndicator(indicator);
    if (!found) return Fail(found.error());
    if (!*found) return Ok();
    resource = std::move(**found);
    auto scopes = r.roles.ApplicationResourceScopes(request.client.id, resource->id);
    if (!scopes) return Fail(scopes.error());
    held = std::move(*scopes);
    return Ok();
  }));
  // RFC 8707 §2: an unknown resource is invalid_target.
  if (!resource) return Fail(OAuth("invalid_target", "resource indicator is not registered"));

  std::vector<std::string> issued;
  if (request.scope) {
    for (const auto& s : SplitScopes(*request.scope)) {
      if (std::find(held.begin(), held.end(), s) != held.end() &&
          std::find(issued.begin(), issued.end(), s) == issued.end()) {
        issued.push_back(s);
      }
    }
  } else {
    issued = held;
  }
  AccessTokenRequest token{issuer,  request.client.id, resource->indicator, request.client.id,
                           issued,  resource->access_token_ttl,             std::nullopt};
  return IssueAccessToken(keys, ctx.clock, ctx.random, token);
}

}  // namespace gatehouse::service
