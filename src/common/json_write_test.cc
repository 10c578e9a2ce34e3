#include "common/json_write.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace gatehouse {
namespace {

TEST(JsonObjectWriter, WritesFieldsInOrder) {
  auto text = JsonObjectWriter().String("a", "x").Int("n", -42).String("b", "").Finish();
  EXPECT_EQ(text, R"({"a":"x","n":-42,"b":""})");
}

TEST(JsonObjectWriter, EmptyObject) { EXPECT_EQ(JsonObjectWriter().Finish(), "{}"); }

TEST(JsonObjectWriter, EscapesWhatJsonRequires) {
  const std::string tricky = "q\"uote\\back\nline\x01 tab\t caf\xc3\xa9 \xe2\x9c\x93";
  auto text = JsonObjectWriter().String("s", tricky).Finish();
  auto parsed = nlohmann::json::parse(text);
  EXPECT_EQ(parsed["s"], tricky);
}

TEST(JsonObjectWriter, InvalidUtf8BecomesReplacementCharacterNotInvalidJson) {
  auto text = JsonObjectWriter().String("s", std::string("a\xff\xfe" "b")).Finish();
  auto parsed = nlohmann::json::parse(text);  // throws if the output were not valid JSON
  EXPECT_EQ(parsed["s"], "a\xef\xbf\xbd\xef\xbf\xbd" "b");
}

TEST(JsonObjectWriter, MatchesNlohmannForPlainStrings) {
  nlohmann::json j = {{"iss", "http://127.0.0.1:3001/oidc"}, {"scope", "read:a write:b"}};
  auto text = JsonObjectWriter().String("iss", "http://127.0.0.1:3001/oidc")
                  .String("scope", "read:a write:b").Finish();
  EXPECT_EQ(nlohmann::json::parse(text), j);
}

}  // namespace
}  // namespace gatehouse
