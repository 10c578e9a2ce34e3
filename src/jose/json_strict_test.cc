#include "jose/json_strict.h"

#include <gtest/gtest.h>

namespace gatehouse::jose {
namespace {

TEST(StrictJson, ParsesAnObject) {
  auto j = ParseStrictJsonObject(R"({"a":1,"b":{"c":[1,2,{"d":true}]}})");
  ASSERT_TRUE(j) << j.error().message;
  EXPECT_EQ((*j)["b"]["c"][2]["d"], true);
}

TEST(StrictJson, RefusesDuplicateTopLevelNames) {
  auto j = ParseStrictJsonObject(R"({"aud":"a","aud":"b"})");
  ASSERT_FALSE(j);
  EXPECT_EQ(j.error().code, "jose.malformed");
  EXPECT_NE(j.error().message.find("duplicate"), std::string::npos);
}

TEST(StrictJson, RefusesDuplicateNamesInNestedObjects) {
  EXPECT_FALSE(ParseStrictJsonObject(R"({"a":{"x":1,"x":2}})"));
  EXPECT_FALSE(ParseStrictJsonObject(R"({"a":[{"x":1,"x":2}]})"));
}

TEST(StrictJson, AllowsTheSameNameInSiblingObjects) {
  EXPECT_TRUE(ParseStrictJsonObject(R"({"a":{"x":1},"b":{"x":2},"x":3})"));
}

TEST(StrictJson, RefusesNonObjects) {
  EXPECT_FALSE(ParseStrictJsonObject("[]"));
  EXPECT_FALSE(ParseStrictJsonObject("\"s\""));
  EXPECT_FALSE(ParseStrictJsonObject("null"));
  EXPECT_FALSE(ParseStrictJsonObject(""));
}

TEST(StrictJson, RefusesTrailingBytesAndComments) {
  EXPECT_FALSE(ParseStrictJsonObject(R"({"a":1} x)"));
  EXPECT_FALSE(ParseStrictJsonObject(R"({"a":1}{})"));
  EXPECT_FALSE(ParseStrictJsonObject("{/*c*/\"a\":1}"));
}

TEST(StrictJson, RefusesDeepNesting) {
  std::string deep(100000, '[');
  EXPECT_FALSE(ParseStrictJsonObject("{\"a\":" + deep));
  EXPECT_TRUE(ParseStrictJsonObject(R"({"a":[[1]]})", 3));
  EXPECT_FALSE(ParseStrictJsonObject(R"({"a":[[[1]]]})", 3));
}

TEST(StrictJson, RefusesInvalidUtf8AndOverflowingNumbers) {
  EXPECT_FALSE(ParseStrictJsonObject("{\"a\":\"\xff\"}"));
  EXPECT_FALSE(ParseStrictJsonObject(R"({"exp":1e999})"));
}

}  // namespace
}  // namespace gatehouse::jose
