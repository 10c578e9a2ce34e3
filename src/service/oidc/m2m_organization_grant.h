// client_credentials + organization_id (API.md "OIDC"): an M2M application that is a member of an
// organization gets an organization token (aud urn:logto:organization:<id>, sub = client id), or
// with `resource`, an organization-scoped resource token carrying the claim organization_id.
#pragma once

#include "common/result.h"
#include "service/oidc/access_token.h"
#include "service/oidc/client_credentials_grant.h"
#include "service/context.h"
#include "service/keys/key_ring.h"

namespace gatehouse::service {

// REQUIRES: request.client authenticated and request.organization_id set.
// Errors: unauthorized_client (not M2M), invalid_target (several or unknown resources),
// access_denied (not a member of the organization, or explicit scopes none of which is held).
// Scopes: explicit scope ∩ held, else everything held — organization permissions of the app's
// organization roles, or for a resource its global-role scopes plus its organization roles'
// resource scopes of that resource. Membership and roles are read live.
Result<IssuedAccessToken> ClientCredentialsOrganizationGrant(const Context& ctx, const KeySet& keys,
                                                             const std::string& issuer,
                                                             const ClientCredentialsRequest& request);

}  // namespace gatehouse::service
