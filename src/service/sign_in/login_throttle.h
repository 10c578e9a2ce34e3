// LoginThrottle: exponential backoff of password sign-in per account and per client address
// (PRODUCT.md §6, OWASP Authentication Cheat Sheet "Login Throttling"). In memory, per node;
// bounded in size. Pure logic over an injected "now": no clock of its own.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gatehouse::service {

struct ThrottlePolicy {
  int free_account_failures = 5;    // failures per account before backoff starts
  // Per client address (one place trying many accounts). Generous: behind a reverse proxy every
  // user shares the proxy's address.
  int free_address_failures = 100;
  int64_t base_delay_ms = 1000;     // first wait; doubles with each further failure
  int64_t max_delay_ms = 15 * 60 * 1000;
  int64_t forget_after_ms = 60 * 60 * 1000;  // a quiet key starts over
  size_t max_keys = 200'000;        // memory bound; expired keys are purged first
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

  // Milliseconds to wait before an attempt for (account, address) is allowed; 0 = allowed now.
  // `account` should be normalised (lower-cased identifier) — known or not, so the answer does
  // not reveal whether an account exists.
  int64_t RetryAfterMs(std::string_view account, std::string_view address, int64_t now_ms);
  void RecordFailure(std::string_view account, std::string_view address, int64_t now_ms);
  // Clears the account's failures (not the address's: one success must not unlock a spray).
  void RecordSuccess(std::string_view account, int64_t now_ms);

 private:
  struct Entry {
    int failures = 0;
    int64_t last_failure_ms = 0;
  };
  int64_t WaitFor(const Entry& e, int free_failures, int64_t now_ms) const;
  void Bump(std::unordered_map<std::string, Entry>& map, std::string key, int64_t now_ms);
  void Purge(std::unordered_map<std::string, Entry>& map, int64_t now_ms);

  ThrottlePolicy policy_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> accounts_;
  std::unordered_map<std::string, Entry> addresses_;
};

}  // namespace gatehouse::service
