// gatehouse/verify.h: verify Gatehouse (and Logto) access tokens in a C++ service.
//
// One Verifier per issuer, shared by every thread of the service:
//
//   gatehouse::verify::Options options;
//   options.jwks_uri = "https://id.example.com/oidc/jwks";
//   options.issuer = "https://id.example.com/oidc";
//   auto verifier = gatehouse::verify::Verifier::Create(options);
//   if (!verifier) die(verifier.error().message());
//   ...
//   // DELETE /organizations/{org}/members/{user}
//   auto token = verifier->VerifyForOrganization(bearer, org, {"remove:member"});
//   if (!token) return Reply(token.error().http_status(), token.error().message());
//   // token->subject(), token->scopes(), token->claims() ...
//
// What Verify() checks, in order (RFC 7515, RFC 7519, RFC 8725, RFC 9068):
//   size <= 16 KiB; compact JWS of three base64url parts; header a JSON object without
//   duplicate names; no `jwk`/`jku`/`x5u`/`x5c`/`crit`/`b64`/`zip`/`cty`; `alg` one of ES256,
//   ES384, RS256, PS256, EdDSA (never `none`, never HMAC); a JWKS key with the token's `kid` whose
//   own algorithm is that `alg` (the JWKS is refetched once, rate-limited, on an unknown kid);
//   the signature (ECDSA r, s in [1, n-1]); `typ` (default at+jwt, so ID tokens are refused);
//   `iss`; `aud`; `exp`, `nbf`, `iat` with a leeway.
//
// This header needs C++17 and nlohmann/json; the library itself is built with C++23.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::verify {

// Why a token (or a request for a Verifier) was refused.
enum class Reason {
  kMalformed,             // not a compact JWS/JWT: size, parts, base64url, JSON, duplicate names
  kUnsupportedAlgorithm,  // alg none, HMAC, unknown, or not the algorithm of the key it names
  kForbiddenHeader,       // jwk, jku, x5u, x5c, crit, b64, zip or cty in the header
  kUnknownKey,            // no JWKS key has the token's kid, even after a refetch
  kBadSignature,          // the signature does not verify with the key
  kWrongType,             // typ is not the expected one (e.g. an ID token offered as at+jwt)
  kWrongIssuer,           // iss missing or not the configured issuer
  kWrongAudience,         // aud missing or none of the accepted audiences
  kExpired,               // exp in the past (beyond the leeway)
  kNotYetValid,           // nbf in the future (beyond the leeway)
  kBadIssuedAt,           // iat missing, not a number, or in the future
  kBadClaims,             // payload not a JSON object, or a claim of the wrong type
  kInsufficientScope,     // a required scope (permission) is missing
  kWrongOrganization,     // an organization token, but for another organization
  kJwksUnavailable,       // the JWKS could not be loaded and no copy is cached
  kConfiguration,         // Options are invalid (Create only)
};

// The stable snake_case name of a reason ("bad_signature", ...), for logs and metrics.
std::string_view ReasonName(Reason reason);

// A refusal: a reason and one line of text that is safe to log or return to the caller
// (it never contains the token or key material).
class Error {
 public:
  Error(Reason reason, std::string message) : reason_(reason), message_(std::move(message)) {}
  Reason reason() const { return reason_; }
  const std::string& message() const { return message_; }

  // The status a resource server should answer: 403 for kInsufficientScope and
  // kWrongOrganization (RFC 6750 §3.1 insufficient_scope), 503 for kJwksUnavailable, 500 for
  // kConfiguration, 401 for everything else (invalid_token).
  int http_status() const;
  // The RFC 6750 §3.1 `error` for a WWW-Authenticate header: "invalid_token",
  // "insufficient_scope", or "" when the problem is not the token's (503, 500).
  std::string_view bearer_error() const;

 private:
  Reason reason_;
  std::string message_;
};

// A value or an Error (a small C++17 stand-in for std::expected).
template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : value_(std::move(value)) {}      // NOLINT: implicit by design
  Expected(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  bool has_value() const { return value_.has_value(); }
  explicit operator bool() const { return has_value(); }
  // REQUIRES: has_value().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  // REQUIRES: !has_value().
  const Error& error() const { return *error_; }

 private:
  std::optional<T> value_;
  std::optional<Error> error_;
};

// Success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  // REQUIRES: !ok().
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

// The audience of an organization token: "urn:logto:organization:<organization_id>".
std::string OrganizationAudience(std::string_view organization_id);
// The organization id of an organization-token audience, or nullopt if `aud` is not one.
std::optional<std::string> OrganizationIdFromAudience(std::string_view aud);

// A verified access token: its claims and typed views of the ones services use.
class Token {
 public:
  // Builds a Token from a claims object WITHOUT verifying anything: for tests of code that
  // consumes Tokens. Verifier is the only source of verified Tokens.
  explicit Token(nlohmann::json claims);

  const nlohmann::json& claims() const { return claims_; }
  const std::string& issuer() const { return issuer_; }
  const std::string& subject() const { return subject_; }      // "" when absent
  const std::string& client_id() const { return client_id_; }  // "" when absent
  const std::vector<std::string>& audiences() const { return audiences_; }
  // `scope` split on spaces (RFC 8693 §4.2, RFC 9068 §2.2.3).
  const std::vector<std::string>& scopes() const { return scopes_; }
  int64_t expires_at() const { return expires_at_; }
  int64_t issued_at() const { return issued_at_; }  // 0 when absent

  // The organization this token is for: the id in an `aud` of the form
  // urn:logto:organization:<id> (organization tokens), else the `organization_id` claim
  // (organization-scoped API resource tokens), else nullopt. Several organization audiences
  // are ambiguous and give nullopt.
  std::optional<std::string> organization_id() const;

  // True when `scope` is one of scopes() (exact, case-sensitive).
  bool HasScope(std::string_view scope) const;

 private:
  nlohmann::json claims_;
  std::string issuer_, subject_, client_id_;
  std::vector<std::string> audiences_, scopes_;
  int64_t expires_at_ = 0, issued_at_ = 0;
};

// Fails with kInsufficientScope, naming the first missing scope, unless the token holds every
// one of `scopes`.
Status RequireScopes(const Token& token, std::initializer_list<std::string_view> scopes);
Status RequireScopes(const Token& token, const std::vector<std::string>& scopes);

// "Require this permission in this organization": the token's organization_id() must be
// `organization_id` (else kWrongOrganization) and it must hold `permission` (else
// kInsufficientScope).
Status RequireOrganizationPermission(const Token& token, std::string_view organization_id,
                                     std::string_view permission);

struct Options {
  // Where the JWKS comes from: exactly one of the three.
  std::string jwks_uri;   // https://... (http:// only to a loopback host, or allow_insecure_http)
  std::string jwks_file;  // a file holding the JWKS document
  std::string jwks_json;  // the JWKS document itself

  std::string issuer;                  // required: the exact `iss`, e.g. <endpoint>/oidc
  std::vector<std::string> audiences;  // Verify() accepts a token whose aud holds one of these
  std::string type = "at+jwt";         // required `typ`; empty disables the check
  std::chrono::seconds leeway{60};     // clock skew tolerated on exp/nbf/iat, 0..1 day
  bool require_iat = true;             // RFC 9068 §2.2

  std::chrono::seconds jwks_max_age{600};          // refetch a JWKS older than this
  std::chrono::seconds jwks_refetch_cooldown{30};  // at most one refetch per this interval
  std::chrono::seconds http_timeout{5};            // whole JWKS request
  bool allow_insecure_http = false;

  // Test hooks. `now`: seconds since the Unix epoch (default: the system clock). `fetch`:
  // replaces the HTTP GET of jwks_uri (default: libcurl).
  std::function<int64_t()> now;
  std::function<Expected<std::string>(const std::string& uri)> fetch;
};

// Verifies tokens of one issuer. Thread-safe: share one instance. A call costs one signature
// verification plus parsing; the JWKS is fetched lazily, cached, refetched when older than
// jwks_max_age (stale keys stay in use if the refetch fails) or when a token names an unknown
// kid (at most once per jwks_refetch_cooldown). Movable; a moved-from Verifier must not be used.
class Verifier {
 public:
  // Checks `options` (kConfiguration) and, for jwks_file/jwks_json, loads the JWKS now
  // (kJwksUnavailable). A jwks_uri is fetched on first use or by Refresh().
  static Expected<Verifier> Create(Options options);

  Verifier(Verifier&&) noexcept;
  Verifier& operator=(Verifier&&) noexcept;
  ~Verifier();

  // Verifies everything listed at the top of this file, `aud` against options.audiences.
  Expected<Token> Verify(std::string_view jwt) const;

  // As Verify(), but `aud` must be urn:logto:organization:<organization_id> (options.audiences
  // are not consulted) and the token must hold every scope in `required_scopes`.
  // An organization token for another organization fails with kWrongOrganization (403); a
  // token that is not an organization token at all with kWrongAudience (401).
  Expected<Token> VerifyForOrganization(
      std::string_view jwt, std::string_view organization_id,
      std::initializer_list<std::string_view> required_scopes = {}) const;

  // Fetches the JWKS now (e.g. at start-up, to fail fast). kJwksUnavailable on failure.
  Status Refresh() const;

  struct Impl;

 private:
  explicit Verifier(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gatehouse::verify
