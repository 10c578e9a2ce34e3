#include "api/pagination.h"

#include <gtest/gtest.h>

namespace gatehouse::api {
namespace {

http::Request WithQuery(std::vector<std::pair<std::string, std::string>> q) {
  http::Request r;
  r.path = "/api/users";
  r.query = std::move(q);
  return r;
}

}  // namespace

TEST(ParsePage, DefaultsToTwentyWhenAlwaysPaginated) {
  auto p = ParsePage(WithQuery({}), true);
  ASSERT_TRUE(p && *p);
  EXPECT_EQ((*p)->offset, 0);
  EXPECT_EQ((*p)->limit, 20);
}

TEST(ParsePage, ReturnsEverythingForOptionalPaginationWithoutParameters) {
  auto p = ParsePage(WithQuery({}), false);
  ASSERT_TRUE(p);
  EXPECT_FALSE(*p);
}

TEST(ParsePage, RejectsZeroOverLimitNegativeAndText) {
  for (const char* bad : {"0", "101", "-1", "abc", "1.5", ""}) {
    auto p = ParsePage(WithQuery({{"page_size", bad}}), true);
    ASSERT_FALSE(p) << bad;
    EXPECT_EQ(p.error().code, "guard.invalid_pagination");
  }
}

TEST(SetPageHeaders, LinksFirstPrevNextLast) {
  auto req = WithQuery({{"page", "2"}, {"page_size", "10"}, {"q", "a b"}});
  http::Response res;
  SetPageHeaders(res, req, model::PageRequest{10, 10}, 35);
  std::string link;
  for (auto& [k, v] : res.headers) if (k == "Link") link = v;
  EXPECT_NE(link.find("page=1>; rel=\"first\""), std::string::npos);
  EXPECT_NE(link.find("page=1>; rel=\"prev\""), std::string::npos);
  EXPECT_NE(link.find("page=3>; rel=\"next\""), std::string::npos);
  EXPECT_NE(link.find("page=4>; rel=\"last\""), std::string::npos);
  EXPECT_NE(link.find("q=a%20b"), std::string::npos);
}

}  // namespace gatehouse::api
