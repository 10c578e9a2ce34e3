// Discovery (OpenID Connect Discovery 1.0 §3, RFC 8414) and JWKS (RFC 7517 §5) endpoints, with
// CORS (API.md: allowed on discovery, JWKS, token, userinfo, revocation).
#pragma once

#include <nlohmann/json.hpp>

#include "http/router.h"
#include "oidc/oidc_context.h"

namespace gatehouse::oidc {

// The discovery document for `ctx` (fields of the endpoints that exist).
nlohmann::json DiscoveryDocument(const OidcContext& ctx);

// GET /oidc/.well-known/openid-configuration, /.well-known/openid-configuration,
// /oidc/.well-known/oauth-authorization-server, GET /oidc/jwks, and their OPTIONS preflights.
void RegisterDiscoveryRoutes(http::Router& router, const OidcContext& ctx);

// Adds the CORS headers of a public OAuth endpoint (any origin, no credentials).
void AddCors(http::Response& res);
// Registers an OPTIONS preflight answer for `path`.
void AddPreflight(http::Router& router, const std::string& path, const std::string& methods);

}  // namespace gatehouse::oidc
