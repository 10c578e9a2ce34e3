#include "oidc/userinfo_endpoint.h"

#include <nlohmann/json.hpp>

#include "oidc/discovery.h"
#include "oidc/form_input.h"
#include "oidc/oidc_error.h"
#include "service/applications/applications.h"
#include "service/oidc/token_introspection.h"

namespace gatehouse::oidc {
namespace {

// RFC 6750 §3: a token problem is 401 with WWW-Authenticate: Bearer error="...".
http::Response BearerError(const Error& e) {
  http::Response res = OAuthErrorResponse(e);
  if (e.code == "oidc.invalid_token" || e.code == "oidc.invalid_request") {
    std::string error = e.code.substr(5);
    res.status = 401;
    res.SetHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\", error=\"" + error + "\"");
  } else if (e.code == "oidc.insufficient_scope") {
    res.SetHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\", error=\"insufficient_scope\"");
  }
  return res;
}

http::Response HandleUserinfo(const OidcContext& ctx, const http::Request& req) {
  auto auth = req.Header("authorization");
  if (!auth || auth->size() <= 7 || (auth->substr(0, 7) != "Bearer " && auth->substr(0, 7) != "bearer ")) {
    auto res = BearerError({ErrorKind::kUnauthenticated, "oidc.invalid_token",
                            "a Bearer access token is required"});
    res.SetHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
    return res;
  }
  auto claims = service::Userinfo(ctx.services, *ctx.keys->Current(), ctx.issuer(), auth->substr(7));
  if (!claims) return BearerError(claims.error());
  auto res = http::Response::Json(200, *claims);
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

// Client authentication shared by revocation and introspection (RFC 7009 §2.1, RFC 7662 §2.1).
Result<std::pair<Params, model::Application>> Authenticate(const OidcContext& ctx,
                                                           const http::Request& req) {
  auto params = ParseParams(req);
  if (!params) return Fail(params.error());
  auto creds = ReadClientCredentials(req, *params);
  if (!creds) return Fail(creds.error());
  auto client = service::AuthenticateClient(ctx.services, creds->client_id, creds->client_secret);
  if (!client) {
    if (client.error().kind == ErrorKind::kUnavailable) return Fail(client.error());
    return Fail(OAuthError("invalid_client", "client authentication failed"));
  }
  return std::pair{std::move(*params), std::move(*client)};
}

Result<http::Response> HandleRevocation(const OidcContext& ctx, const http::Request& req) {
  auto auth = Authenticate(ctx, req);
  if (!auth) return Fail(auth.error());
  auto token = auth->first.Get("token");
  if (!token) return Fail(OAuthError("invalid_request", "missing token"));
  GH_TRY(service::RevokeToken(ctx.services, auth->second, *token));
  // RFC 7009 §2.2: 200 whether or not the token was valid.
  return http::Response::Empty(200);
}

Result<http::Response> HandleIntrospection(const OidcContext& ctx, const http::Request& req) {
  auto auth = Authenticate(ctx, req);
  if (!auth) return Fail(auth.error());
  auto token = auth->first.Get("token");
  if (!token) return Fail(OAuthError("invalid_request", "missing token"));
  auto out = service::IntrospectToken(ctx.services, *ctx.keys->Current(), ctx.issuer(),
                                      auth->second, *token);
  if (!out) return Fail(out.error());
  auto res = http::Response::Json(200, *out);
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

template <typename F>
http::Handler WithCors(const OidcContext& ctx, F f) {
  return [ctx, f](http::Request& req) {
    Result<http::Response> r = f(ctx, req);
    http::Response out = r ? std::move(*r) : OAuthErrorResponse(r.error());
    AddCors(out);
    return out;
  };
}

}  // namespace

void RegisterUserinfoRoutes(http::Router& router, const OidcContext& ctx) {
  auto handler = [ctx](http::Request& req) {
    auto res = HandleUserinfo(ctx, req);
    AddCors(res);
    return res;
  };
  router.Add("GET", "/oidc/me", handler);
  router.Add("POST", "/oidc/me", handler);
  AddPreflight(router, "/oidc/me", "GET, POST");
}

void RegisterRevocationRoutes(http::Router& router, const OidcContext& ctx) {
  router.Add("POST", "/oidc/token/revocation", WithCors(ctx, HandleRevocation));
  AddPreflight(router, "/oidc/token/revocation", "POST");
  router.Add("POST", "/oidc/token/introspection", WithCors(ctx, HandleIntrospection));
}

}  // namespace gatehouse::oidc
