#include "service/sign_in/session.h"

#include "service/oidc/common.h"

namespace gatehouse::service {
namespace {

constexpr size_t kMaxCookieLength = 128;

}  // namespace

Result<std::string> CreateSession(const Context& ctx, const std::string& user_id) {
  std::string cookie = ctx.random.Token(32);
  int64_t now = ctx.clock.NowMillis();
  model::OidcSession s{HashOpaque(cookie), user_id, now, now, now + kSessionTtl * 1000};
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    // Housekeeping rides on sign-ins, which are rare next to token requests: expired sessions,
    // interactions, codes, refresh tokens and grants.
    GH_TRY(r.sessions.DeleteExpired(now));
    GH_TRY(r.grants.DeleteExpired(now));
    return r.sessions.InsertSession(s);
  }));
  return cookie;
}

Result<std::optional<model::OidcSession>> FindSession(const Context& ctx, std::string_view cookie) {
  std::optional<model::OidcSession> out;
  if (cookie.empty() || cookie.size() > kMaxCookieLength) return out;
  std::string hash = HashOpaque(cookie);
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto s = r.sessions.FindSession(hash);
    if (!s) return Fail(s.error());
    out = std::move(*s);
    return Ok();
  }));
  if (out && out->expires_at <= ctx.clock.NowMillis()) out.reset();
  return out;
}

Result<void> EndSession(const Context& ctx, std::string_view cookie) {
  if (cookie.empty() || cookie.size() > kMaxCookieLength) return Ok();
  std::string hash = HashOpaque(cookie);
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto d = r.sessions.DeleteSession(hash);
    if (!d) return Fail(d.error());
    return Ok();
  });
}

Result<NewInteraction> CreateInteraction(const Context& ctx, const AuthorizationRequest& request) {
  NewInteraction out{ctx.random.Token(32), ctx.random.Token(32)};
  int64_t now = ctx.clock.NowMillis();
  model::Interaction row{HashOpaque(out.cookie), out.csrf, request.client_id, request.ToJson(), now,
                         now + kInteractionTtl * 1000};
  GH_TRY(ctx.store.Write([&](store::Repos& r) { return r.sessions.InsertInteraction(row); }));
  return out;
}

Result<std::optional<PendingInteraction>> FindInteraction(const Context& ctx,
                                                          std::string_view cookie) {
  std::optional<PendingInteraction> out;
  if (cookie.empty() || cookie.size() > kMaxCookieLength) return out;
  std::string hash = HashOpaque(cookie);
  std::optional<model::Interaction> row;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto i = r.sessions.FindInteraction(hash);
    if (!i) return Fail(i.error());
    row = std::move(*i);
    return Ok();
  }));
  if (!row || row->expires_at <= ctx.clock.NowMillis()) return out;
  auto request = AuthorizationRequest::FromJson(row->request);
  if (!request) return out;
  out = PendingInteraction{std::move(*row), std::move(*request)};
  return out;
}

Result<void> DeleteInteraction(const Context& ctx, std::string_view cookie) {
  if (cookie.empty() || cookie.size() > kMaxCookieLength) return Ok();
  std::string hash = HashOpaque(cookie);
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto d = r.sessions.DeleteInteraction(hash);
    if (!d) return Fail(d.error());
    return Ok();
  });
}

}  // namespace gatehouse::service
