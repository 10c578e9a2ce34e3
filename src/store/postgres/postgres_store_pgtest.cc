// PostgresStore behaviour that has no SQLite counterpart: connection failures and reconnection.
#include <gtest/gtest.h>

#include <chrono>

#include "store/postgres/postgres_store.h"
#include "store/postgres/test_backend.h"

namespace gatehouse::store::postgres {
namespace {

TEST(PostgresStore, AnUnreachableDatabaseIsUnavailableWithinTheConnectTimeout) {
  auto start = std::chrono::steady_clock::now();
  // Port 1 on loopback: nothing listens there.
  auto s = PostgresStore::Open("postgresql://postgres@127.0.0.1:1/postgres");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::kUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(PostgresStore, AKilledConnectionIsReplacedOnTheNextUnitOfWork) {
  testing::TestBackend db("postgres", 1);
  if (!db.Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  // Terminate every other backend of this database (our only pooled connection among them).
  Connection admin(db.url());
  ASSERT_TRUE(admin.ok());
  auto killed = admin.Query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
      "WHERE pid <> pg_backend_pid() AND application_name = 'gatehouse' AND datname = current_database()");
  ASSERT_TRUE(killed);
  // The first unit of work may see the broken connection (Unavailable, never a hang or crash);
  // the next one reconnects.
  auto version = [](Repos& r) -> Result<void> {
    auto v = r.org_template.Version();
    if (!v) return Fail(v.error());
    return Ok();
  };
  auto first = db.store().Read(version);
  if (!first) {
    EXPECT_EQ(first.error().kind, ErrorKind::kUnavailable);
  }
  auto second = db.store().Read(version);
  EXPECT_TRUE(second) << second.error().message;
}

}  // namespace
}  // namespace gatehouse::store::postgres
