// Plain structs of the OIDC provider's persistent state: browser sessions, pending sign-in
// interactions, grants (one per completed authorization), authorization codes and refresh
// tokens. Every secret value is stored only as its SHA-256 (PRODUCT.md §5); doc/schema.md "OIDC"
// documents the columns. Timestamps are epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gatehouse::model {

// A signed-in browser (cookie gh_session). `id_hash` = SHA-256 hex of the cookie value.
struct OidcSession {
  std::string id_hash;
  std::string user_id;
  int64_t auth_time = 0;  // when the password was checked (OIDC Core §2 auth_time), ms
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

// An authorization request waiting for the user to sign in (cookie gh_interaction).
struct Interaction {
  std::string id_hash;
  std::string csrf;          // hidden form field value; useless without the cookie
  std::string client_id;
  nlohmann::json request;    // the validated authorization request (service::AuthorizationRequest)
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

// What a user granted a client in one authorization: the family every refresh token of that
// authorization belongs to. Revoking the grant revokes the family (code replay, token reuse,
// RFC 7009 revocation).
struct Grant {
  std::string id;
  std::string user_id;
  std::string client_id;
  std::vector<std::string> scopes;     // granted scopes, as requested at /oidc/auth
  std::vector<std::string> resources;  // RFC 8707 resource indicators named at /oidc/auth
  int64_t auth_time = 0;               // ms
  int64_t created_at = 0;
  int64_t expires_at = 0;              // absolute end of the family
  std::optional<int64_t> revoked_at;
};

struct AuthorizationCode {
  std::string code_hash;
  std::string grant_id;
  std::string client_id;
  std::string redirect_uri;
  std::optional<std::string> code_challenge;  // S256 (RFC 7636 §4.2)
  std::optional<std::string> nonce;           // echoed in the ID token (OIDC Core §3.1.3.6)
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> consumed_at;
};

struct RefreshTokenRecord {
  std::string token_hash;
  std::string grant_id;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> rotated_at;  // set when exchanged for a successor; reuse after → revoke
};

}  // namespace gatehouse::model
