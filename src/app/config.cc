#include "app/config.h"

#include <fmt/format.h>

#include <charconv>

extern char** environ;

namespace gatehouse::app {
namespace {

std::optional<std::string> Get(const std::map<std::string, std::string>& env, const char* key) {
  auto it = env.find(key);
  if (it == env.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

}  // namespace

Result<Config> LoadConfig(const std::map<std::string, std::string>& env) {
  Config c;
  if (auto v = Get(env, "GATEHOUSE_ENDPOINT")) {
    std::string e = *v;
    while (!e.empty() && e.back() == '/') e.pop_back();
    if (e.rfind("http://", 0) != 0 && e.rfind("https://", 0) != 0) {
      return Fail(Error::InvalidInput("GATEHOUSE_ENDPOINT must be an http(s) URL"));
    }
    c.endpoint = e;
  }
  if (auto v = Get(env, "GATEHOUSE_HOST")) c.host = *v;
  if (auto v = Get(env, "GATEHOUSE_PORT")) {
    unsigned port = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), port);
    if (ec != std::errc() || p != v->data() + v->size() || port > 65535) {
      return Fail(Error::InvalidInput("GATEHOUSE_PORT must be a port number"));
    }
    c.port = static_cast<uint16_t>(port);
  }
  if (auto v = Get(env, "GATEHOUSE_DATABASE_URL")) c.database_url = *v;
  c.management_api_resource =
      Get(env, "GATEHOUSE_MANAGEMENT_API_RESOURCE").value_or(c.endpoint + "/api");
  c.bootstrap_client_id = Get(env, "GATEHOUSE_BOOTSTRAP_CLIENT_ID");
  c.bootstrap_client_secret = Get(env, "GATEHOUSE_BOOTSTRAP_CLIENT_SECRET");
  if (c.bootstrap_client_id.has_value() != c.bootstrap_client_secret.has_value()) {
    return Fail(Error::InvalidInput(
        "GATEHOUSE_BOOTSTRAP_CLIENT_ID and GATEHOUSE_BOOTSTRAP_CLIENT_SECRET go together"));
  }
  c.bootstrap_admin_username = Get(env, "GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME");
  c.bootstrap_admin_password = Get(env, "GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD");
  if (c.bootstrap_admin_username.has_value() != c.bootstrap_admin_password.has_value()) {
    return Fail(Error::InvalidInput(
        "GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME and GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD go together"));
  }
  if (auto v = Get(env, "GATEHOUSE_SIGNING_ALG")) {
    if (*v != "ES256" && *v != "ES384" && *v != "RS256" && *v != "EdDSA") {
      return Fail(Error::InvalidInput("GATEHOUSE_SIGNING_ALG must be ES256, ES384, RS256 or EdDSA"));
    }
    c.signing_alg = *v;
  }
  if (auto v = Get(env, "GATEHOUSE_LOG_FORMAT")) {
    if (*v != "text" && *v != "json") {
      return Fail(Error::InvalidInput("GATEHOUSE_LOG_FORMAT must be text or json"));
    }
    c.log_format = *v;
  }
  if (auto v = Get(env, "GATEHOUSE_THREADS")) {
    int n = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || p != v->data() + v->size() || n < 0 || n > 256) {
      return Fail(Error::InvalidInput("GATEHOUSE_THREADS must be a number from 0 to 256"));
    }
    c.threads = n;
  }
  if (auto v = Get(env, "GATEHOUSE_ACCESS_LOG")) c.access_log = *v != "off" && *v != "0";
  c.console_dir = Get(env, "GATEHOUSE_CONSOLE_DIR");
  return c;
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return env;
}

}  // namespace gatehouse::app
