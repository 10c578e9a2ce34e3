#include "http/router.h"

#include <gtest/gtest.h>

namespace gatehouse::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

std::string Call(const Router& router, std::string method, std::string path, Request* out = nullptr) {
  Request req;
  req.method = std::move(method);
  req.path = std::move(path);
  auto m = router.Find(req);
  if (out) *out = req;
  if (!m.handler) return m.path_known ? "405" : "404";
  return (*m.handler)(req).body;
}

}  // namespace

TEST(Router, MatchesParametersAndDecodesThem) {
  Router r;
  r.Add("GET", "/api/users/:userId", Named("user"));
  Request req;
  EXPECT_EQ(Call(r, "GET", "/api/users/a%20b", &req), "user");
  EXPECT_EQ(req.Param("userId"), "a b");
}

TEST(Router, PrefersLiteralSegmentsOverParameters) {
  Router r;
  r.Add("POST", "/api/organizations/:id/users/:userId", Named("param"));
  r.Add("POST", "/api/organizations/:id/users/roles", Named("literal"));
  EXPECT_EQ(Call(r, "POST", "/api/organizations/o1/users/roles"), "literal");
  EXPECT_EQ(Call(r, "POST", "/api/organizations/o1/users/u1"), "param");
}

TEST(Router, DistinguishesUnknownPathFromWrongMethod) {
  Router r;
  r.Add("GET", "/api/status", Named("status"));
  EXPECT_EQ(Call(r, "DELETE", "/api/status"), "405");
  EXPECT_EQ(Call(r, "GET", "/api/nope"), "404");
}

TEST(Router, NeverMatchesEmptyOrMalformedParameters) {
  Router r;
  r.Add("GET", "/api/users/:userId", Named("user"));
  EXPECT_EQ(Call(r, "GET", "/api/users/"), "404");
  EXPECT_EQ(Call(r, "GET", "/api/users/%zz"), "404");
  EXPECT_EQ(Call(r, "GET", "/api/users/a/b"), "404");
  EXPECT_EQ(Call(r, "GET", "users/a"), "404");
}

TEST(Router, DecodesNulAndTraversalAsPlainBytes) {
  Router r;
  r.Add("GET", "/api/users/:userId", Named("user"));
  Request req;
  EXPECT_EQ(Call(r, "GET", "/api/users/..%2F..%00x", &req), "user");
  EXPECT_EQ(req.Param("userId"), std::string("../..\0x", 7));
}

}  // namespace gatehouse::http

namespace gatehouse::http {

TEST(Router, ARestPatternMatchesItsPrefixAndAnythingBelowIt) {
  Router r;
  r.Add("GET", "/console/*", Named("spa"));
  r.Add("GET", "/console/config.json", Named("config"));
  Request req;
  EXPECT_EQ(Call(r, "GET", "/console", &req), "spa");
  EXPECT_EQ(req.Param("*"), "");
  EXPECT_EQ(Call(r, "GET", "/console/", &req), "spa");
  EXPECT_EQ(req.Param("*"), "");
  EXPECT_EQ(Call(r, "GET", "/console/a/b%2e%2e/c", &req), "spa");
  EXPECT_EQ(req.Param("*"), "a/b%2e%2e/c");  // left encoded for the handler to judge
  EXPECT_EQ(Call(r, "GET", "/console/config.json"), "config");  // a whole path wins
  EXPECT_EQ(Call(r, "GET", "/consoles"), "404");
  EXPECT_EQ(Call(r, "POST", "/console/x"), "405");
}

}  // namespace gatehouse::http
