// Router: maps (method, path pattern) to a handler. Patterns are literal segments and `:name`
// parameters ("/api/organizations/:id/users/:userId"), optionally ending in a `*` segment that
// matches the rest of the path, however many segments ("/console/*" matches "/console",
// "/console/" and "/console/a/b"; the rest, still percent-encoded, is the parameter "*").
// Knows nothing of identity.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace gatehouse::http {

struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  // REQUIRES: pattern starts with '/'. Later registrations of the same (method, pattern) are
  // ignored (the first wins).
  void Add(std::string method, std::string pattern, Handler handler);
  void AddAsync(std::string method, std::string pattern, AsyncHandler handler);

  struct Match {
    const Handler* handler = nullptr;
    const AsyncHandler* async_handler = nullptr;
    bool path_known = false;  // some route has this path, with another method
  };
  // Finds the route for req.method and req.path; fills req.params on success. A path segment
  // that is not valid percent-encoding matches nothing.
  Match Find(Request& req) const;

  // Every registered route, for the OpenAPI consistency test.
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // ":name" for parameters; without a trailing "*"
    Handler handler;
    AsyncHandler async_handler;
    bool rest = false;  // the pattern ended in "*": matches any longer path
  };
  void AddRoute(Route route);
  static bool MoreSpecific(const Route& a, const Route& b);
  std::vector<Route> routes_;
};

}  // namespace gatehouse::http
