#include "app/console_routes.h"

#include <nlohmann/json.hpp>
#include <system_error>

#include "service/management/bootstrap.h"

namespace gatehouse::app {
namespace {

// The SPA loads only its own scripts and styles and talks only to this origin (/oidc, /api).
// Vite inlines small style attributes, hence 'unsafe-inline' for styles only.
constexpr const char* kConsoleCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

constexpr const char* kNotInstalled =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gatehouse Console"
    "</title></head><body><h1>The Gatehouse Console is not installed</h1><p>This server has no "
    "Console files. Build them (<code>make build</code>) or point <code>GATEHOUSE_CONSOLE_DIR"
    "</code> at a directory holding the built Console.</p></body></html>\n";

constexpr const char* kNotFound =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
    "</head><body><h1>Not found</h1></body></html>\n";

void SecurityHeaders(http::Response& res, bool html) {
  res.SetHeader("X-Content-Type-Options", "nosniff");
  if (!html) return;
  res.SetHeader("X-Frame-Options", "DENY");
  res.SetHeader("Content-Security-Policy", kConsoleCsp);
  res.SetHeader("Referrer-Policy", "no-referrer");
}

http::Response Html(int status, const char* body) {
  http::Response res;
  res.status = status;
  res.SetHeader("Content-Type", "text/html; charset=utf-8");
  res.SetHeader("Cache-Control", "no-store");
  res.body = body;
  SecurityHeaders(res, true);
  return res;
}

http::Response Serve(const http::StaticFile& file, bool immutable) {
  http::Response res;
  res.SetHeader("Content-Type", file.content_type);
  // Vite names assets by content hash: they never change, so they may be cached for a year.
  // Everything else (index.html first) must be revalidated to pick up a new build.
  res.SetHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.body = file.body;
  SecurityHeaders(res, file.content_type.rfind("text/html", 0) == 0);
  return res;
}

// GET /console/<rest>: a file if there is one, else the SPA's index.html (client-side routes),
// except under assets/ where a missing file is a 404 (never HTML in place of a script).
http::Response ServeConsole(const std::optional<http::StaticFiles>& files,
                            const std::string& raw_rest) {
  auto rest = http::SafeRelativePath(raw_rest);
  if (!rest) return Html(404, kNotFound);
  if (!files) return Html(404, kNotInstalled);
  bool asset = rest->rfind("assets/", 0) == 0;
  if (!rest->empty()) {
    if (const http::StaticFile* file = files->Find(*rest)) return Serve(*file, asset);
    if (asset) return Html(404, kNotFound);
  }
  const http::StaticFile* index = files->Find("index.html");
  if (index == nullptr) return Html(404, kNotInstalled);
  return Serve(*index, false);
}

}  // namespace

std::filesystem::path ResolveConsoleDir(const Config& config,
                                        const std::filesystem::path& exe_dir) {
  if (config.console_dir) return *config.console_dir;
  std::error_code ec;
  auto beside = exe_dir / "console";
  if (std::filesystem::is_directory(beside, ec)) return beside;
  return (exe_dir / ".." / "share" / "gatehouse" / "console").lexically_normal();
}

std::filesystem::path ExecutableDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

void RegisterConsoleRoutes(http::Router& router, const Config& config,
                           std::optional<http::StaticFiles> files) {
  auto shared = std::make_shared<const std::optional<http::StaticFiles>>(std::move(files));
  auto config_json = std::make_shared<const std::string>(nlohmann::json{
      {"endpoint", config.endpoint},
      {"issuer", config.issuer()},
      {"clientId", service::kConsoleClientId},
      {"apiResource", config.management_api_resource}}.dump());
  for (const char* method : {"GET", "HEAD"}) {
    router.Add(method, "/console/config.json", [config_json](http::Request&) {
      http::Response res;
      res.SetHeader("Content-Type", "application/json; charset=utf-8");
      res.SetHeader("Cache-Control", "no-cache");
      res.body = *config_json;
      SecurityHeaders(res, false);
      return res;
    });
    router.Add(method, "/console/*",
               [shared](http::Request& req) { return ServeConsole(*shared, req.Param("*")); });
  }
}

}  // namespace gatehouse::app
