// GET|POST /oidc/session/end (OpenID Connect RP-Initiated Logout 1.0 §2): ends the browser
// session and returns to the client's post_logout_redirect_uri — only one registered exactly for
// the client named by id_token_hint or client_id; anything else gets a page, not a redirect.
#pragma once

#include "http/router.h"
#include "oidc/oidc_context.h"

namespace gatehouse::oidc {

void RegisterSessionEndRoutes(http::Router& router, const OidcContext& ctx);

}  // namespace gatehouse::oidc
