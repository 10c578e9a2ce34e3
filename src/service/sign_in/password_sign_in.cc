#include "service/sign_in/password_sign_in.h"

#include <algorithm>
#include <cctype>

#include "crypto/password.h"

namespace gatehouse::service {
namespace {

constexpr size_t kMaxIdentifier = 128;
constexpr size_t kMaxPassword = 256;

std::string Normalise(const std::string& identifier) {
  std::string out = identifier;
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

PasswordSignIn::PasswordSignIn(ThrottlePolicy policy) : throttle_(policy) {
  auto h = crypto::HashPassword("gatehouse-dummy-password-for-unknown-users");
  if (!h) throw std::runtime_error("cannot hash the dummy password: " + h.error().message);
  dummy_hash_ = std::move(*h);
}

Result<SignInOutcome> PasswordSignIn::Check(const Context& ctx, const std::string& identifier,
                                            const std::string& password,
                                            const std::string& client_address) {
  SignInOutcome out;
  const std::string account = Normalise(identifier);
  int64_t now = ctx.clock.NowMillis();
  if (int64_t wait = throttle_.RetryAfterMs(account, client_address, now); wait > 0) {
    out.kind = SignInOutcome::Kind::kThrottled;
    out.retry_after_ms = wait;
    return out;
  }
  std::optional<model::User> user;
  if (!identifier.empty() && identifier.size() <= kMaxIdentifier) {
    GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
      auto found = r.users.FindByIdentifier(identifier);
      if (!found) return Fail(found.error());
      user = std::move(*found);
      return Ok();
    }));
  }
  // Same work whatever the identifier: one Argon2id verification.
  const std::string& hash = user && user->password_hash ? *user->password_hash : dummy_hash_;
  bool match = password.size() <= kMaxPassword && crypto::VerifyPassword(password, hash);
  if (!match || !user || !user->password_hash || user->is_suspended) {
    throttle_.RecordFailure(account, client_address, ctx.clock.NowMillis());
    return out;
  }
  throttle_.RecordSuccess(account, now);
  model::User updated = *user;
  updated.last_sign_in_at = ctx.clock.NowMillis();
  if (crypto::PasswordNeedsRehash(*user->password_hash)) {
    auto rehashed = crypto::HashPassword(password);
    if (rehashed) updated.password_hash = std::move(*rehashed);
  }
  // Best effort: a failed bookkeeping write must not fail the sign-in.
  (void)ctx.store.Write([&](store::Repos& r) { return r.users.Update(updated); });
  out.kind = SignInOutcome::Kind::kOk;
  out.user = std::move(updated);
  return out;
}

}  // namespace gatehouse::service
