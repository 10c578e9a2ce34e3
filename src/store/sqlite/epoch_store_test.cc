#include "store/epoch_store.h"

#include <gtest/gtest.h>

#include "store/sqlite/test_db.h"

namespace gatehouse::store {
namespace {

TEST(EpochStore, WritesBumpTheEpochReadsDoNot) {
  sqlite::TestDb db;
  EpochStore store(db.store());
  const uint64_t start = store.epoch();
  ASSERT_TRUE(store.Read([](Repos&) -> Result<void> { return Ok(); }));
  EXPECT_EQ(store.epoch(), start);
  ASSERT_TRUE(store.Write([](Repos&) -> Result<void> { return Ok(); }));
  EXPECT_EQ(store.epoch(), start + 1);
  // A failed (rolled back) write bumps too: readers that overlapped it must not keep what they
  // read while it was in flight.
  EXPECT_FALSE(store.Write([](Repos&) -> Result<void> { return Fail(Error::Internal("x")); }));
  EXPECT_EQ(store.epoch(), start + 2);
  store.Bump();
  EXPECT_EQ(store.epoch(), start + 3);
}

}  // namespace
}  // namespace gatehouse::store
