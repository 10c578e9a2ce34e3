#include "common/base64url.h"

#include <gtest/gtest.h>

namespace gatehouse {

TEST(Base64Url, RoundTripsArbitraryBytes) {
  std::string bytes("\x00\xff\xfe\x10 hello", 10);
  auto decoded = Base64UrlDecode(Base64UrlEncode(bytes));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, bytes);
}

TEST(Base64Url, EncodesWithoutPaddingInUrlAlphabet) {
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(Base64Url, AppendsToExistingText) {
  std::string out = "a.";
  AppendBase64Url(out, "\xfb\xff");
  EXPECT_EQ(out, "a.-_8");
}

TEST(Base64Url, RejectsNonCanonicalTrailingBits) {
  EXPECT_TRUE(Base64UrlDecode("QQ"));
  EXPECT_FALSE(Base64UrlDecode("QR"));
}

TEST(Base64Url, RejectsWhitespace) { EXPECT_FALSE(Base64UrlDecode("QU E")); }

TEST(Base64Url, RejectsPaddingAndForeignCharacters) {
  EXPECT_FALSE(Base64UrlDecode("-_8="));
  EXPECT_FALSE(Base64UrlDecode("ab+/"));
  EXPECT_FALSE(Base64UrlDecode("a"));
}

TEST(Base64, DecodesBasicCredentials) {
  EXPECT_EQ(Base64Decode("dXNlcjpwYXNz").value_or(""), "user:pass");
  EXPECT_FALSE(Base64Decode("%%%"));
}

}  // namespace gatehouse
