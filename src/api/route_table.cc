#include "api/route_table.h"

#include "api/error_mapping.h"

namespace gatehouse::api {

void RouteTable::Add(std::string method, std::string path, std::string tag, std::string summary,
                     int success_status, http::Handler handler, nlohmann::json body_schema) {
  docs_.push_back({method, path, summary, tag, true, std::move(body_schema), success_status});
  auto auth = authenticate_;
  router_.Add(std::move(method), std::move(path),
              [auth, handler = std::move(handler)](http::Request& req) {
                if (auto ok = auth(req); !ok) return ErrorResponse(ok.error());
                return handler(req);
              });
}

void RouteTable::AddAsync(std::string method, std::string path, std::string tag,
                          std::string summary, int success_status, http::AsyncHandler handler,
                          nlohmann::json body_schema) {
  docs_.push_back({method, path, summary, tag, true, std::move(body_schema), success_status});
  auto auth = authenticate_;
  router_.AddAsync(std::move(method), std::move(path),
                   [auth, handler = std::move(handler)](http::Request& req, http::Responder done) {
                     if (auto ok = auth(req); !ok) return done(ErrorResponse(ok.error()));
                     handler(req, std::move(done));
                   });
}

void RouteTable::AddPublic(std::string method, std::string path, std::string tag,
                           std::string summary, int success_status, http::Handler handler) {
  docs_.push_back({method, path, summary, tag, false, nullptr, success_status});
  router_.Add(std::move(method), std::move(path), std::move(handler));
}

nlohmann::json BuildOpenApi(const std::vector<RouteDoc>& docs, const std::string& server_url) {
  using Json = nlohmann::json;
  Json paths = Json::object();
  for (const auto& d : docs) {
    // ":userId" → "{userId}" (OpenAPI path templating).
    std::string path;
    Json params = Json::array();
    size_t i = 0;
    while (i < d.path.size()) {
      if (d.path[i] == ':') {
        size_t end = d.path.find('/', i);
        if (end == std::string::npos) end = d.path.size();
        std::string name = d.path.substr(i + 1, end - i - 1);
        path += "{" + name + "}";
        params.push_back({{"name", name}, {"in", "path"}, {"required", true},
                          {"schema", {{"type", "string"}}}});
        i = end;
      } else {
        path += d.path[i++];
      }
    }
    std::string method = d.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Json op = {{"summary", d.summary},
               {"tags", Json::array({d.tag})},
               {"parameters", params},
               {"responses", {{std::to_string(d.success_status), {{"description", "Success"}}}}}};
    if (d.requires_auth) {
      op["security"] = Json::array({{{"bearerAuth", Json::array()}}});
      op["responses"]["401"] = {{"description", "Unauthorized"}};
      op["responses"]["403"] = {{"description", "Forbidden"}};
    }
    if (!d.request_body_schema.is_null()) {
      op["requestBody"] = {
          {"required", true},
          {"content", {{"application/json", {{"schema", d.request_body_schema}}}}}};
      op["responses"]["400"] = {{"description", "Invalid input"}};
    }
    paths[path][method] = op;
  }
  return {{"openapi", "3.0.1"},
          {"info", {{"title", "Gatehouse Management API"}, {"version", "0.1.0"}}},
          {"servers", Json::array({{{"url", server_url}}})},
          {"components",
           {{"securitySchemes",
             {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}}}}}},
          {"paths", paths}};
}

}  // namespace gatehouse::api
