#include "authz/template_cache.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace gatehouse::authz {
namespace {

TEST(TemplateCache, IsEmptyUntilASnapshotIsPut) {
  TemplateCache cache;
  EXPECT_EQ(cache.Get(), nullptr);
  cache.Put(TemplateSnapshot::Build(3, {}));
  ASSERT_NE(cache.Get(), nullptr);
  EXPECT_EQ(cache.Get()->version(), 3);
}

TEST(TemplateCache, NeverReplacesANewerSnapshotWithAnOlderOne) {
  TemplateCache cache;
  cache.Put(TemplateSnapshot::Build(5, {}));
  cache.Put(TemplateSnapshot::Build(4, {}));
  EXPECT_EQ(cache.Get()->version(), 5);
  cache.Put(TemplateSnapshot::Build(6, {}));
  EXPECT_EQ(cache.Get()->version(), 6);
}

TEST(TemplateCache, InvalidateDropsTheSnapshotButReadersKeepTheirCopy) {
  TemplateCache cache;
  cache.Put(TemplateSnapshot::Build(1, {{"r", "admin", model::RoleType::kUser, {"a"}, {}}}));
  auto held = cache.Get();
  cache.Invalidate();
  EXPECT_EQ(cache.Get(), nullptr);
  ASSERT_NE(held->FindRole("r"), nullptr);  // still alive for the reader that took it
}

TEST(TemplateCache, ConcurrentReadersAndWritersEndOnTheNewestVersion) {
  TemplateCache cache;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int v = 0; v < 2000; ++v) {
        if (t % 2 == 0) {
          cache.Put(TemplateSnapshot::Build(v * 2 + t / 2, {}));
        } else if (auto s = cache.Get()) {
          EXPECT_GE(s->version(), 0);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(cache.Get()->version(), 1999 * 2 + 1);
}

}  // namespace
}  // namespace gatehouse::authz
