#include "service/runtime/worker_pool.h"

#include <pthread.h>
#include <sched.h>
#include <spdlog/spdlog.h>

namespace gatehouse::service {

WorkerPool::WorkerPool(int threads, size_t max_queued) : max_queued_(max_queued) {
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { Loop(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

bool WorkerPool::Submit(std::function<void()> job) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(job));
  }
  cv_.notify_one();
  return true;
}

void WorkerPool::Loop() {
  // The idle scheduling class (Linux SCHED_IDLE, per thread): a password hash in progress must not
  // delay the I/O threads, which preempt it as soon as they have a request (doc/performance.md,
  // login row); the hashes get every cycle the I/O threads leave. Failure only costs that
  // latency, so it is logged and ignored.
  sched_param param{};
  if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &param) != 0) {
    spdlog::debug("worker thread keeps its scheduling class (SCHED_IDLE refused)");
  }
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      job();
    } catch (const std::exception& e) {
      spdlog::error("worker job failed: {}", e.what());
    } catch (...) {
      spdlog::error("worker job failed");
    }
  }
}

}  // namespace gatehouse::service
