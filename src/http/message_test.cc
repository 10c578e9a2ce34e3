#include "http/message.h"

#include <gtest/gtest.h>

namespace gatehouse::http {

TEST(ParseFormEncoded, DecodesPlusAndPercent) {
  auto f = ParseFormEncoded("a=1+2&b=%41%42&c&=x");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->size(), 4u);
  EXPECT_EQ((*f)[0].second, "1 2");
  EXPECT_EQ((*f)[1].second, "AB");
  EXPECT_EQ((*f)[2].first, "c");
  EXPECT_EQ((*f)[2].second, "");
}

TEST(ParseFormEncoded, RejectsTruncatedEscapes) {
  EXPECT_FALSE(ParseFormEncoded("a=%4"));
  EXPECT_FALSE(ParseFormEncoded("a=%"));
  EXPECT_FALSE(ParseFormEncoded("a=%g1"));
}

TEST(PercentEncode, KeepsOnlyUnreserved) {
  EXPECT_EQ(PercentEncode("a b/~é"), "a%20b%2F~%C3%A9");
}

TEST(Response, InternalErrorRevealsNothing) {
  auto r = Response::InternalError();
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, R"({"message":"Internal server error."})");
}

}  // namespace gatehouse::http
