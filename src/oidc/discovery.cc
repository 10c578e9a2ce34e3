#include "oidc/discovery.h"

namespace gatehouse::oidc {

void AddCors(http::Response& res) {
  res.SetHeader("Access-Control-Allow-Origin", "*");
  res.SetHeader("Access-Control-Expose-Headers", "WWW-Authenticate");
}

void AddPreflight(http::Router& router, const std::string& path, const std::string& methods) {
  router.Add("OPTIONS", path, [methods](http::Request&) {
    auto res = http::Response::Empty(204);
    AddCors(res);
    res.SetHeader("Access-Control-Allow-Methods", methods);
    res.SetHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, DPoP");
    res.SetHeader("Access-Control-Max-Age", "600");
    return res;
  });
}

nlohmann::json DiscoveryDocument(const OidcContext& ctx) {
  const std::string iss = ctx.issuer();
  return {
      {"issuer", iss},
      {"authorization_endpoint", iss + "/auth"},
      {"token_endpoint", iss + "/token"},
      {"userinfo_endpoint", iss + "/me"},
      {"jwks_uri", iss + "/jwks"},
      {"end_session_endpoint", iss + "/session/end"},
      {"revocation_endpoint", iss + "/token/revocation"},
      {"introspection_endpoint", iss + "/token/introspection"},
      {"response_types_supported", {"code"}},
      {"response_modes_supported", {"query", "form_post"}},
      {"grant_types_supported", {"authorization_code", "refresh_token", "client_credentials"}},
      {"subject_types_supported", {"public"}},
      {"id_token_signing_alg_values_supported", {"ES256", "ES384", "RS256", "PS256", "EdDSA"}},
      {"token_endpoint_auth_methods_supported",
       {"client_secret_basic", "client_secret_post", "none"}},
      {"code_challenge_methods_supported", {"S256"}},
      {"scopes_supported",
       {"openid", "profile", "email", "phone", "offline_access", "urn:logto:scope:organizations",
        "urn:logto:scope:organization_roles"}},
      {"claims_supported",
       {"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name", "username", "picture",
        "email", "email_verified", "phone_number", "phone_number_verified", "organizations",
        "organization_roles", "organization_data"}},
      {"claims_parameter_supported", false},
      {"request_parameter_supported", false},
      {"authorization_response_iss_parameter_supported", true},
  };
}

void RegisterDiscoveryRoutes(http::Router& router, const OidcContext& ctx) {
  // The document only depends on configuration: serialise it once.
  auto body = std::make_shared<std::string>(DiscoveryDocument(ctx).dump());
  auto discovery = [body](http::Request&) {
    http::Response res;
    res.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    res.SetHeader("Cache-Control", "public, max-age=300");
    res.body = *body;
    AddCors(res);
    return res;
  };
  for (const char* path : {"/oidc/.well-known/openid-configuration",
                           "/.well-known/openid-configuration",
                           "/oidc/.well-known/oauth-authorization-server"}) {
    router.Add("GET", path, discovery);
    AddPreflight(router, path, "GET");
  }
  auto keys = ctx.keys;
  router.Add("GET", "/oidc/jwks", [keys](http::Request&) {
    http::Response res;
    res.headers.emplace_back("Content-Type", "application/jwk-set+json; charset=utf-8");
    res.SetHeader("Cache-Control", "public, max-age=300");
    res.body = keys->Current()->jwks_body;
    AddCors(res);
    return res;
  });
  AddPreflight(router, "/oidc/jwks", "GET");
}

}  // namespace gatehouse::oidc
