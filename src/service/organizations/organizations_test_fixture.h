// A service::Context over a fresh, migrated SQLite database, for the organization service tests.
#pragma once

#include <gtest/gtest.h>

#include "authz/template_cache.h"
#include "common/clock.h"
#include "common/random.h"
#include "service/context.h"
#include "store/sqlite/organization_test_db.h"
#include "store/sqlite/sqlite_store.h"

namespace gatehouse::service {

class OrganizationServiceTest : public ::testing::Test {
 protected:
  OrganizationServiceTest()
      : store(db.path(), 2), ctx{store, clock, random, &cache} {}

  // Expects `r` to have failed with `code`.
  template <typename T>
  static void ExpectCode(const Result<T>& r, const std::string& code) {
    ASSERT_FALSE(r.has_value()) << "expected " << code;
    EXPECT_EQ(r.error().code, code) << r.error().message;
  }

  store::sqlite::OrganizationTestDb db;
  store::sqlite::SqliteStore store;
  FakeClock clock;
  SystemRandom random;
  authz::TemplateCache cache;
  Context ctx;
};

}  // namespace gatehouse::service
