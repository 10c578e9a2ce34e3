#include "service/oidc/id_token.h"

#include "jose/jws.h"
#include "jose/jwt_sign.h"
#include "service/oidc/common.h"

namespace gatehouse::service {
namespace {

nlohmann::json OptString(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

Result<void> AddOrganizationClaims(store::Repos& r, const model::User& user,
                                   const std::vector<std::string>& scopes, bool for_userinfo,
                                   nlohmann::json& claims) {
  if (Contains(scopes, kScopeOrganizations)) {
    auto orgs = r.organizations.OrganizationsOfUser(user.id);
    if (!orgs) return Fail(orgs.error());
    nlohmann::json ids = nlohmann::json::array();
    nlohmann::json data = nlohmann::json::array();
    for (const auto& o : *orgs) {
      ids.push_back(o.id);
      data.push_back({{"id", o.id}, {"name", o.name}, {"description", OptString(o.description)}});
    }
    claims["organizations"] = std::move(ids);
    if (for_userinfo) claims["organization_data"] = std::move(data);
  }
  if (Contains(scopes, kScopeOrganizationRoles)) {
    auto rows = r.organizations.OrganizationRolesOfUser(user.id);
    if (!rows) return Fail(rows.error());
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& row : *rows) roles.push_back(row.organization_id + ":" + row.role.name);
    claims["organization_roles"] = std::move(roles);
  }
  return Ok();
}

}  // namespace

Result<nlohmann::json> UserClaims(store::Repos& r, const model::User& user,
                                  const std::vector<std::string>& scopes, bool for_userinfo) {
  nlohmann::json claims = {{"sub", user.id}};
  if (Contains(scopes, "profile")) {
    claims["name"] = OptString(user.name);
    claims["username"] = OptString(user.username);
    claims["picture"] = OptString(user.avatar);
    // OIDC Core §5.1: updated_at is in seconds.
    claims["updated_at"] = user.updated_at / 1000;
  }
  if (Contains(scopes, "email")) {
    claims["email"] = OptString(user.primary_email);
    // Addresses are set by administrators through the Management API: treated as verified.
    claims["email_verified"] = user.primary_email.has_value();
  }
  if (Contains(scopes, "phone")) {
    claims["phone_number"] = OptString(user.primary_phone);
    claims["phone_number_verified"] = user.primary_phone.has_value();
  }
  GH_TRY(AddOrganizationClaims(r, user, scopes, for_userinfo, claims));
  return claims;
}

Result<std::string> IssueIdToken(const KeySet& keys, const Clock& clock,
                                 const IdTokenRequest& request) {
  int64_t now = clock.NowSeconds();
  nlohmann::json claims = request.user_claims;
  claims["iss"] = request.issuer;
  claims["aud"] = request.client_id;
  claims["iat"] = now;
  claims["exp"] = now + kIdTokenTtl;
  claims["auth_time"] = request.auth_time_ms / 1000;
  if (request.nonce) claims["nonce"] = *request.nonce;
  return jose::SignJwtClaims(keys.current_key(), keys.current_kid(), "JWT", claims);
}

Result<nlohmann::json> VerifyIdTokenHint(const KeySet& keys, const std::string& issuer,
                                         std::string_view token) {
  auto bad = [](std::string why) { return Fail(OAuthFailure("invalid_request", std::move(why))); };
  auto parsed = jose::ParseCompactJws(token);
  if (!parsed) return bad("id_token_hint is malformed");
  auto header = jose::CheckJoseHeader(parsed->header);
  if (!header) return bad("id_token_hint is malformed");
  const crypto::SigningKey* key = nullptr;
  for (const auto& [kid, k] : keys.all)
    if (kid == header->kid) key = &k;
  // RFC 8725 §3.1: the key decides the algorithm.
  if (key == nullptr || key->algorithm() != header->alg ||
      !key->PublicKey().Verify(parsed->signing_input, parsed->signature)) {
    return bad("id_token_hint is not valid");
  }
  auto claims = nlohmann::json::parse(parsed->payload, nullptr, false);
  if (!claims.is_object() || claims.value("iss", "") != issuer || !claims.contains("aud")) {
    return bad("id_token_hint is not valid");
  }
  return claims;
}

}  // namespace gatehouse::service
