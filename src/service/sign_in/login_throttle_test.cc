#include "service/sign_in/login_throttle.h"

#include <gtest/gtest.h>

namespace gatehouse::service {
namespace {

ThrottlePolicy SmallPolicy() {
  ThrottlePolicy p;
  p.free_account_failures = 3;
  p.free_address_failures = 5;
  p.base_delay_ms = 1000;
  p.max_delay_ms = 8000;
  p.forget_after_ms = 60'000;
  return p;
}

TEST(LoginThrottle, AllowsTheFreeFailuresThenBacksOff) {
  LoginThrottle t(SmallPolicy());
  for (int i = 0; i < 2; ++i) t.RecordFailure("alice", "1.1.1.1", 0);
  EXPECT_EQ(t.RetryAfterMs("alice", "1.1.1.1", 0), 0);
  t.RecordFailure("alice", "1.1.1.1", 0);
  EXPECT_EQ(t.RetryAfterMs("alice", "1.1.1.1", 0), 1000);
  EXPECT_EQ(t.RetryAfterMs("alice", "2.2.2.2", 400), 600);  // per account, from anywhere
  EXPECT_EQ(t.RetryAfterMs("alice", "1.1.1.1", 1000), 0);
}

TEST(LoginThrottle, DelayDoublesAndIsCapped) {
  LoginThrottle t(SmallPolicy());
  for (int i = 0; i < 4; ++i) t.RecordFailure("bob", "a", 0);
  EXPECT_EQ(t.RetryAfterMs("bob", "x", 0), 2000);
  for (int i = 0; i < 10; ++i) t.RecordFailure("bob", "a", 0);
  EXPECT_EQ(t.RetryAfterMs("bob", "x", 0), 8000);
}

TEST(LoginThrottle, ThrottlesAnAddressSprayingManyAccounts) {
  LoginThrottle t(SmallPolicy());
  for (int i = 0; i < 5; ++i) t.RecordFailure("user" + std::to_string(i), "9.9.9.9", 0);
  EXPECT_GT(t.RetryAfterMs("someone-else", "9.9.9.9", 0), 0);
  EXPECT_EQ(t.RetryAfterMs("someone-else", "8.8.8.8", 0), 0);
}

TEST(LoginThrottle, SuccessClearsTheAccountButNotTheAddress) {
  LoginThrottle t(SmallPolicy());
  for (int i = 0; i < 5; ++i) t.RecordFailure("carol", "7.7.7.7", 0);
  t.RecordSuccess("carol", 0);
  EXPECT_EQ(t.RetryAfterMs("carol", "6.6.6.6", 0), 0);
  EXPECT_GT(t.RetryAfterMs("carol", "7.7.7.7", 0), 0);
}

TEST(LoginThrottle, ForgetsAfterAQuietPeriod) {
  LoginThrottle t(SmallPolicy());
  for (int i = 0; i < 6; ++i) t.RecordFailure("dave", "a", 0);
  EXPECT_EQ(t.RetryAfterMs("dave", "a", 60'000), 0);
  t.RecordFailure("dave", "a", 60'000);
  EXPECT_EQ(t.RetryAfterMs("dave", "a", 60'000), 0);  // counting starts over
}

TEST(LoginThrottle, StaysBoundedInMemory) {
  ThrottlePolicy p = SmallPolicy();
  p.max_keys = 100;
  LoginThrottle t(p);
  for (int i = 0; i < 1000; ++i) t.RecordFailure("k" + std::to_string(i), std::to_string(i), i);
  SUCCEED();  // no unbounded growth (checked under ASan for leaks / no crash)
}

}  // namespace
}  // namespace gatehouse::service
