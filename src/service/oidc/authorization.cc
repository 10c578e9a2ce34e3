#include "service/oidc/authorization.h"

#include "service/oidc/common.h"

namespace gatehouse::service {

AuthorizationStep DecideAuthorization(const AuthorizationRequest& request,
                                      const std::optional<model::OidcSession>& session,
                                      int64_t now_ms) {
  bool usable = session.has_value() && !request.HasPrompt("login");
  if (usable && request.max_age &&
      now_ms - session->auth_time > *request.max_age * 1000) {
    usable = false;
  }
  if (usable) return AuthorizationStep::kIssueCode;
  return request.HasPrompt("none") ? AuthorizationStep::kLoginRequired : AuthorizationStep::kSignIn;
}

Result<std::string> IssueAuthorizationCode(const Context& ctx, const AuthorizationRequest& request,
                                           const std::string& user_id, int64_t auth_time_ms) {
  std::string code = ctx.random.Token(32);
  int64_t now = ctx.clock.NowMillis();
  model::Grant grant{ctx.random.Id(21), user_id,          request.client_id, request.scopes,
                     request.resources, auth_time_ms,     now,
                     now + kGrantMaxLifetime * 1000,      std::nullopt};
  model::AuthorizationCode row{HashOpaque(code),      grant.id,       request.client_id,
                               request.redirect_uri,  request.code_challenge, request.nonce,
                               now,                   now + kCodeTtl * 1000,  std::nullopt};
  bool user_ok = false;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto user = r.users.Find(user_id);
    if (!user) return Fail(user.error());
    user_ok = user->has_value() && !(*user)->is_suspended;
    if (!user_ok) return Ok();
    GH_TRY(r.grants.InsertGrant(grant));
    return r.grants.InsertCode(row);
  }));
  if (!user_ok) return Fail(OAuthFailure("login_required", "the session's user cannot sign in"));
  return code;
}

}  // namespace gatehouse::service
