// The value types of gatehouse/verify.h: Error, Token, and the organization helpers.
#include <string_view>

#include "gatehouse/verify.h"

namespace gatehouse::verify {
namespace {

constexpr std::string_view kOrganizationPrefix = "urn:logto:organization:";

std::string StringClaim(const nlohmann::json& claims, const char* name) {
  auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t IntegerClaim(const nlohmann::json& claims, const char* name) {
  auto it = claims.find(name);
  if (it == claims.end() || !it->is_number()) return 0;
  return it->is_number_float() ? static_cast<int64_t>(it->get<double>()) : it->get<int64_t>();
}

}  // namespace

std::string_view ReasonName(Reason reason) {
  switch (reason) {
    case Reason::kMalformed:
      return "malformed";
    case Reason::kUnsupportedAlgorithm:
      return "unsupported_algorithm";
    case Reason::kForbiddenHeader:
      return "forbidden_header";
    case Reason::kUnknownKey:
      return "unknown_key";
    case Reason::kBadSignature:
      return "bad_signature";
    case Reason::kWrongType:
      return "wrong_type";
    case Reason::kWrongIssuer:
      return "wrong_issuer";
    case Reason::kWrongAudience:
      return "wrong_audience";
    case Reason::kExpired:
      return "expired";
    case Reason::kNotYetValid:
      return "not_yet_valid";
    case Reason::kBadIssuedAt:
      return "bad_iat";
    case Reason::kBadClaims:
      return "bad_claims";
    case Reason::kInsufficientScope:
      return "insufficient_scope";
    case Reason::kWrongOrganization:
      return "wrong_organization";
    case Reason::kJwksUnavailable:
      return "jwks_unavailable";
    case Reason::kConfiguration:
      return "configuration";
  }
  return "unknown";
}

int Error::http_status() const {
  switch (reason_) {
    case Reason::kInsufficientScope:
    case Reason::kWrongOrganization:
      return 403;
    case Reason::kJwksUnavailable:
      return 503;
    case Reason::kConfiguration:
      return 500;
    default:
      return 401;
  }
}

std::string_view Error::bearer_error() const {
  switch (http_status()) {
    case 401:
      return "invalid_token";
    case 403:
      return "insufficient_scope";
    default:
      return "";
  }
}

std::string OrganizationAudience(std::string_view organization_id) {
  std::string aud(kOrganizationPrefix);
  aud += organization_id;
  return aud;
}

std::optional<std::string> OrganizationIdFromAudience(std::string_view aud) {
  if (aud.size() <= kOrganizationPrefix.size() ||
      aud.substr(0, kOrganizationPrefix.size()) != kOrganizationPrefix) {
    return std::nullopt;
  }
  return std::string(aud.substr(kOrganizationPrefix.size()));
}

Token::Token(nlohmann::json claims) : claims_(std::move(claims)) {
  if (!claims_.is_object()) claims_ = nlohmann::json::object();
  issuer_ = StringClaim(claims_, "iss");
  subject_ = StringClaim(claims_, "sub");
  client_id_ = StringClaim(claims_, "client_id");
  if (auto aud = claims_.find("aud"); aud != claims_.end()) {
    if (aud->is_string()) audiences_.push_back(aud->get<std::string>());
    if (aud->is_array()) {
      for (const auto& a : *aud) {
        if (a.is_string()) audiences_.push_back(a.get<std::string>());
      }
    }
  }
  const std::string scope = StringClaim(claims_, "scope");
  for (size_t pos = 0; pos < scope.size();) {
    size_t end = scope.find(' ', pos);
    if (end == std::string::npos) end = scope.size();
    if (end > pos) scopes_.emplace_back(scope, pos, end - pos);
    pos = end + 1;
  }
  expires_at_ = IntegerClaim(claims_, "exp");
  issued_at_ = IntegerClaim(claims_, "iat");
}

std::optional<std::string> Token::organization_id() const {
  std::optional<std::string> found;
  for (const auto& aud : audiences_) {
    if (auto id = OrganizationIdFromAudience(aud)) {
      if (found) return std::nullopt;  // several organizations: ambiguous
      found = std::move(id);
    }
  }
  if (found) return found;
  std::string claim = StringClaim(claims_, "organization_id");
  if (!claim.empty()) return claim;
  return std::nullopt;
}

bool Token::HasScope(std::string_view scope) const {
  for (const auto& s : scopes_) {
    if (s == scope) return true;
  }
  return false;
}

Status RequireScopes(const Token& token, std::initializer_list<std::string_view> scopes) {
  for (std::string_view scope : scopes) {
    if (!token.HasScope(scope)) {
      return Error(Reason::kInsufficientScope, "token lacks scope \"" + std::string(scope) + "\"");
    }
  }
  return {};
}

Status RequireScopes(const Token& token, const std::vector<std::string>& scopes) {
  for (const auto& scope : scopes) {
    if (!token.HasScope(scope)) {
      return Error(Reason::kInsufficientScope, "token lacks scope \"" + scope + "\"");
    }
  }
  return {};
}

Status RequireOrganizationPermission(const Token& token, std::string_view organization_id,
                                     std::string_view permission) {
  auto org = token.organization_id();
  if (organization_id.empty() || !org || *org != organization_id) {
    return Error(Reason::kWrongOrganization, "token is not for organization \"" +
                                                 std::string(organization_id.substr(0, 64)) + "\"");
  }
  return RequireScopes(token, {permission});
}

}  // namespace gatehouse::verify
