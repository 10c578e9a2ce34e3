#include "app/config.h"

#include <gtest/gtest.h>

namespace gatehouse::app {

TEST(LoadConfig, UsesProductDefaultsForAnEmptyEnvironment) {
  auto c = LoadConfig({});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->endpoint, "http://localhost:3001");
  EXPECT_EQ(c->issuer(), "http://localhost:3001/oidc");
  EXPECT_EQ(c->management_api_resource, "http://localhost:3001/api");
  EXPECT_EQ(c->database_url, "sqlite:var/gatehouse.db");
  EXPECT_EQ(c->signing_alg, "ES256");
  EXPECT_EQ(c->port, 3001);
}

TEST(LoadConfig, DerivesTheManagementResourceFromTheEndpoint) {
  auto c = LoadConfig({{"GATEHOUSE_ENDPOINT", "https://id.example.com/"}});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->endpoint, "https://id.example.com");
  EXPECT_EQ(c->management_api_resource, "https://id.example.com/api");
}

TEST(LoadConfig, ReadsTheConsoleDirectoryWhenSet) {
  EXPECT_FALSE(LoadConfig({})->console_dir.has_value());
  auto c = LoadConfig({{"GATEHOUSE_CONSOLE_DIR", "/srv/gatehouse/console"}});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->console_dir, "/srv/gatehouse/console");
}

TEST(LoadConfig, RejectsBadPortAlgorithmAndHalfBootstrap) {
  EXPECT_FALSE(LoadConfig({{"GATEHOUSE_PORT", "70000"}}));
  EXPECT_FALSE(LoadConfig({{"GATEHOUSE_PORT", "12a"}}));
  EXPECT_FALSE(LoadConfig({{"GATEHOUSE_SIGNING_ALG", "HS256"}}));
  EXPECT_FALSE(LoadConfig({{"GATEHOUSE_BOOTSTRAP_CLIENT_ID", "x"}}));
  EXPECT_FALSE(LoadConfig({{"GATEHOUSE_ENDPOINT", "ftp://x"}}));
}

}  // namespace gatehouse::app
