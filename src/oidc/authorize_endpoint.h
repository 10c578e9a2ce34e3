// GET|POST /oidc/auth (RFC 6749 §3.1, OIDC Core §3.1.2): validates the request, then either
// answers the client at once (a usable session: code; prompt=none without one: login_required)
// or stores the request as an interaction and sends the browser to the hosted sign-in page.
// No CORS here (API.md): the endpoint is for top-level navigation only.
#pragma once

#include "http/router.h"
#include "oidc/oidc_context.h"

namespace gatehouse::oidc {

void RegisterAuthorizeRoutes(http::Router& router, const OidcContext& ctx);

// Secure cookies when the public endpoint is https.
bool SecureCookies(const OidcContext& ctx);

}  // namespace gatehouse::oidc
