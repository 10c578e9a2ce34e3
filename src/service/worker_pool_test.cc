#include "service/worker_pool.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <future>

namespace gatehouse::service {
namespace {

TEST(WorkerPool, RunsJobsAtTheLowestCpuPriority) {
  WorkerPool pool(1, 4);
  std::promise<int> nice;
  ASSERT_TRUE(
      pool.Submit([&] { nice.set_value(getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()))); }));
  EXPECT_EQ(nice.get_future().get(), 19);
  // The caller's own priority is untouched.
  EXPECT_EQ(getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())), 0);
}

TEST(WorkerPool, RefusesBeyondTheQueueBound) {
  WorkerPool pool(1, 1);
  std::promise<void> release;
  auto gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.Submit([&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();
  EXPECT_TRUE(pool.Submit([] {}));   // queued
  EXPECT_FALSE(pool.Submit([] {}));  // queue full
  release.set_value();
}

}  // namespace
}  // namespace gatehouse::service
