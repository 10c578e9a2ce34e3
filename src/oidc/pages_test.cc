// The sign-in page, its headers, escaping, cookies and authorization redirects.
#include <gtest/gtest.h>

#include "oidc/authorization_response.h"
#include "oidc/cookies.h"
#include "oidc/html.h"

namespace gatehouse::oidc {
namespace {

std::string HeaderOf(const http::Response& res, std::string_view name) {
  for (const auto& [k, v] : res.headers)
    if (k == name) return v;
  return "";
}

TEST(Html, EscapesMarkupAndQuotes) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(SignInPage, HasTheFormFieldsOfApiMdAndNoScript) {
  auto res = SignInPage(200, {"tok", "ali\"ce", "", "App"});
  EXPECT_NE(res.body.find("<input type=\"hidden\" name=\"csrf\" value=\"tok\">"), std::string::npos);
  EXPECT_NE(res.body.find("name=\"identifier\""), std::string::npos);
  EXPECT_NE(res.body.find("name=\"password\" type=\"password\""), std::string::npos);
  EXPECT_NE(res.body.find("<button type=\"submit\">"), std::string::npos);
  EXPECT_NE(res.body.find("value=\"ali&quot;ce\""), std::string::npos);
  EXPECT_EQ(res.body.find("<script"), std::string::npos);
}

TEST(SignInPage, RefusesFramingAndReferrers) {
  auto res = SignInPage(200, {"t", "", "", ""});
  EXPECT_EQ(HeaderOf(res, "X-Frame-Options"), "DENY");
  EXPECT_NE(HeaderOf(res, "Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(HeaderOf(res, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(HeaderOf(res, "Cache-Control"), "no-store");
}

TEST(Cookies, ReadsOneCookieAmongSeveral) {
  http::Request req;
  req.headers = {{"cookie", "a=1; gh_session=abc ;b=2"}};
  EXPECT_EQ(GetCookie(req, "gh_session"), "abc");
  EXPECT_EQ(GetCookie(req, "b"), "2");
  EXPECT_FALSE(GetCookie(req, "missing"));
}

TEST(Cookies, SetCookieIsHttpOnlyLaxAndSecureOnlyWhenAsked) {
  http::Response res;
  SetCookie(res, "gh_session", "v", 60, false);
  SetCookie(res, "x", "", 0, true);
  ASSERT_EQ(res.headers.size(), 2u);
  EXPECT_EQ(res.headers[0].second, "gh_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
  EXPECT_NE(res.headers[1].second.find("; Secure"), std::string::npos);
}

TEST(AuthorizationRedirect, AppendsToAnExistingQueryAndAddsIss) {
  auto res = AuthorizationRedirect("https://app/cb?x=1", "query", {{"code", "c d"}}, "s",
                                   "https://id/oidc");
  EXPECT_EQ(res.status, 303);
  EXPECT_EQ(HeaderOf(res, "Location"), "https://app/cb?x=1&code=c%20d&state=s&iss=https%3A%2F%2Fid%2Foidc");
}

TEST(AuthorizationRedirect, FormPostEscapesValues) {
  auto res = AuthorizationRedirect("https://app/cb", "form_post", {{"code", "\"><script>"}},
                                   std::nullopt, "i");
  EXPECT_EQ(res.status, 200);
  EXPECT_NE(res.body.find("value=\"&quot;&gt;&lt;script&gt;\""), std::string::npos);
}

}  // namespace
}  // namespace gatehouse::oidc
