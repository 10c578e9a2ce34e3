// The authorization request (RFC 6749 §4.1.1, OIDC Core §3.1.2.1, RFC 7636, RFC 8707) checked
// against the client it names. Pure validation plus the client/resource look-ups; no HTTP.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"

namespace gatehouse::service {

struct AuthorizationRequest {
  std::string client_id;
  std::string redirect_uri;
  std::string response_mode = "query";  // "query" | "form_post"
  std::optional<std::string> state;
  std::optional<std::string> nonce;
  std::optional<std::string> code_challenge;  // S256 only
  std::optional<std::string> login_hint;
  std::vector<std::string> scopes;
  std::vector<std::string> resources;
  std::vector<std::string> prompt;      // subset of none, login, consent, select_account
  std::optional<int64_t> max_age;       // seconds

  bool HasPrompt(std::string_view p) const;
  nlohmann::json ToJson() const;
  // nullopt for a document that ToJson did not produce.
  static std::optional<AuthorizationRequest> FromJson(const nlohmann::json& j);
};

// Where a failed authorization request is answered. RFC 6749 §4.1.2.1: when the client or the
// redirect URI is missing, unknown or unregistered, the user agent must NOT be redirected — the
// error is shown on a page (`redirect_uri` empty). Otherwise the error goes to the client.
struct AuthorizationFailure {
  Error error;
  std::string redirect_uri;  // empty → error page
  std::string response_mode = "query";
  std::optional<std::string> state;
};

struct AuthorizationCheck {
  std::optional<AuthorizationRequest> request;  // set on success
  std::optional<model::Application> client;     // set on success
  std::optional<AuthorizationFailure> failure;  // set on failure
};

using ParamList = std::vector<std::pair<std::string, std::string>>;

// Validates the request parameters `params` (query or form, in order):
//  - client_id, redirect_uri: present once, client known and not M2M, redirect_uri registered
//    exactly (string equality, RFC 9700 §2.1) — else a page error;
//  - response_type=code (unsupported_response_type), response_mode query|form_post;
//  - PKCE (RFC 7636): code_challenge_method S256 only; required for SPA and Native clients;
//  - prompt values, max_age ≥ 0, repeated parameters (other than resource) refused;
//  - each resource an absolute URI without fragment that is registered, or Logto's reserved
//    organizations resource (invalid_target).
// Unavailable (database) is returned as an Error, not as a failure.
Result<AuthorizationCheck> CheckAuthorizationRequest(const Context& ctx, const ParamList& params);

}  // namespace gatehouse::service
