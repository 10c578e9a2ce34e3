// OIDC / OAuth 2 errors: building them as Error values, and the OIDC surface's one mapping to HTTP
// status and body (API.md "OIDC" errors: {"error", "error_description", "code": "oidc.<error>",
// "message"}).
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"
#include "http/message.h"

namespace gatehouse::oidc {

// An Error whose code is "oidc.<error>" (e.g. OAuthError("invalid_grant", "code expired")).
Error OAuthError(std::string_view error, std::string description);

// RFC 6749 §5.2: 400 for most errors, 401 invalid_client, 403 access_denied /
// insufficient_scope; anything that is not an OAuth error becomes server_error (500) or, for
// unavailability, temporarily_unavailable (503).
http::Response OAuthErrorResponse(const Error& error);

}  // namespace gatehouse::oidc
