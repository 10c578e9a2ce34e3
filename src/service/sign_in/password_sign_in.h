// Password sign-in for the hosted sign-in page: identifier (username or email) + password,
// checked with Argon2id (crypto/password.h), throttled per account and per client address.
// Unknown users and wrong passwords get the same answer after the same work (PRODUCT.md §6):
// an unknown identifier is verified against a dummy hash of the same parameters.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/sign_in/login_throttle.h"

namespace gatehouse::service {

struct SignInOutcome {
  enum class Kind { kOk, kRejected, kThrottled } kind = Kind::kRejected;
  std::optional<model::User> user;  // kOk
  int64_t retry_after_ms = 0;       // kThrottled
};

class PasswordSignIn {
 public:
  // Hashes the dummy password once (start-up cost: one Argon2id hash).
  explicit PasswordSignIn(ThrottlePolicy policy = {});

  // Blocking (one Argon2id verification, ~tens of ms): call on a worker thread.
  // kRejected for any mismatch, unknown identifier, missing password or suspended user.
  // On success re-hashes the password when its parameters are outdated, and records
  // last_sign_in_at. Errors only for storage failures.
  Result<SignInOutcome> Check(const Context& ctx, const std::string& identifier,
                              const std::string& password, const std::string& client_address);

 private:
  std::string dummy_hash_;
  LoginThrottle throttle_;
};

}  // namespace gatehouse::service
