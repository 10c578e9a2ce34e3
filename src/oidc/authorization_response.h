// Sending the authorization response (RFC 6749 §4.1.2) or error (§4.1.2.1) back to the client's
// redirect URI, by query (303 See Other) or form_post, always with `iss` (RFC 9207 §2).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "http/message.h"
#include "service/oidc/authorization_request.h"

namespace gatehouse::oidc {

using Fields = std::vector<std::pair<std::string, std::string>>;

// `fields` plus state (when given) and iss, to `redirect_uri` by `response_mode`.
http::Response AuthorizationRedirect(const std::string& redirect_uri, const std::string& mode,
                                     Fields fields, const std::optional<std::string>& state,
                                     const std::string& issuer);

// The code response for `request`.
http::Response CodeRedirect(const service::AuthorizationRequest& request, const std::string& code,
                            const std::string& issuer);

// An OAuth error (code "oidc.<error>") for `request`'s client.
http::Response ErrorRedirect(const std::string& redirect_uri, const std::string& mode,
                             const std::optional<std::string>& state, const Error& error,
                             const std::string& issuer);

// A failure of service::CheckAuthorizationRequest: a page when it must not be redirected.
http::Response FailureResponse(const service::AuthorizationFailure& failure,
                               const std::string& issuer);

}  // namespace gatehouse::oidc
