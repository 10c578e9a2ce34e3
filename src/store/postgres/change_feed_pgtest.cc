// PgChangeFeed: a write committed through one store reaches the listeners of another process's
// feed (here: another store and feed on the same database), and only after commit.
#include "store/postgres/change_feed.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "store/postgres/test_backend.h"

namespace gatehouse::store::postgres {
namespace {

class Seen {
 public:
  void Add(std::string_view t) {
    std::lock_guard lock(mu_);
    topics_.insert(std::string(t));
    cv_.notify_all();
  }
  bool WaitFor(const std::string& t, std::chrono::milliseconds d) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, d, [&] { return topics_.count(t) > 0; });
  }
  bool Has(const std::string& t) {
    std::lock_guard lock(mu_);
    return topics_.count(t) > 0;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::set<std::string> topics_;
};

TEST(PgChangeFeed, ATemplateWriteOnOneNodeReachesAnotherNodesListenersWithinASecond) {
  testing::TestBackend db("postgres");
  if (!db.Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  PgChangeFeed feed(db.url());
  Seen seen;
  feed.Subscribe("template", [&](std::string_view t) { seen.Add(t); });
  feed.Subscribe("keys", [&](std::string_view t) { seen.Add(t); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // LISTEN established

  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(db.store().Write([](Repos& r) {
    return r.org_template.InsertRole({"r1", "admin", std::nullopt, model::RoleType::kUser, 1});
  }));
  ASSERT_TRUE(seen.WaitFor("template", std::chrono::seconds(1)));
  auto latency = std::chrono::steady_clock::now() - start;
  EXPECT_LT(latency, std::chrono::seconds(1));
  std::printf("template change seen after %.2f ms\n",
              std::chrono::duration<double, std::milli>(latency).count());
  EXPECT_FALSE(seen.Has("keys"));
}

TEST(PgChangeFeed, ARolledBackWriteNotifiesNothing) {
  testing::TestBackend db("postgres");
  if (!db.Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
  PgChangeFeed feed(db.url());
  Seen seen;
  feed.Subscribe("*", [&](std::string_view t) { seen.Add(t); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto r = db.store().Write([](Repos& repos) -> Result<void> {
    GH_TRY(repos.keys.Insert({"k1", "ES256", "pem", 1, std::nullopt}));
    return Fail(Error::InvalidInput("abort"));
  });
  ASSERT_FALSE(r);
  EXPECT_FALSE(seen.WaitFor("keys", std::chrono::milliseconds(500)));
  ASSERT_TRUE(db.store().Write([](Repos& repos) {
    return repos.keys.Insert({"k1", "ES256", "pem", 1, std::nullopt});
  }));
  EXPECT_TRUE(seen.WaitFor("keys", std::chrono::seconds(1)));
}

}  // namespace
}  // namespace gatehouse::store::postgres
