#include "common/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace gatehouse {

TEST(JsonNestingWithin, AcceptsOrdinaryDocuments) {
  EXPECT_TRUE(JsonNestingWithin(R"({"a":[1,{"b":{}}]})", 3));
  EXPECT_FALSE(JsonNestingWithin(R"({"a":[1,{"b":{}}]})", 2));
}

TEST(JsonNestingWithin, IgnoresBracketsInsideStrings) {
  EXPECT_TRUE(JsonNestingWithin(R"({"a":"[[[[[[\"[[[["})", 1));
}

TEST(JsonNestingWithin, RefusesAHundredThousandLevels) {
  std::string deep(100000, '[');
  EXPECT_FALSE(JsonNestingWithin(deep, 64));
}

}  // namespace gatehouse
