// SharedSlot<T>: one std::shared_ptr<const T> that many threads read (the token path's caches: the
// organization template, the signing keys, a verifier's JWKS) and a few threads replace.
//
// Why not std::atomic<std::shared_ptr<T>>: libstdc++ 12's implementation releases its internal
// lock bit in load() with memory_order_relaxed, so a reader's copy of the pointer is not ordered
// before the next writer's store by the C++ memory model — a formal data race that
// ThreadSanitizer reports (google/sanitizers#1558) and that `make tsan-test` must not carry. This
// slot does the same work (one lock acquire, a reference-count increment, one release) with a
// spin lock whose acquire/release pair orders every read before the next write.
#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <utility>

namespace gatehouse {

template <class T>
class SharedSlot {
 public:
  SharedSlot() = default;
  SharedSlot(const SharedSlot&) = delete;
  SharedSlot& operator=(const SharedSlot&) = delete;

  // A copy of the current value (nullptr when none). Thread-safe; the lock is held only for the
  // reference-count increment.
  std::shared_ptr<const T> load() const {
    Lock();
    std::shared_ptr<const T> copy = value_;
    Unlock();
    return copy;
  }

  // Replaces the value. The previous one is released after the lock is dropped, so a destructor
  // never runs inside the critical section.
  void store(std::shared_ptr<const T> next) {
    Lock();
    value_.swap(next);
    Unlock();
  }

  // Replaces the value unless `keep(current)` is true; returns whether it was replaced.
  template <class Keep>
  bool store_unless(std::shared_ptr<const T> next, Keep keep) {
    Lock();
    const bool replace = !keep(value_);
    if (replace) value_.swap(next);
    Unlock();
    return replace;
  }

 private:
  void Lock() const {
    for (int spins = 0; locked_.exchange(true, std::memory_order_acquire); ++spins) {
      while (locked_.load(std::memory_order_relaxed)) {
        if (++spins > 64) std::this_thread::yield();  // the holder was preempted
      }
    }
  }
  void Unlock() const { locked_.store(false, std::memory_order_release); }

  mutable std::atomic<bool> locked_{false};
  std::shared_ptr<const T> value_;
};

}  // namespace gatehouse
