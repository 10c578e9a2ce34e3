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

// Terminates every pooled gatehouse connection of the test database, as a server restart or an
// idle-connection reaper would.
void KillPooledConnections(const std::string& url) {
  Connection admin(url);
  ASSERT_TRUE(admin.ok());
  ASSERT_TRUE(admin.Query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
      "AND application_name = 'gatehouse' AND datname = current_database()"));
}

Result<void> ReadVersion(Repos& r) {
  auto v = r.org_template.Version();
  if (!v) return Fail(v.error());
  return Ok();
}

TEST(PostgresStore, AReadOnAConnectionTheServerDroppedSucceedsOnAFreshOne) {
  testing::TestBackend db("postgres", 1);
  if (!db.Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  ASSERT_TRUE(db.store().Read(ReadVersion));
  KillPooledConnections(db.url());
  auto r = db.store().Read(ReadVersion);
  EXPECT_TRUE(r) << r.error().message;
}

TEST(PostgresStore, AWriteOnAConnectionTheServerDroppedSucceedsOnAFreshOne) {
  testing::TestBackend db("postgres", 1);
  if (!db.Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  ASSERT_TRUE(db.store().Read(ReadVersion));
  KillPooledConnections(db.url());
  auto w = db.store().Write([](Repos& r) {
    return r.org_template.InsertScope({"s1", "read", std::nullopt, 1});
  });
  EXPECT_TRUE(w) << w.error().message;
}

TEST(PostgresStore, TextThatPostgresCannotStoreIsInvalidInputNotAnInternalError) {
  testing::TestBackend db("postgres", 1);
  if (!db.Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  for (std::string bad : {std::string("a\0b", 3), std::string("\xC3\x28"), std::string("\xED\xA0\x80")}) {
    auto r = db.store().Read([&](Repos& repos) -> Result<void> {
      auto o = repos.organizations.Find(bad);
      if (!o) return Fail(o.error());
      return Ok();
    });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  }
  auto ok = db.store().Read([](Repos& repos) -> Result<void> {
    auto o = repos.organizations.Find("caf\xC3\xA9 \xF0\x9F\x98\x80");
    if (!o) return Fail(o.error());
    return Ok();
  });
  EXPECT_TRUE(ok);
}

TEST(PostgresStore, SearchIgnoresCaseForNonAsciiLettersToo) {
  testing::TestBackend db("postgres", 1);
  if (!db.Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  model::Organization o;
  o.id = "o1";
  o.name = "École Ünïcödé";
  ASSERT_TRUE(db.store().Write([&](Repos& r) { return r.organizations.Insert(o); }));
  ASSERT_TRUE(db.store().Read([](Repos& r) -> Result<void> {
    EXPECT_EQ(r.organizations.List(std::string("ÉCOLE ÜNÏCÖDÉ"), std::nullopt)->total, 1);
    EXPECT_EQ(r.organizations.List(std::string("école"), std::nullopt)->total, 1);
    return Ok();
  }));
}

}  // namespace
}  // namespace gatehouse::store::postgres
