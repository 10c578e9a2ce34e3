#include "common/shared_slot.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace gatehouse {
namespace {

TEST(SharedSlot, StartsEmptyAndHoldsTheLastStoredValue) {
  SharedSlot<int> slot;
  EXPECT_EQ(slot.load(), nullptr);
  slot.store(std::make_shared<const int>(1));
  slot.store(std::make_shared<const int>(2));
  EXPECT_EQ(*slot.load(), 2);
}

TEST(SharedSlot, StoreUnlessKeepsTheCurrentValueWhenAsked) {
  SharedSlot<int> slot;
  slot.store(std::make_shared<const int>(5));
  EXPECT_FALSE(slot.store_unless(std::make_shared<const int>(3),
                                 [](const auto& cur) { return cur && *cur > 3; }));
  EXPECT_EQ(*slot.load(), 5);
  EXPECT_TRUE(slot.store_unless(std::make_shared<const int>(7),
                                [](const auto& cur) { return cur && *cur > 7; }));
  EXPECT_EQ(*slot.load(), 7);
}

// Readers keep their copy alive while writers replace it; run under `make tsan-test`, this is the
// case std::atomic<std::shared_ptr> of libstdc++ 12 is reported for.
TEST(SharedSlot, ReadersAndWritersOnSeveralThreads) {
  SharedSlot<std::vector<int>> slot;
  slot.store(std::make_shared<const std::vector<int>>(8, 0));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&slot, t] {
      for (int i = 0; i < 2000; ++i) {
        if (t % 2 == 0) {
          slot.store(std::make_shared<const std::vector<int>>(8, i));
        } else {
          auto v = slot.load();
          ASSERT_EQ(v->size(), 8u);
          EXPECT_EQ(v->front(), v->back());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(slot.load()->front(), 1999);
}

}  // namespace
}  // namespace gatehouse
