#include "jose/jws.h"

#include <gtest/gtest.h>

#include "common/base64url.h"

namespace gatehouse::jose {
namespace {

std::string Token(std::string_view header, std::string_view payload = R"({"sub":"u"})",
                  std::string_view sig = "sig") {
  return Base64UrlEncode(header) + "." + Base64UrlEncode(payload) + "." + Base64UrlEncode(sig);
}

TEST(ParseCompactJws, SplitsAndDecodesTheThreeParts) {
  const std::string token = Token(R"({"alg":"ES256","kid":"k"})");
  auto jws = ParseCompactJws(token);
  ASSERT_TRUE(jws) << jws.error().message;
  EXPECT_EQ(jws->header["kid"], "k");
  EXPECT_EQ(jws->payload, R"({"sub":"u"})");
  EXPECT_EQ(jws->signature, "sig");
  EXPECT_EQ(jws->signing_input, token.substr(0, token.rfind('.')));
}

TEST(ParseCompactJws, RefusesOversizedTokensBeforeDecoding) {
  std::string token = Token(R"({"alg":"ES256"})", std::string(20000, 'x'));
  auto jws = ParseCompactJws(token);
  ASSERT_FALSE(jws);
  EXPECT_EQ(jws.error().code, kMalformed);
  EXPECT_NE(jws.error().message.find("larger"), std::string::npos);
}

TEST(ParseCompactJws, RefusesWrongNumbersOfParts) {
  EXPECT_FALSE(ParseCompactJws(""));
  EXPECT_FALSE(ParseCompactJws("abc"));
  EXPECT_FALSE(ParseCompactJws("a.b"));
  EXPECT_FALSE(ParseCompactJws(Token(R"({"alg":"ES256"})") + ".x"));
  EXPECT_FALSE(ParseCompactJws("a.b.c.d.e"));  // JWE compact serialisation
}

TEST(ParseCompactJws, RefusesEmptyParts) {
  const std::string h = Base64UrlEncode(R"({"alg":"ES256"})");
  EXPECT_FALSE(ParseCompactJws(h + ".." + Base64UrlEncode("s")));
  EXPECT_FALSE(ParseCompactJws("." + h + "." + Base64UrlEncode("s")));
  auto unsigned_jws = ParseCompactJws(h + "." + Base64UrlEncode("{}") + ".");
  ASSERT_FALSE(unsigned_jws);
  EXPECT_NE(unsigned_jws.error().message.find("unsigned"), std::string::npos);
}

TEST(ParseCompactJws, RefusesPaddingWhitespaceAndStandardBase64) {
  const std::string token = Token(R"({"alg":"ES256"})");
  EXPECT_FALSE(ParseCompactJws(token + "="));
  EXPECT_FALSE(ParseCompactJws(" " + token));
  EXPECT_FALSE(ParseCompactJws(token + "\n"));
  std::string plus = token;
  plus[plus.size() - 1] = '+';
  EXPECT_FALSE(ParseCompactJws(plus));
}

TEST(ParseCompactJws, RefusesHeadersThatAreNotJsonObjects) {
  EXPECT_FALSE(ParseCompactJws(Token("[1]")));
  EXPECT_FALSE(ParseCompactJws(Token("not json")));
  EXPECT_FALSE(ParseCompactJws(Token(R"({"alg":"ES256","alg":"none"})")));
  EXPECT_FALSE(ParseCompactJws(Token(R"({"a":{"b":{"c":{"d":{}}}}})")));
}

TEST(CheckJoseHeader, ReadsAlgKidAndTyp) {
  auto h = CheckJoseHeader({{"alg", "ES256"}, {"kid", "k1"}, {"typ", "at+jwt"}});
  ASSERT_TRUE(h);
  EXPECT_EQ(h->alg, crypto::JwsAlgorithm::kES256);
  EXPECT_EQ(h->kid, "k1");
  EXPECT_EQ(h->typ, "at+jwt");
}

TEST(CheckJoseHeader, RefusesAlgNoneInAnyCase) {
  for (const char* none : {"none", "None", "NONE", "nOnE"}) {
    auto h = CheckJoseHeader({{"alg", none}});
    ASSERT_FALSE(h) << none;
    EXPECT_EQ(h.error().code, kUnsupportedAlgorithm);
    EXPECT_NE(h.error().message.find("none"), std::string::npos);
  }
}

TEST(CheckJoseHeader, RefusesHmacAlgorithms) {
  for (const char* hs : {"HS256", "HS384", "HS512"}) {
    auto h = CheckJoseHeader({{"alg", hs}});
    ASSERT_FALSE(h);
    EXPECT_EQ(h.error().code, kUnsupportedAlgorithm);
    EXPECT_NE(h.error().message.find("HMAC"), std::string::npos);
  }
}

TEST(CheckJoseHeader, RefusesUnknownMissingOrNonStringAlg) {
  EXPECT_FALSE(CheckJoseHeader({{"alg", "ES512"}}));
  EXPECT_FALSE(CheckJoseHeader({{"alg", "es256"}}));  // case-sensitive (RFC 7515 §4.1.1)
  EXPECT_FALSE(CheckJoseHeader({{"kid", "k"}}));
  EXPECT_FALSE(CheckJoseHeader({{"alg", 256}}));
}

TEST(CheckJoseHeader, RefusesEmbeddedKeysAndKeyUrls) {
  for (const char* name : {"jwk", "jku", "x5u", "x5c"}) {
    nlohmann::json header = {{"alg", "ES256"}, {name, "anything"}};
    auto h = CheckJoseHeader(header);
    ASSERT_FALSE(h) << name;
    EXPECT_EQ(h.error().code, kForbiddenHeader);
    EXPECT_NE(h.error().message.find(name), std::string::npos);
  }
}

TEST(CheckJoseHeader, RefusesCriticalExtensions) {
  auto h = CheckJoseHeader({{"alg", "ES256"}, {"crit", {"exp"}}, {"exp", 1}});
  ASSERT_FALSE(h);
  EXPECT_EQ(h.error().code, kForbiddenHeader);
  EXPECT_FALSE(CheckJoseHeader({{"alg", "ES256"}, {"crit", nlohmann::json::array()}}));
  EXPECT_FALSE(CheckJoseHeader({{"alg", "ES256"}, {"b64", false}}));
}

TEST(CheckJoseHeader, RefusesNestedJwts) {
  EXPECT_FALSE(CheckJoseHeader({{"alg", "ES256"}, {"cty", "JWT"}}));
}

TEST(CheckJoseHeader, RefusesNonStringKidOrTyp) {
  EXPECT_FALSE(CheckJoseHeader({{"alg", "ES256"}, {"kid", 1}}));
  EXPECT_FALSE(CheckJoseHeader({{"alg", "ES256"}, {"typ", nullptr}}));
}

}  // namespace
}  // namespace gatehouse::jose
