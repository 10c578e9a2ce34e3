// Registers the OIDC provider's interactive and token-management endpoints: /oidc/auth, the
// hosted sign-in page, /oidc/session/end, /oidc/me, revocation and introspection. (Discovery and
// /oidc/token have their own Register* calls.)
#pragma once

#include "http/router.h"
#include "oidc/oidc_context.h"

namespace gatehouse::oidc {

// Creates the password-hashing worker pool (one thread per core, bounded queue) that the
// sign-in page uses; it lives as long as the router's handlers.
void RegisterProviderRoutes(http::Router& router, const OidcContext& ctx);

}  // namespace gatehouse::oidc
