// Cookies of the OIDC provider (RFC 6265): reading the Cookie header and writing Set-Cookie with
// HttpOnly, SameSite=Lax and Path=/ (Secure when the endpoint is https).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace gatehouse::oidc {

inline constexpr std::string_view kSessionCookie = "gh_session";
inline constexpr std::string_view kInteractionCookie = "gh_interaction";

// The value of cookie `name` in the request's Cookie header(s); nullopt if absent.
std::optional<std::string> GetCookie(const http::Request& req, std::string_view name);

// Appends a Set-Cookie header. `max_age_seconds` 0 deletes the cookie.
void SetCookie(http::Response& res, std::string_view name, std::string_view value,
               int64_t max_age_seconds, bool secure);

}  // namespace gatehouse::oidc
