// POST /oidc/token (RFC 6749 §3.2): parses the request, authenticates the client, dispatches on
// grant_type, and answers per RFC 6749 §5.1 / §5.2.
#pragma once

#include "http/router.h"
#include "oidc/oidc_context.h"

namespace gatehouse::oidc {

void RegisterTokenRoutes(http::Router& router, const OidcContext& ctx);

}  // namespace gatehouse::oidc
