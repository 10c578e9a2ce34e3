// ServiceTest: a service::Context over a fresh migrated SQLite store, a FakeClock and the system
// CSPRNG — for the users / applications / resources / roles service tests.
#pragma once

#include <gtest/gtest.h>

#include "common/clock.h"
#include "common/random.h"
#include "service/context.h"
#include "store/sqlite/test_db.h"

namespace gatehouse::service {

class ServiceTest : public ::testing::Test {
 protected:
  store::sqlite::TestDb db;
  FakeClock clock;
  SystemRandom random;
  Context ctx{db.store(), clock, random};
};

}  // namespace gatehouse::service
