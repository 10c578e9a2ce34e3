// Request and Response: the HTTP layer's plain value types. Handlers see only these, never Beast,
// so API and OIDC code is testable without sockets.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace gatehouse::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;        // upper case, e.g. "GET"
  std::string target;        // raw request-target as received
  std::string path;          // target without the query, still percent-encoded
  HeaderList headers;        // names lower-cased
  std::vector<std::pair<std::string, std::string>> query;   // decoded, in order
  std::vector<std::pair<std::string, std::string>> params;  // path parameters, decoded
  std::string body;
  std::string remote_address;
  std::string request_id;

  // First header with this (lower-case) name.
  std::optional<std::string_view> Header(std::string_view lower_name) const;
  // First query parameter with this name.
  std::optional<std::string_view> Query(std::string_view name) const;
  // Every value of a repeatable query parameter (e.g. `resource`).
  std::vector<std::string_view> QueryAll(std::string_view name) const;
  // A path parameter of the matched route; "" if the route has none by that name.
  const std::string& Param(std::string_view name) const;
};

struct Response {
  int status = 200;
  HeaderList headers;
  std::string body;

  void SetHeader(std::string name, std::string value);

  // 'status' with a JSON body and Content-Type application/json.
  static Response Json(int status, const nlohmann::json& body);
  // 'status' with an empty body (204, 201 without body, ...).
  static Response Empty(int status);
  // The Management API error shape: {"code", "message"}.
  static Response ErrorBody(int status, std::string_view code, std::string_view message);
  // RFC 9110 §15.6.1: the one body a 500 ever carries; details go to the log only.
  static Response InternalError();
};

using Handler = std::function<Response(Request&)>;
// An async handler calls `done` exactly once, from any thread, when the response is ready. For work
// that must not run on an I/O thread (password hashing).
using Responder = std::function<void(Response)>;
using AsyncHandler = std::function<void(Request&, Responder)>;

// Percent-decodes `in` (RFC 3986 §2.1); `plus_as_space` for application/x-www-form-urlencoded.
// Returns nullopt for a malformed escape.
std::optional<std::string> PercentDecode(std::string_view in, bool plus_as_space);
// Parses `a=1&b=2` (x-www-form-urlencoded). Returns nullopt on a malformed escape.
std::optional<std::vector<std::pair<std::string, std::string>>> ParseFormEncoded(
    std::string_view text);
// Percent-encodes everything but RFC 3986 unreserved characters.
std::string PercentEncode(std::string_view in);

}  // namespace gatehouse::http
