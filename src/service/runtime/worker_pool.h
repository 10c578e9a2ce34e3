// WorkerPool: a fixed set of threads for CPU-heavy work (Argon2id) that must not run on the HTTP
// I/O threads, with a bounded queue so overload is refused at once instead of piling up. Its
// threads run in the idle scheduling class (SCHED_IDLE), so they use the CPU the I/O threads leave.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gatehouse::service {

class WorkerPool {
 public:
  // REQUIRES: threads ≥ 1. `max_queued`: jobs waiting (not running) beyond which Submit refuses.
  WorkerPool(int threads, size_t max_queued);
  // Finishes the queued jobs, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `job`; false (job dropped) when the queue is full or the pool is stopping.
  bool Submit(std::function<void()> job);

 private:
  void Loop();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  size_t max_queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace gatehouse::service
