// Server-rendered pages of the OIDC provider: the hosted sign-in form, error pages, and the
// form_post response (OAuth 2.0 Form Post Response Mode). They work without JavaScript and carry
// anti-framing headers (API.md: X-Frame-Options, CSP frame-ancestors, Referrer-Policy).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"

namespace gatehouse::oidc {

// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view in);

// `status` with an HTML body and the security headers every page carries: no framing
// (X-Frame-Options DENY, CSP frame-ancestors 'none'), no referrer, no caching, no sniffing.
http::Response HtmlPage(int status, std::string_view title, std::string_view body_html);

struct SignInForm {
  std::string csrf;
  std::string identifier;     // pre-filled (login_hint or the last attempt)
  std::string error;          // shown above the form; empty for none
  std::string client_name;
};
// The sign-in page: POST /sign-in with identifier, password, a hidden csrf field, submit button.
http::Response SignInPage(int status, const SignInForm& form);

// An error page for what cannot be sent back to a client (RFC 6749 §4.1.2.1).
http::Response ErrorPage(int status, std::string_view error, std::string_view description);

// OAuth 2.0 Form Post Response Mode §2: an auto-submitting form to `action` (a noscript button
// keeps it usable without JavaScript).
http::Response FormPostPage(const std::string& action,
                            const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace gatehouse::oidc
