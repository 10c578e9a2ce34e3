#include "oidc/session_end_endpoint.h"

#include "oidc/authorize_endpoint.h"
#include "oidc/cookies.h"
#include "oidc/html.h"
#include "service/applications/applications.h"
#include "service/oidc/id_token.h"
#include "service/sign_in/session.h"

namespace gatehouse::oidc {
namespace {

std::optional<std::string> Param(const service::ParamList& p, std::string_view name) {
  for (const auto& [k, v] : p)
    if (k == name && !v.empty()) return v;
  return std::nullopt;
}

bool RegisteredPostLogout(const model::Application& app, const std::string& uri) {
  auto it = app.oidc_client_metadata.find("postLogoutRedirectUris");
  if (it == app.oidc_client_metadata.end() || !it->is_array()) return false;
  for (const auto& r : *it)
    if (r.is_string() && r.get_ref<const std::string&>() == uri) return true;
  return false;
}

http::Response HandleEnd(const OidcContext& ctx, const http::Request& req) {
  service::ParamList params = req.query;
  if (req.method == "POST") {
    auto form = http::ParseFormEncoded(req.body);
    if (!form) return ErrorPage(400, "invalid_request", "The request body is malformed.");
    params = std::move(*form);
  }
  auto client_id = Param(params, "client_id");
  if (auto hint = Param(params, "id_token_hint")) {
    auto claims = service::VerifyIdTokenHint(*ctx.keys->Current(), ctx.issuer(), *hint);
    if (!claims) return ErrorPage(400, "invalid_request", claims.error().message);
    const auto& aud = (*claims)["aud"];
    std::string hinted = aud.is_string() ? aud.get<std::string>()
                         : aud.is_array() && !aud.empty() && aud[0].is_string()
                             ? aud[0].get<std::string>()
                             : "";
    if (client_id && *client_id != hinted) {
      return ErrorPage(400, "invalid_request", "client_id does not match the id_token_hint");
    }
    client_id = hinted;
  }
  auto redirect = Param(params, "post_logout_redirect_uri");
  if (redirect) {
    if (!client_id) {
      return ErrorPage(400, "invalid_request",
                       "post_logout_redirect_uri needs id_token_hint or client_id");
    }
    auto app = service::GetApplication(ctx.services, *client_id);
    if (!app || !RegisteredPostLogout(*app, *redirect)) {
      return ErrorPage(400, "invalid_request", "post_logout_redirect_uri is not registered");
    }
  }
  if (auto cookie = GetCookie(req, kSessionCookie)) {
    if (!service::EndSession(ctx.services, *cookie)) {
      return ErrorPage(503, "temporarily_unavailable", "Please try again in a moment.");
    }
  }
  http::Response res;
  if (redirect) {
    std::string location = *redirect;
    if (auto state = Param(params, "state")) {
      location += (location.find('?') == std::string::npos ? "?" : "&");
      location += "state=" + http::PercentEncode(*state);
    }
    res = http::Response::Empty(303);
    res.SetHeader("Location", location);
    res.SetHeader("Cache-Control", "no-store");
  } else {
    res = HtmlPage(200, "Signed out", "<h1>You are signed out</h1><p>You can close this page.</p>");
  }
  SetCookie(res, kSessionCookie, "", 0, SecureCookies(ctx));
  return res;
}

}  // namespace

void RegisterSessionEndRoutes(http::Router& router, const OidcContext& ctx) {
  auto handler = [ctx](http::Request& req) { return HandleEnd(ctx, req); };
  router.Add("GET", "/oidc/session/end", handler);
  router.Add("POST", "/oidc/session/end", handler);
}

}  // namespace gatehouse::oidc
