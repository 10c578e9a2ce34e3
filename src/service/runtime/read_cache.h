// ReadCache: values read from the store on the token hot path (client credentials, a member's
// organization permissions), reused while nothing was written since they were read.
//
// An entry is valid only while (a) the store's write epoch (store/epoch_store.h) equals the one
// taken BEFORE the value was read, and (b) it is younger than the maximum age, which bounds how
// long a change made outside this process can go unseen if its notification is lost (PRODUCT.md
// §4: a change is honoured by every node within one second). Thread-safe; a full cache is
// emptied rather than evicted piecemeal (entries are cheap to re-read).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace gatehouse::service {

template <typename V>
class ReadCache {
 public:
  explicit ReadCache(size_t capacity, int64_t max_age_ms = 1000)
      : capacity_(capacity), max_age_ms_(max_age_ms) {}

  std::optional<V> Get(const std::string& key, uint64_t epoch, int64_t now_ms) const {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    const Entry& e = it->second;
    if (e.epoch != epoch || now_ms - e.read_at_ms >= max_age_ms_ || now_ms < e.read_at_ms) {
      return std::nullopt;
    }
    return e.value;
  }

  // `epoch_before_read`: the epoch taken before the store read that produced `value`.
  void Put(const std::string& key, V value, uint64_t epoch_before_read, int64_t now_ms) {
    std::lock_guard lock(mu_);
    if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
    entries_.insert_or_assign(key, Entry{std::move(value), epoch_before_read, now_ms});
  }

  size_t size() const {
    std::lock_guard lock(mu_);
    return entries_.size();
  }

 private:
  struct Entry {
    V value;
    uint64_t epoch;
    int64_t read_at_ms;
  };
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  const size_t capacity_;
  const int64_t max_age_ms_;
};

}  // namespace gatehouse::service
