#include "service/oidc/token_introspection.h"

#include "jose/jws.h"
#include "service/oidc/access_token.h"
#include "service/oidc/common.h"
#include "service/oidc/id_token.h"

namespace gatehouse::service {

std::optional<nlohmann::json> VerifyOwnJwt(const KeySet& keys, const Clock& clock,
                                           const std::string& issuer, std::string_view token,
                                           std::string_view typ) {
  auto parsed = jose::ParseCompactJws(token);
  if (!parsed) return std::nullopt;
  auto header = jose::CheckJoseHeader(parsed->header);
  if (!header || header->typ != typ) return std::nullopt;
  const crypto::SigningKey* key = nullptr;
  for (const auto& [kid, k] : keys.all)
    if (kid == header->kid) key = &k;
  // RFC 8725 §3.1: the key, not the header, decides the algorithm.
  if (key == nullptr || key->algorithm() != header->alg) return std::nullopt;
  if (!key->PublicKey().Verify(parsed->signing_input, parsed->signature)) return std::nullopt;
  auto claims = nlohmann::json::parse(parsed->payload, nullptr, false);
  if (!claims.is_object() || claims.value("iss", "") != issuer) return std::nullopt;
  auto exp = claims.find("exp");
  if (exp == claims.end() || !exp->is_number_integer() ||
      exp->get<int64_t>() + 60 <= clock.NowSeconds()) {
    return std::nullopt;
  }
  return claims;
}

Result<void> RevokeToken(const Context& ctx, const model::Application& client,
                         const std::string& token) {
  if (token.empty() || token.size() > 4096) return Ok();
  const std::string hash = HashOpaque(token);
  int64_t now = ctx.clock.NowMillis();
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto t = r.grants.FindRefreshToken(hash);
    if (!t) return Fail(t.error());
    if (!*t) return Ok();
    auto g = r.grants.FindGrant((*t)->grant_id);
    if (!g) return Fail(g.error());
    if (!*g || (*g)->client_id != client.id) return Ok();
    auto revoked = r.grants.RevokeGrant((*g)->id, now);
    if (!revoked) return Fail(revoked.error());
    return Ok();
  });
}

Result<nlohmann::json> IntrospectToken(const Context& ctx, const KeySet& keys,
                                       const std::string& issuer, const model::Application& client,
                                       const std::string& token) {
  nlohmann::json inactive = {{"active", false}};
  if (token.empty() || token.size() > jose::kMaxTokenSize) return inactive;
  if (token.find('.') != std::string::npos) {
    auto claims = VerifyOwnJwt(keys, ctx.clock, issuer, token, "at+jwt");
    if (!claims) return inactive;
    (*claims)["active"] = true;
    (*claims)["token_type"] = "access_token";
    return *claims;
  }
  const std::string hash = HashOpaque(token);
  int64_t now = ctx.clock.NowMillis();
  nlohmann::json out = inactive;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto t = r.grants.FindRefreshToken(hash);
    if (!t) return Fail(t.error());
    if (!*t || (*t)->rotated_at || (*t)->expires_at <= now) return Ok();
    auto g = r.grants.FindGrant((*t)->grant_id);
    if (!g) return Fail(g.error());
    if (!*g || (*g)->revoked_at || (*g)->client_id != client.id) return Ok();
    out = {{"active", true},          {"token_type", "refresh_token"},
           {"client_id", (*g)->client_id}, {"sub", (*g)->user_id},
           {"scope", JoinScopes((*g)->scopes)}, {"iat", (*t)->created_at / 1000},
           {"exp", (*t)->expires_at / 1000},    {"iss", issuer}};
    return Ok();
  }));
  return out;
}

Result<nlohmann::json> Userinfo(const Context& ctx, const KeySet& keys, const std::string& issuer,
                                std::string_view access_token) {
  auto claims = VerifyOwnJwt(keys, ctx.clock, issuer, access_token, "at+jwt");
  if (!claims || claims->value("aud", "") != UserinfoAudience(issuer) ||
      !(*claims)["sub"].is_string()) {
    return Fail(OAuthFailure("invalid_token", "access token is not valid for userinfo"));
  }
  const std::string sub = (*claims)["sub"].get<std::string>();
  const auto scopes = SplitScopes(claims->value("scope", ""));
  if (!Contains(scopes, kScopeOpenId)) {
    return Fail(OAuthFailure("insufficient_scope", "the openid scope is required"));
  }
  nlohmann::json out;
  bool found = false;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto user = r.users.Find(sub);
    if (!user) return Fail(user.error());
    if (!*user || (*user)->is_suspended) return Ok();
    found = true;
    auto c = UserClaims(r, **user, scopes, true);
    if (!c) return Fail(c.error());
    out = std::move(*c);
    return Ok();
  }));
  if (!found) return Fail(OAuthFailure("invalid_token", "the user no longer exists"));
  return out;
}

}  // namespace gatehouse::service
