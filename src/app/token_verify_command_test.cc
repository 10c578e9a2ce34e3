#include "app/token_verify_command.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "verify/verify_test_util.h"

namespace gatehouse {
namespace {

using verify::testing::Header;
using verify::testing::Keys;
using verify::testing::Mint;

constexpr char kIssuer[] = "https://id.example/oidc";

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

nlohmann::json Claims(const std::string& org = "org-a",
                      const std::string& scope = "remove:member") {
  return {{"iss", kIssuer},     {"sub", "alice"}, {"aud", verify::OrganizationAudience(org)},
          {"exp", Now() + 600}, {"iat", Now()},   {"scope", scope}};
}

class TokenVerifyCommand : public ::testing::Test {
 protected:
  TokenVerifyCommand() {
    jwks_path_ = ::testing::TempDir() + "/token_verify_jwks.json";
    std::ofstream(jwks_path_) << nlohmann::json({{"keys", {key().PublicJwk("k1")}}}).dump();
  }

  const crypto::SigningKey& key() const { return Keys::Shared().es256; }
  std::string Token(const nlohmann::json& claims) {
    return Mint(key(), Header(key(), "k1"), claims);
  }

  // Runs the command with `extra` after the standard options.
  int Run(std::vector<std::string> args, const std::string& stdin_text = "") {
    std::vector<std::string> all = {"verify"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    std::istringstream in(stdin_text);
    out_.str("");
    err_.str("");
    return RunTokenVerify(static_cast<int>(argv.size()), argv.data(), in, out_, err_);
  }
  std::vector<std::string> Standard(const std::string& token) {
    return {"--jwks", jwks_path_,   "--issuer",
            kIssuer,  "--audience", verify::OrganizationAudience("org-a"),
            token};
  }

  std::string jwks_path_;
  std::ostringstream out_, err_;
};

TEST_F(TokenVerifyCommand, PrintsTheClaimsAndExitsZeroForAValidToken) {
  EXPECT_EQ(Run(Standard(Token(Claims()))), 0) << err_.str();
  auto claims = nlohmann::json::parse(out_.str());
  EXPECT_EQ(claims["sub"], "alice");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(TokenVerifyCommand, ReadsTheTokenFromStdinForADash) {
  EXPECT_EQ(Run(Standard("-"), "  " + Token(Claims()) + "\n"), 0) << err_.str();
}

TEST_F(TokenVerifyCommand, ExitsOneWithOneLineForAnExpiredToken) {
  auto claims = Claims();
  claims["exp"] = Now() - 3600;
  EXPECT_EQ(Run(Standard(Token(claims))), 1);
  EXPECT_EQ(out_.str(), "");
  const std::string e = err_.str();
  EXPECT_EQ(e.rfind("invalid token: ", 0), 0u) << e;
  EXPECT_EQ(std::count(e.begin(), e.end(), '\n'), 1);
  EXPECT_NE(e.find("expired"), std::string::npos);
}

TEST_F(TokenVerifyCommand, ExitsOneForAlgNone) {
  nlohmann::json header = {{"alg", "none"}, {"kid", "k1"}, {"typ", "at+jwt"}};
  const std::string token = Base64UrlEncode(header.dump()) + "." +
                            Base64UrlEncode(Claims().dump()) + "." + Base64UrlEncode("x");
  EXPECT_EQ(Run(Standard(token)), 1);
  EXPECT_NE(err_.str().find("none"), std::string::npos);
}

TEST_F(TokenVerifyCommand, ExitsOneForAnotherAudience) {
  EXPECT_EQ(Run(Standard(Token(Claims("org-b")))), 1);
}

TEST_F(TokenVerifyCommand, ExitsOneWhenTheOrganizationDiffers) {
  auto args = Standard(Token(Claims()));
  args.insert(args.begin(), {"--organization", "org-b"});
  EXPECT_EQ(Run(args), 1);
  EXPECT_NE(err_.str().find("urn:logto:organization:org-b"), std::string::npos);
  args = Standard(Token(Claims()));
  args.insert(args.begin(), {"--organization", "org-a"});
  EXPECT_EQ(Run(args), 0) << err_.str();
}

TEST_F(TokenVerifyCommand, ExitsOneWhenARequiredScopeIsMissing) {
  auto args = Standard(Token(Claims("org-a", "read:resource")));
  args.insert(args.begin(),
              {"--require-scope", "read:resource", "--require-scope", "remove:member"});
  EXPECT_EQ(Run(args), 1);
  EXPECT_NE(err_.str().find("remove:member"), std::string::npos);
}

TEST_F(TokenVerifyCommand, ChecksTheTypeOption) {
  auto args = Standard(Token(Claims()));
  args.insert(args.begin(), {"--type", "JWT"});
  EXPECT_EQ(Run(args), 1);
}

TEST_F(TokenVerifyCommand, ExitsOneWhenTheJwksFileIsMissing) {
  EXPECT_EQ(Run({"--jwks", "/nonexistent.json", "--issuer", kIssuer, "--audience", "a", "t"}), 1);
  EXPECT_EQ(err_.str().rfind("invalid token: ", 0), 0u);
}

TEST_F(TokenVerifyCommand, ExitsTwoOnUsageErrors) {
  EXPECT_EQ(Run({"--jwks", jwks_path_, "--audience", "a", "t"}), 2);                  // no --issuer
  EXPECT_EQ(Run({"--jwks", jwks_path_, "--issuer", kIssuer, "--audience", "a"}), 2);  // no token
  EXPECT_EQ(Run({"--bogus", "--jwks", jwks_path_, "--issuer", kIssuer, "--audience", "a", "t"}), 2);
  EXPECT_EQ(Run({"--jwks", "http://id.example/jwks", "--issuer", kIssuer, "--audience", "a", "t"}),
            2);
  EXPECT_EQ(out_.str(), "");
}

TEST_F(TokenVerifyCommand, PrintsHelpAndExitsZero) {
  EXPECT_EQ(Run({"--help"}), 0);
  EXPECT_NE(out_.str().find("--require-scope"), std::string::npos);
}

}  // namespace
}  // namespace gatehouse
