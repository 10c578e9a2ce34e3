#include "service/sign_in/login_throttle.h"

#include <algorithm>

namespace gatehouse::service {

int64_t LoginThrottle::WaitFor(const Entry& e, int free_failures, int64_t now_ms) const {
  if (e.failures < free_failures) return 0;
  if (now_ms - e.last_failure_ms >= policy_.forget_after_ms) return 0;
  int extra = std::min(e.failures - free_failures, 30);
  int64_t delay = std::min(policy_.max_delay_ms, policy_.base_delay_ms << std::min(extra, 20));
  return std::max<int64_t>(0, e.last_failure_ms + delay - now_ms);
}

int64_t LoginThrottle::RetryAfterMs(std::string_view account, std::string_view address,
                                    int64_t now_ms) {
  std::lock_guard lock(mu_);
  int64_t wait = 0;
  if (auto it = accounts_.find(std::string(account)); it != accounts_.end())
    wait = std::max(wait, WaitFor(it->second, policy_.free_account_failures, now_ms));
  if (auto it = addresses_.find(std::string(address)); it != addresses_.end())
    wait = std::max(wait, WaitFor(it->second, policy_.free_address_failures, now_ms));
  return wait;
}

void LoginThrottle::Purge(std::unordered_map<std::string, Entry>& map, int64_t now_ms) {
  std::erase_if(map, [&](const auto& kv) {
    return now_ms - kv.second.last_failure_ms >= policy_.forget_after_ms;
  });
  // Still too many live keys (a distributed spray): keep the half with the most failures.
  if (map.size() >= policy_.max_keys) {
    std::erase_if(map, [](const auto& kv) { return kv.second.failures < 2; });
  }
  if (map.size() >= policy_.max_keys) map.clear();
}

void LoginThrottle::Bump(std::unordered_map<std::string, Entry>& map, std::string key,
                         int64_t now_ms) {
  if (map.size() >= policy_.max_keys) Purge(map, now_ms);
  Entry& e = map[std::move(key)];
  if (e.failures > 0 && now_ms - e.last_failure_ms >= policy_.forget_after_ms) e.failures = 0;
  ++e.failures;
  e.last_failure_ms = now_ms;
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address,
                                  int64_t now_ms) {
  std::lock_guard lock(mu_);
  Bump(accounts_, std::string(account), now_ms);
  Bump(addresses_, std::string(address), now_ms);
}

void LoginThrottle::RecordSuccess(std::string_view account, int64_t /*now_ms*/) {
  std::lock_guard lock(mu_);
  accounts_.erase(std::string(account));
}

}  // namespace gatehouse::service
