#include "oidc/authorization_response.h"

#include "oidc/html.h"

namespace gatehouse::oidc {
namespace {

std::string ErrorName(const Error& e) {
  return e.code.rfind("oidc.", 0) == 0 ? e.code.substr(5) : "server_error";
}

}  // namespace

http::Response AuthorizationRedirect(const std::string& redirect_uri, const std::string& mode,
                                     Fields fields, const std::optional<std::string>& state,
                                     const std::string& issuer) {
  if (state) fields.emplace_back("state", *state);
  // RFC 9207 §2: the issuer identifies who answered, against mix-up attacks.
  fields.emplace_back("iss", issuer);
  if (mode == "form_post") return FormPostPage(redirect_uri, fields);
  std::string location = redirect_uri;
  // RFC 6749 §3.1.2: the redirect URI's own query component is kept.
  char sep = location.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [k, v] : fields) {
    location += sep;
    location += http::PercentEncode(k) + "=" + http::PercentEncode(v);
    sep = '&';
  }
  http::Response res = http::Response::Empty(303);
  res.SetHeader("Location", location);
  res.SetHeader("Cache-Control", "no-store");
  res.SetHeader("Referrer-Policy", "no-referrer");
  return res;
}

http::Response CodeRedirect(const service::AuthorizationRequest& request, const std::string& code,
                            const std::string& issuer) {
  return AuthorizationRedirect(request.redirect_uri, request.response_mode, {{"code", code}},
                               request.state, issuer);
}

http::Response ErrorRedirect(const std::string& redirect_uri, const std::string& mode,
                             const std::optional<std::string>& state, const Error& error,
                             const std::string& issuer) {
  return AuthorizationRedirect(
      redirect_uri, mode, {{"error", ErrorName(error)}, {"error_description", error.message}},
      state, issuer);
}

http::Response FailureResponse(const service::AuthorizationFailure& f, const std::string& issuer) {
  if (f.redirect_uri.empty()) return ErrorPage(400, ErrorName(f.error), f.error.message);
  return ErrorRedirect(f.redirect_uri, f.response_mode, f.state, f.error, issuer);
}

}  // namespace gatehouse::oidc
