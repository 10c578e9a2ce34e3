#include "http/router.h"

namespace gatehouse::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t pos = 1;  // skip the leading '/'
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
  Route r{std::move(method), std::move(pattern), {}, std::move(handler), nullptr};
  AddRoute(std::move(r));
}

void Router::AddAsync(std::string method, std::string pattern, AsyncHandler handler) {
  Route r{std::move(method), std::move(pattern), {}, nullptr, std::move(handler)};
  AddRoute(std::move(r));
}

void Router::AddRoute(Route route) {
  for (auto s : Split(route.pattern)) route.segments.emplace_back(s);
  if (!route.segments.empty() && route.segments.back() == "*") {
    route.segments.pop_back();
    route.rest = true;
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(Request& req) const {
  Match match;
  if (req.path.empty() || req.path[0] != '/') return match;
  auto parts = Split(req.path);
  const Route* best = nullptr;
  std::vector<std::pair<std::string, std::string>> best_params;
  for (const auto& route : routes_) {
    if (route.rest ? parts.size() < route.segments.size()
                   : route.segments.size() != parts.size()) {
      continue;
    }
    std::vector<std::pair<std::string, std::string>> params;
    bool ok = true;
    for (size_t i = 0; i < route.segments.size() && ok; ++i) {
      const auto& seg = route.segments[i];
      if (!seg.empty() && seg[0] == ':') {
        auto decoded = PercentDecode(parts[i], false);
        // An empty or undecodable parameter never matches: "/users/" is not "/users/:id".
        if (!decoded || decoded->empty()) {
          ok = false;
        } else {
          params.emplace_back(seg.substr(1), std::move(*decoded));
        }
      } else {
        ok = seg == parts[i];
      }
    }
    if (!ok) continue;
    if (route.rest) {
      // The raw rest of the path after the matched segments ("" for "/console" and "/console/").
      size_t at = 0;
      for (size_t i = 0; i < route.segments.size(); ++i) at += 1 + parts[i].size();
      params.emplace_back("*", at + 1 < req.path.size() ? req.path.substr(at + 1) : "");
    }
    if (route.method != req.method) {
      match.path_known = true;
      continue;
    }
    // A literal segment beats a parameter at the same position ("/users/roles" before
    // "/users/:userId"), whatever the registration order.
    if (best == nullptr || MoreSpecific(route, *best)) {
      best = &route;
      best_params = std::move(params);
    }
  }
  if (best != nullptr) {
    req.params = std::move(best_params);
    match.handler = best->handler ? &best->handler : nullptr;
    match.async_handler = best->async_handler ? &best->async_handler : nullptr;
  }
  return match;
}

bool Router::MoreSpecific(const Route& a, const Route& b) {
  // A whole-path pattern beats a rest pattern ("/console/config.json" before "/console/*").
  if (a.rest != b.rest) return !a.rest;
  for (size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
    bool a_param = !a.segments[i].empty() && a.segments[i][0] == ':';
    bool b_param = !b.segments[i].empty() && b.segments[i][0] == ':';
    if (a_param != b_param) return !a_param;
  }
  return false;
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.pattern});
  return out;
}

}  // namespace gatehouse::http
