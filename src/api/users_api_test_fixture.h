// Drives the users / applications / resources / roles Management API routes in process: a Router
// with their routes (authentication always passes) over a fresh SQLite database.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/register.h"
#include "api/route_table.h"
#include "http/router.h"
#include "service/users/users_test_fixture.h"

namespace gatehouse::api {

class ManagementApiTest : public service::ServiceTest {
 protected:
  using Json = nlohmann::json;

  ManagementApiTest() : routes(router, [](const http::Request&) -> Result<void> { return {}; }) {
    RegisterUserRoutes(routes, ctx);
    RegisterApplicationRoutes(routes, ctx);
    RegisterResourceRoutes(routes, ctx);
    RegisterRoleRoutes(routes, ctx);
  }

  // `target` may carry a query; `body` is sent verbatim.
  http::Response Call(const std::string& method, const std::string& target,
                      const std::string& body = "") {
    http::Request req;
    req.method = method;
    req.target = target;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = http::ParseFormEncoded(target.substr(q + 1)).value();
    req.body = body;
    auto match = router.Find(req);
    if (match.handler == nullptr) return http::Response::Empty(match.path_known ? 405 : 404);
    return (*match.handler)(req);
  }
  http::Response Call(const std::string& method, const std::string& target, const Json& body) {
    return Call(method, target, body.dump());
  }
  static Json BodyOf(const http::Response& r) {
    return r.body.empty() ? Json() : Json::parse(r.body);
  }
  static std::string Header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }
  // Expects the status and, when given, the error code.
  static void Expect(const http::Response& r, int status, const std::string& code = "") {
    EXPECT_EQ(r.status, status) << r.body;
    if (!code.empty()) {
      EXPECT_EQ(BodyOf(r).value("code", ""), code) << r.body;
    }
  }
  // POSTs `body` to `path`, expects `status`, returns the new entity's id.
  std::string Create(const std::string& path, const Json& body, int status) {
    auto r = Call("POST", path, body);
    EXPECT_EQ(r.status, status) << r.body;
    return r.body.empty() ? "" : BodyOf(r).value("id", "");
  }

  http::Router router;
  RouteTable routes;
};

}  // namespace gatehouse::api
