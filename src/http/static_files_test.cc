#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/random.h"

namespace gatehouse::http {
namespace {

namespace fs = std::filesystem;

TEST(SafeRelativePath, AcceptsPlainPathsAndDecodesOnce) {
  EXPECT_EQ(SafeRelativePath(""), "");
  EXPECT_EQ(SafeRelativePath("index.html"), "index.html");
  EXPECT_EQ(SafeRelativePath("assets/app-1a.js"), "assets/app-1a.js");
  EXPECT_EQ(SafeRelativePath("organizations/o1/"), "organizations/o1");
  EXPECT_EQ(SafeRelativePath("a%20b"), "a b");
  EXPECT_EQ(SafeRelativePath("%252e%252e"), "%2e%2e");  // a literal name, not a parent
}

TEST(SafeRelativePath, RefusesTraversalAndControlCharacters) {
  for (const char* hostile : {"..", "../etc/passwd", "a/../../b", "%2e%2e/x", "%2E%2E%2Fx",
                              "a/%2e/b", ".", "./x", ".env", "a/.git/config", "a\\b", "a%5cb",
                              "..%5c..%5cx", "a%00b", "a%0ab", "a//b", "/", "%zz", "%"}) {
    EXPECT_FALSE(SafeRelativePath(hostile)) << hostile;
  }
}

TEST(ContentTypeFor, KnowsTheConsoleFileTypes) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("logo.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("a.png"), "image/png");
  EXPECT_EQ(ContentTypeFor("favicon.ico"), "image/x-icon");
  EXPECT_EQ(ContentTypeFor("x.json"), "application/json; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("f.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("a.js.map"), "application/json; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("README"), "application/octet-stream");
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SystemRandom random;
    root = fs::temp_directory_path() / ("gh-static-" + random.Id(12));
    fs::create_directories(root / "assets");
    Write(root / "index.html", "<!doctype html>");
    Write(root / "assets" / "app.js", "x()");
    Write(root / ".env", "SECRET=1");
    Write(root.parent_path() / (root.filename().string() + "-outside"), "outside");
    fs::create_symlink(root.parent_path() / (root.filename().string() + "-outside"),
                       root / "link.txt");
  }
  void TearDown() override {
    fs::remove_all(root);
    fs::remove(root.parent_path() / (root.filename().string() + "-outside"));
  }
  static void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  fs::path root;
};

TEST_F(StaticFilesTest, LoadsRegularFilesButNotLinksOrHiddenOnes) {
  auto files = StaticFiles::Load(root);
  ASSERT_TRUE(files);
  EXPECT_EQ(files->size(), 2u);
  ASSERT_NE(files->Find("index.html"), nullptr);
  EXPECT_EQ(files->Find("index.html")->body, "<!doctype html>");
  EXPECT_EQ(files->Find("assets/app.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files->Find("link.txt"), nullptr);
  EXPECT_EQ(files->Find(".env"), nullptr);
  EXPECT_EQ(files->Find("assets"), nullptr);
}

TEST_F(StaticFilesTest, AMissingDirectoryLoadsNothing) {
  EXPECT_FALSE(StaticFiles::Load(root / "nope"));
  EXPECT_FALSE(StaticFiles::Load(root / "index.html"));
}

}  // namespace
}  // namespace gatehouse::http
