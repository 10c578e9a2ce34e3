#include "oidc/authorize_endpoint.h"

#include "oidc/authorization_response.h"
#include "oidc/cookies.h"
#include "oidc/html.h"
#include "service/oidc/authorization.h"
#include "service/oidc/common.h"
#include "service/sign_in/session.h"

namespace gatehouse::oidc {
namespace {

http::Response Unavailable() {
  auto res = ErrorPage(503, "temporarily_unavailable", "Please try again in a moment.");
  res.SetHeader("Retry-After", "1");
  return res;
}

http::Response HandleAuthorize(const OidcContext& ctx, const http::Request& req) {
  service::ParamList params;
  if (req.method == "POST") {
    // OIDC Core §3.1.2.1: POST with a form body is supported too.
    auto form = http::ParseFormEncoded(req.body);
    if (!form) return ErrorPage(400, "invalid_request", "The request body is malformed.");
    params = std::move(*form);
  } else {
    params = req.query;
  }
  auto check = service::CheckAuthorizationRequest(ctx.services, params);
  if (!check) return Unavailable();
  if (check->failure) return FailureResponse(*check->failure, ctx.issuer());
  const auto& request = *check->request;

  auto cookie = GetCookie(req, kSessionCookie);
  std::optional<model::OidcSession> session;
  if (cookie) {
    auto found = service::FindSession(ctx.services, *cookie);
    if (!found) return Unavailable();
    session = std::move(*found);
  }
  auto step = service::DecideAuthorization(request, session, ctx.services.clock.NowMillis());
  if (step == service::AuthorizationStep::kIssueCode) {
    auto code = service::IssueAuthorizationCode(ctx.services, request, session->user_id,
                                                session->auth_time);
    if (code) return CodeRedirect(request, *code, ctx.issuer());
    if (code.error().code != "oidc.login_required") return Unavailable();
    // The session's user is gone or suspended: treat as no session.
    step = request.HasPrompt("none") ? service::AuthorizationStep::kLoginRequired
                                     : service::AuthorizationStep::kSignIn;
  }
  if (step == service::AuthorizationStep::kLoginRequired) {
    // OIDC Core §3.1.2.6: prompt=none and the user must sign in → login_required.
    return ErrorRedirect(request.redirect_uri, request.response_mode, request.state,
                         {ErrorKind::kInvalidInput, "oidc.login_required", "user is not signed in"},
                         ctx.issuer());
  }
  auto interaction = service::CreateInteraction(ctx.services, request);
  if (!interaction) return Unavailable();
  http::Response res = http::Response::Empty(303);
  res.SetHeader("Location", "/sign-in");
  res.SetHeader("Cache-Control", "no-store");
  SetCookie(res, kInteractionCookie, interaction->cookie, service::kInteractionTtl,
            SecureCookies(ctx));
  return res;
}

}  // namespace

bool SecureCookies(const OidcContext& ctx) { return ctx.endpoint.rfind("https://", 0) == 0; }

void RegisterAuthorizeRoutes(http::Router& router, const OidcContext& ctx) {
  auto handler = [ctx](http::Request& req) { return HandleAuthorize(ctx, req); };
  router.Add("GET", "/oidc/auth", handler);
  router.Add("POST", "/oidc/auth", handler);
}

}  // namespace gatehouse::oidc
