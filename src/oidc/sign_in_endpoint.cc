#include "oidc/sign_in_endpoint.h"

#include "crypto/digest.h"
#include "oidc/authorization_response.h"
#include "oidc/authorize_endpoint.h"
#include "oidc/cookies.h"
#include "oidc/html.h"
#include "service/applications/applications.h"
#include "service/oidc/authorization.h"
#include "service/oidc/common.h"
#include "service/sign_in/session.h"

namespace gatehouse::oidc {
namespace {

constexpr std::string_view kRejected = "Incorrect username, email or password.";

http::Response Unavailable() {
  auto res = ErrorPage(503, "temporarily_unavailable", "Please try again in a moment.");
  res.SetHeader("Retry-After", "1");
  return res;
}

http::Response NoInteraction() {
  return ErrorPage(400, "invalid_request",
                   "There is no sign-in in progress, or it expired. Go back to the application "
                   "and start again.");
}

// RFC 6454 §6.1: scheme "://" host [":" port] of the public endpoint (no path).
std::string Origin(const OidcContext& ctx) {
  size_t scheme_end = ctx.endpoint.find("://");
  if (scheme_end == std::string::npos) return ctx.endpoint;
  size_t path = ctx.endpoint.find('/', scheme_end + 3);
  return ctx.endpoint.substr(0, path);
}

std::string ClientName(const OidcContext& ctx, const std::string& client_id) {
  auto app = service::GetApplication(ctx.services, client_id);
  return app ? app->name : "";
}

http::Response HandleGet(const OidcContext& ctx, const http::Request& req) {
  auto cookie = GetCookie(req, kInteractionCookie);
  if (!cookie) return NoInteraction();
  auto pending = service::FindInteraction(ctx.services, *cookie);
  if (!pending) return Unavailable();
  if (!*pending) return NoInteraction();
  SignInForm form{(*pending)->row.csrf, (*pending)->request.login_hint.value_or(""), "",
                  ClientName(ctx, (*pending)->request.client_id)};
  return SignInPage(200, form);
}

// The whole POST, run on a worker thread.
http::Response HandlePost(const OidcContext& ctx, SignInRuntime& rt, const http::Request& req) {
  auto cookie = GetCookie(req, kInteractionCookie);
  if (!cookie) return NoInteraction();
  // Defence in depth beside the CSRF field: a browser's cross-site POST names another origin.
  if (auto origin = req.Header("origin"); origin && *origin != "null" && *origin != Origin(ctx)) {
    return ErrorPage(403, "invalid_request", "Cross-site sign-in requests are refused.");
  }
  auto form = http::ParseFormEncoded(req.body);
  if (!form) return ErrorPage(400, "invalid_request", "The form is malformed.");
  std::string csrf, identifier, password;
  for (auto& [k, v] : *form) {
    if (k == "csrf") csrf = v;
    if (k == "identifier") identifier = v;
    if (k == "password") password = v;
  }
  auto pending = service::FindInteraction(ctx.services, *cookie);
  if (!pending) return Unavailable();
  if (!*pending) return NoInteraction();
  const auto& interaction = **pending;
  if (csrf.empty() || !crypto::ConstantTimeEquals(csrf, interaction.row.csrf)) {
    return ErrorPage(403, "invalid_request", "The form expired. Reload the page and try again.");
  }
  SignInForm page{interaction.row.csrf, identifier.substr(0, 128), "",
                  ClientName(ctx, interaction.request.client_id)};
  auto outcome = rt.passwords.Check(ctx.services, identifier, password, req.remote_address);
  if (!outcome) return Unavailable();
  if (outcome->kind == service::SignInOutcome::Kind::kThrottled) {
    int64_t seconds = (outcome->retry_after_ms + 999) / 1000;
    page.error = "Too many attempts. Try again in " + std::to_string(seconds) + " seconds.";
    auto res = SignInPage(429, page);
    res.SetHeader("Retry-After", std::to_string(seconds));
    return res;
  }
  if (outcome->kind == service::SignInOutcome::Kind::kRejected) {
    page.error = std::string(kRejected);
    return SignInPage(401, page);
  }
  const model::User& user = *outcome->user;
  auto session = service::CreateSession(ctx.services, user.id);
  if (!session) return Unavailable();
  (void)service::DeleteInteraction(ctx.services, *cookie);
  auto code = service::IssueAuthorizationCode(ctx.services, interaction.request, user.id,
                                              ctx.services.clock.NowMillis());
  http::Response res =
      code ? CodeRedirect(interaction.request, *code, ctx.issuer())
           : ErrorRedirect(interaction.request.redirect_uri, interaction.request.response_mode,
                           interaction.request.state, code.error(), ctx.issuer());
  // The interaction row is gone, so its cookie is inert; it is not cleared here because the
  // HTTP layer keeps one header per name (one Set-Cookie per response).
  SetCookie(res, kSessionCookie, *session, service::kSessionTtl, SecureCookies(ctx));
  return res;
}

}  // namespace

void RegisterSignInRoutes(http::Router& router, const OidcContext& ctx,
                          std::shared_ptr<SignInRuntime> runtime) {
  router.Add("GET", "/sign-in", [ctx](http::Request& req) { return HandleGet(ctx, req); });
  router.AddAsync("POST", "/sign-in", [ctx, runtime](http::Request& req, http::Responder done) {
    // The request is copied: the job outlives this call.
    auto copy = std::make_shared<http::Request>(req);
    bool queued = runtime->pool.Submit([ctx, runtime, copy, done] {
      http::Response res;
      try {
        res = HandlePost(ctx, *runtime, *copy);
      } catch (...) {
        res = http::Response::InternalError();  // logged by the pool's caller path below
      }
      done(std::move(res));
    });
    if (!queued) done(Unavailable());
  });
}

}  // namespace gatehouse::oidc
