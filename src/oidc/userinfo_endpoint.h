// GET|POST /oidc/me (OIDC Core §5.3) with the bearer token of RFC 6750 §2.1, and the token
// revocation (RFC 7009) and introspection (RFC 7662) endpoints. CORS allowed on all (API.md).
#pragma once

#include "http/router.h"
#include "oidc/oidc_context.h"

namespace gatehouse::oidc {

void RegisterUserinfoRoutes(http::Router& router, const OidcContext& ctx);
void RegisterRevocationRoutes(http::Router& router, const OidcContext& ctx);

}  // namespace gatehouse::oidc
