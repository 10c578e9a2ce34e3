#include "oidc/oidc_error.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace gatehouse::oidc {

Error OAuthError(std::string_view error, std::string description) {
  ErrorKind kind = ErrorKind::kInvalidInput;
  if (error == "invalid_client") kind = ErrorKind::kUnauthenticated;
  if (error == "access_denied" || error == "insufficient_scope") kind = ErrorKind::kForbidden;
  return {kind, "oidc." + std::string(error), std::move(description)};
}

http::Response OAuthErrorResponse(const Error& e) {
  std::string error;
  int status = 400;
  if (e.code.rfind("oidc.", 0) == 0) {
    error = e.code.substr(5);
    if (error == "invalid_client") status = 401;
    if (error == "access_denied" || error == "insufficient_scope") status = 403;
  } else if (e.kind == ErrorKind::kUnavailable) {
    error = "temporarily_unavailable";
    status = 503;
  } else {
    spdlog::error("token endpoint internal error: {}", e.message);
    error = "server_error";
    status = 500;
  }
  std::string description = status == 500 ? "internal server error" : e.message;
  auto res = http::Response::Json(status, {{"error", error},
                                           {"error_description", description},
                                           {"code", "oidc." + error},
                                           {"message", description}});
  // RFC 6749 §5.1: token responses must not be cached.
  res.SetHeader("Cache-Control", "no-store");
  if (status == 401) res.SetHeader("WWW-Authenticate", "Basic realm=\"gatehouse\"");
  return res;
}

}  // namespace gatehouse::oidc
