#include "jose/segment_codec.h"

#include <gtest/gtest.h>

#include <random>

#include "common/base64url.h"

namespace gatehouse::jose {
namespace {

TEST(SegmentCodec, EncodesLikeTheReferenceCodecForEveryLength) {
  std::mt19937 rng(7);
  for (size_t len = 0; len < 200; ++len) {
    std::string bytes(len, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    std::string out = "x";
    AppendSegment(out, bytes);
    EXPECT_EQ(out, "x" + Base64UrlEncode(bytes)) << len;
    EXPECT_EQ(DecodeSegment(out.substr(1)), bytes) << len;
  }
}

TEST(SegmentCodec, AcceptsExactlyWhatTheReferenceDecoderAccepts) {
  // Every 1..3 character string over a set that includes invalid and edge characters.
  const std::string chars = "AQgw_-9+/= .";
  std::vector<std::string> inputs = {""};
  for (int len = 1; len <= 3; ++len) {
    std::vector<std::string> next;
    for (const auto& s : inputs) {
      if (s.size() != static_cast<size_t>(len - 1)) continue;
      for (char c : chars) next.push_back(s + c);
    }
    inputs.insert(inputs.end(), next.begin(), next.end());
  }
  for (const auto& s : inputs) {
    for (const std::string& t : {s, "AAAA" + s}) {
      EXPECT_EQ(DecodeSegment(t), Base64UrlDecode(t)) << "\"" << t << "\"";
    }
  }
}

TEST(SegmentCodec, RefusesBytesAboveAscii) {
  // libsodium 1.0.18 alone takes "\x80_w" for two bytes (common/base64url guards against it).
  EXPECT_FALSE(DecodeSegment("\x80_w"));
  EXPECT_FALSE(DecodeSegment("AAA\xff"));
}

TEST(SegmentCodec, RefusesNonCanonicalPaddingAndWhitespace) {
  EXPECT_EQ(DecodeSegment("QQ"), "A");
  EXPECT_FALSE(DecodeSegment("QR"));
  EXPECT_EQ(DecodeSegment("QUI"), "AB");
  EXPECT_FALSE(DecodeSegment("QUJ"));
  EXPECT_FALSE(DecodeSegment("QQ=="));
  EXPECT_FALSE(DecodeSegment("Q Q"));
  EXPECT_FALSE(DecodeSegment("A"));
  EXPECT_EQ(DecodeSegment(""), "");
}

}  // namespace
}  // namespace gatehouse::jose
