// The client_credentials grant (RFC 6749 §4.4) with RFC 8707 resource indicators: an M2M
// application gets an access token for an API resource with the scopes its global roles grant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/oidc/access_token.h"
#include "service/context.h"
#include "service/keys/key_ring.h"

namespace gatehouse::service {

struct ClientCredentialsRequest {
  model::Application client;                 // already authenticated
  std::vector<std::string> resources;        // RFC 8707: at most one for this grant
  std::optional<std::string> scope;          // requested, space-separated
  std::optional<std::string> organization_id;
};

// Errors are OAuth errors (code "oidc.<error>"): unauthorized_client for a non-M2M client,
// invalid_target for an unknown or repeated resource, invalid_request when no resource is named.
// Issued scope = requested ∩ held (all held when no scope is requested).
Result<IssuedAccessToken> ClientCredentialsGrant(const Context& ctx, const KeySet& keys,
                                                 const std::string& issuer,
                                                 const ClientCredentialsRequest& request);

}  // namespace gatehouse::service
