#include "service/oidc/access_token.h"

#include "common/base64url.h"
#include "common/json_write.h"
#include "jose/jws.h"
#include "jose/jwt_sign.h"

namespace gatehouse::service {

std::vector<std::string> SplitScopes(std::string_view scope) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < scope.size()) {
    size_t sp = scope.find(' ', pos);
    if (sp == std::string_view::npos) sp = scope.size();
    if (sp > pos) out.emplace_back(scope.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

std::string JoinScopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

Result<IssuedAccessToken> IssueAccessToken(const KeySet& keys, const Clock& clock, Random& random,
                                           const AccessTokenRequest& request) {
  int64_t now = clock.NowSeconds();
  std::string scope = JoinScopes(request.scopes);
  // Written directly (common/json_write.h): this is the hot path of every token request.
  JsonObjectWriter claims(384);
  claims.String("jti", random.Token(16))
      .String("sub", request.subject)
      .Int("iat", now)
      .Int("exp", now + request.ttl_seconds)
      .String("scope", scope)
      .String("client_id", request.client_id)
      .String("iss", request.issuer)
      .String("aud", request.audience);
  if (request.organization_id) claims.String("organization_id", *request.organization_id);
  auto jwt = jose::SignJwt(keys.current_key(), keys.current_kid(), "at+jwt", claims.Finish());
  if (!jwt) return Fail(jwt.error());
  return IssuedAccessToken{std::move(*jwt), request.ttl_seconds, std::move(scope)};
}

Result<nlohmann::json> VerifyOwnAccessToken(const KeySet& keys, const Clock& clock,
                                            const std::string& issuer, const std::string& audience,
                                            std::string_view jwt) {
  auto bad = [](std::string reason) { return Fail(Error::Unauthenticated(std::move(reason))); };
  auto parsed = jose::ParseCompactJws(jwt);
  if (!parsed) return bad("malformed token");
  // RFC 8725: none/HMAC, embedded keys and crit are refused by the header policy.
  auto header = jose::CheckJoseHeader(parsed->header);
  if (!header) return bad(header.error().message);
  // RFC 9068 §4: the typ header must be at+jwt (an ID token is not an access token).
  if (header->typ != "at+jwt" && header->typ != "application/at+jwt") {
    return bad("token is not an access token");
  }
  const crypto::SigningKey* key = nullptr;
  for (const auto& [k, v] : keys.all)
    if (k == header->kid) key = &v;
  if (key == nullptr) return bad("unknown key");
  // RFC 8725 §3.1: the algorithm is the key's, never the header's choice.
  if (header->alg != key->algorithm()) return bad("algorithm does not match the key");
  if (!key->PublicKey().Verify(parsed->signing_input, parsed->signature)) {
    return bad("bad signature");
  }
  auto payload = nlohmann::json::parse(parsed->payload, nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) return bad("claims are not a JSON object");
  const auto& claims = payload;
  int64_t now = clock.NowSeconds();
  constexpr int64_t kLeeway = 60;
  auto exp = claims.find("exp");
  if (exp == claims.end() || !exp->is_number_integer() || exp->get<int64_t>() + kLeeway <= now) {
    return bad("token expired");
  }
  if (auto nbf = claims.find("nbf");
      nbf != claims.end() && (!nbf->is_number_integer() || nbf->get<int64_t>() - kLeeway > now)) {
    return bad("token not yet valid");
  }
  if (claims.value("iss", "") != issuer) return bad("wrong issuer");
  auto aud = claims.find("aud");
  bool aud_ok = false;
  if (aud != claims.end() && aud->is_string()) aud_ok = *aud == audience;
  if (aud != claims.end() && aud->is_array())
    for (const auto& a : *aud) aud_ok = aud_ok || (a.is_string() && a == audience);
  if (!aud_ok) return bad("wrong audience");
  return payload;
}

}  // namespace gatehouse::service
