#include "service/runtime/worker_pool.h"

#include <gtest/gtest.h>
#include <sched.h>

#include <future>

namespace gatehouse::service {
namespace {

// The promises and futures a job touches are declared before the pool in each test: the pool is
// destroyed first (joining its threads), so no worker can still be inside set_value() or wait()
// on an object the test body has already destroyed.

TEST(WorkerPool, RunsJobsInTheIdleSchedulingClass) {
  std::promise<int> policy;
  WorkerPool pool(1, 4);
  ASSERT_TRUE(pool.Submit([&] { policy.set_value(sched_getscheduler(0)); }));
  EXPECT_EQ(policy.get_future().get(), SCHED_IDLE);
  // The caller's own class is untouched.
  EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
}

TEST(WorkerPool, RefusesBeyondTheQueueBound) {
  std::promise<void> release;
  auto gate = release.get_future().share();
  std::promise<void> started;
  WorkerPool pool(1, 1);
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
