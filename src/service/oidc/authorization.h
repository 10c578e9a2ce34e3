// The authorization decision (OIDC Core §3.1.2.3) and the issuing of authorization codes.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "model/oidc_entities.h"
#include "service/context.h"
#include "service/oidc/authorization_request.h"

namespace gatehouse::service {

enum class AuthorizationStep {
  kIssueCode,      // the session's user may be given a code now
  kSignIn,         // show the sign-in page
  kLoginRequired,  // prompt=none without a usable session → error login_required to the client
};

// prompt=login forces a sign-in; no session, or one older than max_age (OIDC Core §3.1.2.1),
// needs a sign-in — which prompt=none turns into login_required. First-party clients need no
// consent screen, so prompt=consent changes nothing.
AuthorizationStep DecideAuthorization(const AuthorizationRequest& request,
                                      const std::optional<model::OidcSession>& session,
                                      int64_t now_ms);

// Creates the grant and a single-use code (60 s) for `user_id`; returns the code value.
// `auth_time_ms`: when the user authenticated. NotFound-free: login_required if the user is gone
// or suspended (the session outlived the account).
Result<std::string> IssueAuthorizationCode(const Context& ctx, const AuthorizationRequest& request,
                                           const std::string& user_id, int64_t auth_time_ms);

}  // namespace gatehouse::service
