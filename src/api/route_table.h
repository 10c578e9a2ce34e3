// RouteTable: how Management API handlers are registered. Each route is registered on the router
// wrapped with the Management API authentication (unless public) and recorded for the OpenAPI
// document, so swagger.json always lists exactly the routes that exist.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "http/router.h"

namespace gatehouse::api {

// Checks the request's credentials for the Management API (API.md "Management API auth").
using Authenticator = std::function<Result<void>(const http::Request&)>;

struct RouteDoc {
  std::string method;
  std::string path;  // "/api/users/:userId"
  std::string summary;
  std::string tag;
  bool requires_auth = true;
  nlohmann::json request_body_schema;  // null: none
  int success_status = 200;
};

class RouteTable {
 public:
  // REQUIRES: router outlives this. `authenticate` guards every non-public route.
  RouteTable(http::Router& router, Authenticator authenticate)
      : router_(router), authenticate_(std::move(authenticate)) {}

  // Registers `handler` for (method, path) behind the Management API authentication.
  // `body_schema` is a JSON Schema of the request body for the OpenAPI document (optional).
  void Add(std::string method, std::string path, std::string tag, std::string summary,
           int success_status, http::Handler handler, nlohmann::json body_schema = nullptr);
  // Same for a handler that answers later (work that must not hold an I/O thread): the
  // authentication runs first, on the I/O thread; `handler` runs only if it passed.
  void AddAsync(std::string method, std::string path, std::string tag, std::string summary,
                int success_status, http::AsyncHandler handler,
                nlohmann::json body_schema = nullptr);
  // Same, without authentication.
  void AddPublic(std::string method, std::string path, std::string tag, std::string summary,
                 int success_status, http::Handler handler);

  const std::vector<RouteDoc>& docs() const { return docs_; }

 private:
  http::Router& router_;
  Authenticator authenticate_;
  std::vector<RouteDoc> docs_;
};

// The OpenAPI 3 document of every route in `docs`.
nlohmann::json BuildOpenApi(const std::vector<RouteDoc>& docs, const std::string& server_url);

}  // namespace gatehouse::api
