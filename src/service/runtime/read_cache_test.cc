#include "service/runtime/read_cache.h"

#include <gtest/gtest.h>

namespace gatehouse::service {
namespace {

TEST(ReadCache, HitWhileEpochUnchangedAndYoung) {
  ReadCache<int> cache(10, 1000);
  cache.Put("k", 7, /*epoch=*/3, /*now=*/100);
  EXPECT_EQ(cache.Get("k", 3, 100), 7);
  EXPECT_EQ(cache.Get("k", 3, 1099), 7);
}

TEST(ReadCache, MissAfterAWrite) {
  ReadCache<int> cache(10, 1000);
  cache.Put("k", 7, 3, 100);
  EXPECT_EQ(cache.Get("k", 4, 101), std::nullopt);
}

TEST(ReadCache, MissWhenOlderThanMaxAgeOrClockWentBack) {
  ReadCache<int> cache(10, 1000);
  cache.Put("k", 7, 3, 100);
  EXPECT_EQ(cache.Get("k", 3, 1100), std::nullopt);
  EXPECT_EQ(cache.Get("k", 3, 99), std::nullopt);
}

TEST(ReadCache, UnknownKeyMisses) {
  ReadCache<int> cache(10, 1000);
  EXPECT_EQ(cache.Get("nope", 1, 0), std::nullopt);
}

TEST(ReadCache, FullCacheStartsOver) {
  ReadCache<int> cache(2, 1000);
  cache.Put("a", 1, 1, 0);
  cache.Put("b", 2, 1, 0);
  cache.Put("b", 3, 1, 0);  // replacing does not count as growth
  EXPECT_EQ(cache.size(), 2u);
  cache.Put("c", 4, 1, 0);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.Get("c", 1, 0), 4);
  EXPECT_EQ(cache.Get("a", 1, 0), std::nullopt);
}

}  // namespace
}  // namespace gatehouse::service
