// Verifier: the verification pipeline of gatehouse/verify.h over jose/ and crypto/.
#include <chrono>
#include <fstream>
#include <sstream>

#include "gatehouse/verify.h"
#include "jose/json_strict.h"
#include "jose/jws.h"
#include "jose/jwt_claims.h"
#include "verify/http_get.h"
#include "verify/key_cache.h"

namespace gatehouse::verify {
namespace {

// Internal error codes -> public reasons, in one place.
Reason ReasonOf(const gatehouse::Error& e) {
  const std::string& c = e.code;
  if (c == jose::kUnsupportedAlgorithm || c == kAlgorithmMismatch) {
    return Reason::kUnsupportedAlgorithm;
  }
  if (c == jose::kForbiddenHeader) return Reason::kForbiddenHeader;
  if (c == kUnknownKey) return Reason::kUnknownKey;
  if (c == kJwksUnavailable) return Reason::kJwksUnavailable;
  if (c == jose::kWrongIssuer) return Reason::kWrongIssuer;
  if (c == jose::kWrongAudience) return Reason::kWrongAudience;
  if (c == jose::kExpired) return Reason::kExpired;
  if (c == jose::kNotYetValid) return Reason::kNotYetValid;
  if (c == jose::kBadIssuedAt) return Reason::kBadIssuedAt;
  if (c == jose::kBadClaims) return Reason::kBadClaims;
  return Reason::kMalformed;
}

Error Public(const gatehouse::Error& e) { return Error(ReasonOf(e), e.message); }

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(gatehouse::Error::Unavailable("cannot open " + path));
  std::string text;
  text.resize(jose::kMaxJwksSize + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return Fail(gatehouse::Error::Unavailable("cannot read " + path));
  return text;  // an oversized file fails in ParseJwks
}

// The JWKS source Options names; exactly one is set (checked by Create).
std::function<Result<std::string>()> MakeFetcher(const Options& o) {
  if (!o.jwks_json.empty()) {
    return [text = o.jwks_json]() -> Result<std::string> { return text; };
  }
  if (!o.jwks_file.empty()) {
    return [path = o.jwks_file] { return ReadFile(path); };
  }
  if (o.fetch) {
    return [fetch = o.fetch, uri = o.jwks_uri]() -> Result<std::string> {
      auto r = fetch(uri);
      if (!r) return Fail(gatehouse::Error::Unavailable(r.error().message()));
      return std::move(*r);
    };
  }
  HttpGetOptions http{std::chrono::duration_cast<std::chrono::milliseconds>(o.http_timeout),
                      jose::kMaxJwksSize, o.allow_insecure_http};
  return [uri = o.jwks_uri, http] { return HttpGet(uri, http); };
}

int64_t SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct Verifier::Impl {
  Options options;
  KeyCache keys;

  Impl(Options o, std::function<int64_t()> now)
      : options(std::move(o)),
        keys(KeyCacheSettings{MakeFetcher(options), now, options.jwks_max_age.count(),
                              options.jwks_refetch_cooldown.count()}) {}

  // The whole pipeline. `organization_id` non-empty selects VerifyForOrganization's audience
  // rule; `audiences` are the accepted `aud` values.
  Expected<Token> Run(std::string_view jwt, const std::vector<std::string>& audiences,
                      std::string_view organization_id) {
    auto jws = jose::ParseCompactJws(jwt);
    if (!jws) return Public(jws.error());
    auto header = jose::CheckJoseHeader(jws->header);
    if (!header) return Public(header.error());
    auto key = keys.Find(header->kid, header->alg);
    if (!key) return Public(key.error());
    if (!key->Verify(jws->signing_input, jws->signature)) {
      return Error(Reason::kBadSignature, "signature does not verify");
    }
    // RFC 8725 §3.11 explicit typing; RFC 9068 §4: an ID token ("JWT") is not an access token.
    if (!options.type.empty() && !jose::TypMatches(header->typ, options.type)) {
      return Error(Reason::kWrongType,
                   header->typ.empty()
                       ? "token has no typ, expected " + options.type
                       : "typ \"" + header->typ.substr(0, 32) + "\" is not " + options.type);
    }
    auto claims = jose::ParseStrictJsonObject(jws->payload);
    if (!claims) return Error(Reason::kMalformed, "payload: " + claims.error().message);

    const int64_t now = options.now();
    auto checked = jose::CheckRegisteredClaims(
        *claims, {options.issuer, &audiences, now, options.leeway.count(), options.require_iat});
    if (!checked) {
      if (!organization_id.empty() && checked.error().code == jose::kWrongAudience) {
        Token seen(std::move(*claims));
        if (seen.organization_id()) {
          return Error(Reason::kWrongOrganization, "token is for another organization");
        }
      }
      return Public(checked.error());
    }
    for (const char* name : {"scope", "client_id", "organization_id"}) {
      auto it = claims->find(name);
      if (it != claims->end() && !it->is_string()) {
        return Error(Reason::kBadClaims, std::string(name) + " is not a string");
      }
    }
    return Token(std::move(*claims));
  }
};

Verifier::Verifier(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Verifier::Verifier(Verifier&&) noexcept = default;
Verifier& Verifier::operator=(Verifier&&) noexcept = default;
Verifier::~Verifier() = default;

Expected<Verifier> Verifier::Create(Options options) {
  auto config = [](std::string message) {
    return Error(Reason::kConfiguration, std::move(message));
  };
  const int sources =
      !options.jwks_uri.empty() + !options.jwks_file.empty() + !options.jwks_json.empty();
  if (sources != 1) return config("set exactly one of jwks_uri, jwks_file, jwks_json");
  if (options.issuer.empty()) return config("issuer is required");
  if (options.leeway.count() < 0 || options.leeway.count() > 86400) {
    return config("leeway must be between 0 and 86400 seconds");
  }
  if (options.jwks_max_age.count() <= 0 || options.jwks_refetch_cooldown.count() < 0 ||
      options.http_timeout.count() <= 0) {
    return config("JWKS max age and HTTP timeout must be positive, cooldown not negative");
  }
  if (!options.jwks_uri.empty() && !options.fetch &&
      !UrlAllowed(options.jwks_uri, options.allow_insecure_http)) {
    return config("jwks_uri must be an https URL (http only to a loopback host)");
  }
  if (!options.now) options.now = SystemNow;
  auto now = options.now;
  const bool load_now = options.jwks_uri.empty();
  Verifier verifier(std::make_unique<Impl>(std::move(options), std::move(now)));
  if (load_now) {
    Status loaded = verifier.Refresh();
    if (!loaded) return loaded.error();
  }
  return verifier;
}

Expected<Token> Verifier::Verify(std::string_view jwt) const {
  return impl_->Run(jwt, impl_->options.audiences, {});
}

Expected<Token> Verifier::VerifyForOrganization(
    std::string_view jwt, std::string_view organization_id,
    std::initializer_list<std::string_view> required_scopes) const {
  if (organization_id.empty()) return Error(Reason::kWrongOrganization, "organization id is empty");
  const std::vector<std::string> audiences = {OrganizationAudience(organization_id)};
  auto token = impl_->Run(jwt, audiences, organization_id);
  if (!token) return token;
  Status scopes = RequireScopes(*token, required_scopes);
  if (!scopes) return scopes.error();
  return token;
}

Status Verifier::Refresh() const {
  auto r = impl_->keys.Refresh();
  if (!r) return Public(r.error());
  return {};
}

}  // namespace gatehouse::verify
