#include "service/oidc/code_grant.h"

#include <algorithm>

#include "common/base64url.h"
#include "crypto/digest.h"
#include "service/oidc/common.h"

namespace gatehouse::service {
namespace {

enum class Outcome { kOk, kReplayed };

Error InvalidGrant(std::string why) { return OAuthFailure("invalid_grant", std::move(why)); }

}  // namespace

bool PkceMatches(std::string_view verifier, std::string_view challenge) {
  if (verifier.size() < 43 || verifier.size() > 128) return false;
  bool ok = std::all_of(verifier.begin(), verifier.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
  });
  if (!ok) return false;
  auto digest = crypto::Sha256(verifier);
  std::string computed = Base64UrlEncode(
      std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
  return crypto::ConstantTimeEquals(computed, challenge);
}

Result<std::string> InsertRefreshToken(const Context& ctx, store::Repos& r,
                                       const model::Grant& grant) {
  std::string value = ctx.random.Token(32);
  int64_t now = ctx.clock.NowMillis();
  int64_t expires = std::min(now + kRefreshTokenTtl * 1000, grant.expires_at);
  GH_TRY(r.grants.InsertRefreshToken({HashOpaque(value), grant.id, now, expires, std::nullopt}));
  return value;
}

Result<UserTokenResponse> AuthorizationCodeGrant(const Context& ctx, const KeySet& keys,
                                                 const std::string& issuer,
                                                 const CodeGrantRequest& req) {
  if (req.resources.size() > 1) {
    return Fail(OAuthFailure("invalid_target", "only one resource indicator is allowed"));
  }
  std::optional<std::string> resource;
  if (!req.resources.empty()) resource = req.resources.front();
  const std::string hash = HashOpaque(req.code);
  const int64_t now = ctx.clock.NowMillis();
  Outcome outcome = Outcome::kOk;
  UserTokenPlan plan;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.grants.FindCode(hash);
    if (!found) return Fail(found.error());
    if (!*found || (*found)->client_id != req.client.id) return Fail(InvalidGrant("invalid code"));
    const model::AuthorizationCode& code = **found;
    if (code.consumed_at) {
      // RFC 6749 §4.1.2: a second use must be refused and SHOULD revoke what the code issued.
      auto revoked = r.grants.RevokeGrant(code.grant_id, now);
      if (!revoked) return Fail(revoked.error());
      outcome = Outcome::kReplayed;
      return Ok();  // commit the revocation
    }
    if (code.expires_at <= now) return Fail(InvalidGrant("code expired"));
    // RFC 6749 §4.1.3: redirect_uri must be identical to the authorization request's.
    if (!req.redirect_uri || *req.redirect_uri != code.redirect_uri) {
      return Fail(InvalidGrant("redirect_uri does not match the authorization request"));
    }
    if (code.code_challenge) {
      if (!req.code_verifier || !PkceMatches(*req.code_verifier, *code.code_challenge)) {
        return Fail(InvalidGrant("PKCE verification failed"));
      }
    } else if (req.code_verifier) {
      // RFC 9700 §2.1.1: a verifier without a challenge is a PKCE downgrade attempt.
      return Fail(InvalidGrant("code_verifier sent but no code_challenge was"));
    }
    auto grant = r.grants.FindGrant(code.grant_id);
    if (!grant) return Fail(grant.error());
    if (!*grant || (*grant)->revoked_at) return Fail(InvalidGrant("grant revoked"));
    auto consumed = r.grants.ConsumeCode(hash, now);
    if (!consumed) return Fail(consumed.error());
    if (!*consumed) return Fail(InvalidGrant("invalid code"));
    auto user = GrantUser(r, **grant);
    if (!user) return Fail(user.error());
    auto access = PlanUserAccessToken(r, issuer, **grant, resource, (*grant)->scopes);
    if (!access) return Fail(access.error());
    plan.access = std::move(*access);
    plan.nonce = code.nonce;
    GH_TRY(PlanIdToken(r, *user, **grant, plan));
    if (Contains((*grant)->scopes, kScopeOfflineAccess)) {
      auto rt = InsertRefreshToken(ctx, r, **grant);
      if (!rt) return Fail(rt.error());
      plan.refresh_token = std::move(*rt);
    }
    return Ok();
  }));
  if (outcome == Outcome::kReplayed) {
    return Fail(InvalidGrant("authorization code has already been used"));
  }
  return SignUserTokens(ctx, keys, issuer, plan);
}

}  // namespace gatehouse::service
