#include "app/console_routes.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/random.h"

namespace gatehouse::app {
namespace {

namespace fs = std::filesystem;

class ConsoleRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SystemRandom random;
    root = fs::temp_directory_path() / ("gh-console-" + random.Id(12));
    fs::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<!doctype html><title>c</title>";
    std::ofstream(root / "assets" / "app-1.js") << "go()";
    std::ofstream(root / "favicon.ico") << "ico";
    config.endpoint = "https://id.example";
    config.management_api_resource = "https://id.example/api";
  }
  void TearDown() override { fs::remove_all(root); }

  http::Response Get(const http::Router& router, const std::string& path,
                     const std::string& method = "GET") {
    http::Request req;
    req.method = method;
    req.path = path;
    auto m = router.Find(req);
    if (m.handler == nullptr) return http::Response::Empty(m.path_known ? 405 : 404);
    return (*m.handler)(req);
  }
  static std::string Header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }

  fs::path root;
  Config config;
};

TEST_F(ConsoleRoutesTest, ServesFilesWithTypesAndCachingAndFallsBackToIndex) {
  http::Router router;
  RegisterConsoleRoutes(router, config, http::StaticFiles::Load(root));
  auto js = Get(router, "/console/assets/app-1.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "go()");
  EXPECT_EQ(Header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(Header(js, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Header(Get(router, "/console/favicon.ico"), "Content-Type"), "image/x-icon");
  for (const char* spa : {"/console", "/console/", "/console/organizations/o1", "/console/x/"}) {
    auto index = Get(router, spa);
    EXPECT_EQ(index.status, 200) << spa;
    EXPECT_EQ(index.body, "<!doctype html><title>c</title>") << spa;
    EXPECT_EQ(Header(index, "Cache-Control"), "no-cache");
    EXPECT_EQ(Header(index, "X-Frame-Options"), "DENY");
    EXPECT_EQ(Header(index, "Referrer-Policy"), "no-referrer");
    EXPECT_NE(Header(index, "Content-Security-Policy").find("script-src 'self'"),
              std::string::npos);
  }
  EXPECT_EQ(Get(router, "/console/assets/missing.js").status, 404);  // never HTML for a script
  EXPECT_EQ(Get(router, "/console/", "HEAD").status, 200);
}

TEST_F(ConsoleRoutesTest, RefusesTraversal) {
  http::Router router;
  RegisterConsoleRoutes(router, config, http::StaticFiles::Load(root / "assets"));
  for (const char* hostile :
       {"/console/../index.html", "/console/%2e%2e/index.html", "/console/..%2findex.html",
        "/console/a%5c..%5cindex.html", "/console/app-1.js%00.html"}) {
    auto r = Get(router, hostile);
    EXPECT_EQ(r.status, 404) << hostile;
    EXPECT_EQ(r.body.find("<title>c</title>"), std::string::npos) << hostile;
  }
}

TEST_F(ConsoleRoutesTest, WithoutFilesSaysTheConsoleIsNotInstalledButServesItsConfig) {
  http::Router router;
  RegisterConsoleRoutes(router, config, std::nullopt);
  auto page = Get(router, "/console");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("not installed"), std::string::npos);
  auto cfg = Get(router, "/console/config.json");
  EXPECT_EQ(cfg.status, 200);
  EXPECT_EQ(nlohmann::json::parse(cfg.body),
            (nlohmann::json{{"endpoint", "https://id.example"},
                            {"issuer", "https://id.example/oidc"},
                            {"clientId", "gatehouse-console"},
                            {"apiResource", "https://id.example/api"}}));
}

TEST_F(ConsoleRoutesTest, TheDirectoryComesFromConfigElseBesideTheExecutable) {
  config.console_dir = "/srv/console";
  EXPECT_EQ(ResolveConsoleDir(config, "/opt/gh/bin"), fs::path("/srv/console"));
  config.console_dir.reset();
  fs::create_directories(root / "bin" / "console");
  EXPECT_EQ(ResolveConsoleDir(config, root / "bin"), root / "bin" / "console");
  EXPECT_EQ(ResolveConsoleDir(config, "/opt/gh/bin"), fs::path("/opt/gh/share/gatehouse/console"));
}

}  // namespace
}  // namespace gatehouse::app
