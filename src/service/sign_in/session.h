// Browser sessions (cookie gh_session) and pending sign-in interactions (cookie gh_interaction).
// Cookie values are opaque 256-bit randoms; only their SHA-256 is stored (PRODUCT.md §5).
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "model/oidc_entities.h"
#include "service/context.h"
#include "service/oidc/authorization_request.h"

namespace gatehouse::service {

// Starts a session for `user_id` authenticated now. Returns the cookie value.
Result<std::string> CreateSession(const Context& ctx, const std::string& user_id);
// The live session of a cookie value; nullopt if unknown or expired.
Result<std::optional<model::OidcSession>> FindSession(const Context& ctx, std::string_view cookie);
// Ends the session of a cookie value (no-op if unknown).
Result<void> EndSession(const Context& ctx, std::string_view cookie);

struct NewInteraction {
  std::string cookie;  // gh_interaction value
  std::string csrf;    // hidden form field
};
// Saves a validated authorization request until the user signs in.
Result<NewInteraction> CreateInteraction(const Context& ctx, const AuthorizationRequest& request);

struct PendingInteraction {
  model::Interaction row;
  AuthorizationRequest request;
};
// The live interaction of a cookie value; nullopt if unknown, expired or unreadable.
Result<std::optional<PendingInteraction>> FindInteraction(const Context& ctx,
                                                          std::string_view cookie);
Result<void> DeleteInteraction(const Context& ctx, std::string_view cookie);

}  // namespace gatehouse::service
