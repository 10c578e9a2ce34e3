#include "oidc/token_endpoint.h"

#include <nlohmann/json.hpp>

#include "common/json_write.h"
#include "oidc/discovery.h"
#include "oidc/form_input.h"
#include "oidc/oidc_error.h"
#include "service/applications/applications.h"
#include "service/oidc/client_credentials_grant.h"
#include "service/oidc/code_grant.h"
#include "service/oidc/m2m_organization_grant.h"
#include "service/oidc/refresh_grant.h"

namespace gatehouse::oidc {
namespace {

// RFC 6749 §5.1 (+ OIDC Core §3.1.3.3 id_token): a successful token response, never cached.
http::Response TokenResponse(const service::IssuedAccessToken& token,
                             const std::optional<std::string>& refresh_token = std::nullopt,
                             const std::optional<std::string>& id_token = std::nullopt) {
  // Written directly (common/json_write.h): this is the hot path of every token request.
  JsonObjectWriter body(token.jwt.size() + 256);
  body.String("access_token", token.jwt)
      .Int("expires_in", token.expires_in)
      .String("token_type", "Bearer")
      .String("scope", token.scope);
  if (refresh_token) body.String("refresh_token", *refresh_token);
  if (id_token) body.String("id_token", *id_token);
  http::Response res;
  res.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  res.body = body.Finish();
  res.SetHeader("Cache-Control", "no-store");
  res.SetHeader("Pragma", "no-cache");
  return res;
}

http::Response UserTokens(const service::UserTokenResponse& t) {
  return TokenResponse(t.access, t.refresh_token, t.id_token);
}

Result<http::Response> ClientCredentials(const OidcContext& ctx, const service::KeySet& keys,
                                         const Params& params, const model::Application& client) {
  service::ClientCredentialsRequest cc{client, params.GetAll("resource"), params.Get("scope"),
                                       params.Get("organization_id")};
  // API.md: with organization_id, an organization token (or organization-scoped resource token).
  auto token =
      cc.organization_id
          ? service::ClientCredentialsOrganizationGrant(ctx.services, keys, ctx.issuer(), cc)
          : service::ClientCredentialsGrant(ctx.services, keys, ctx.issuer(), cc);
  if (!token) return Fail(token.error());
  return TokenResponse(*token);
}

Result<http::Response> AuthorizationCode(const OidcContext& ctx, const service::KeySet& keys,
                                         const Params& params, const model::Application& client) {
  auto code = params.Get("code");
  if (!code || code->empty()) return Fail(OAuthError("invalid_request", "missing code"));
  service::CodeGrantRequest req{client, *code, params.Get("redirect_uri"),
                                params.Get("code_verifier"), params.GetAll("resource")};
  auto tokens = service::AuthorizationCodeGrant(ctx.services, keys, ctx.issuer(), req);
  if (!tokens) return Fail(tokens.error());
  return UserTokens(*tokens);
}

Result<http::Response> RefreshToken(const OidcContext& ctx, const service::KeySet& keys,
                                    const Params& params, const model::Application& client) {
  auto token = params.Get("refresh_token");
  if (!token || token->empty()) return Fail(OAuthError("invalid_request", "missing refresh_token"));
  service::RefreshGrantRequest req{client, *token, params.Get("scope"), params.GetAll("resource"),
                                   params.Get("organization_id")};
  if (req.organization_id && req.organization_id->empty()) req.organization_id.reset();
  auto tokens = service::RefreshTokenGrant(ctx.services, keys, ctx.issuer(), req);
  if (!tokens) return Fail(tokens.error());
  return UserTokens(*tokens);
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
  if (*grant_type == "client_credentials") return ClientCredentials(ctx, *keys, *params, *client);
  if (*grant_type == "authorization_code") return AuthorizationCode(ctx, *keys, *params, *client);
  if (*grant_type == "refresh_token") return RefreshToken(ctx, *keys, *params, *client);
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
