#include "oidc/token_endpoint.h"

#include <nlohmann/json.hpp>

#include "oidc/discovery.h"
#include "oidc/form_input.h"
#include "oidc/oidc_error.h"
#include "service/applications.h"
#include "service/client_credentials_grant.h"

namespace gatehouse::oidc {
namespace {

http::Response TokenResponse(const service::IssuedAccessToken& token) {
  nlohmann::json body = {{"access_token", token.jwt},
                         {"expires_in", token.expires_in},
                         {"token_type", "Bearer"},
                         {"scope", token.scope}};
  auto res = http::Response::Json(200, body);
  // RFC 6749 §5.1: Cache-Control: no-store.
  res.SetHeader("Cache-Control", "no-store");
  res.SetHeader("Pragma", "no-cache");
  return res;
}

Result<http::Response> HandleToken(const OidcContext& ctx, const http::Request& req) {
  auto params = ParseParams(req);
  if (!params) return Fail(params.error());
  auto grant_type = params->Get("grant_type");
  if (!grant_type) return Fail(OAuthError("invalid_request", "missing grant_type"));
  auto creds = ReadClientCredentials(req, *params);
  if (!creds) return Fail(creds.error());
  auto client = service::AuthenticateClient(ctx.services, creds->client_id, creds->client_secret);
  if (!client) {
    if (client.error().kind == ErrorKind::kUnavailable) return Fail(client.error());
    return Fail(OAuthError("invalid_client", "client authentication failed"));
  }
  auto keys = ctx.keys->Current();
  if (*grant_type == "client_credentials") {
    service::ClientCredentialsRequest cc{*client, params->GetAll("resource"), params->Get("scope"),
                                         params->Get("organization_id")};
    auto token = service::ClientCredentialsGrant(ctx.services, *keys, ctx.issuer(), cc);
    if (!token) return Fail(token.error());
    return TokenResponse(*token);
  }
  return Fail(OAuthError("unsupported_grant_type", "unsupported grant_type " + *grant_type));
}

}  // namespace

void RegisterTokenRoutes(http::Router& router, const OidcContext& ctx) {
  router.Add("POST", "/oidc/token", [ctx](http::Request& req) {
    auto res = HandleToken(ctx, req);
    http::Response out = res ? std::move(*res) : OAuthErrorResponse(res.error());
    AddCors(out);
    return out;
  });
  AddPreflight(router, "/oidc/token", "POST");
}

}  // namespace gatehouse::oidc
