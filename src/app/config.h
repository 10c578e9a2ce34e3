// Config: the server's configuration, read from the environment (PRODUCT.md §4).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "common/result.h"

namespace gatehouse::app {

struct Config {
  std::string endpoint = "http://localhost:3001";  // public base URL; issuer = endpoint + "/oidc"
  std::string host = "127.0.0.1";
  uint16_t port = 3001;
  std::string database_url = "sqlite:var/gatehouse.db";
  std::string management_api_resource;  // default endpoint + "/api"
  std::optional<std::string> bootstrap_client_id;
  std::optional<std::string> bootstrap_client_secret;
  std::optional<std::string> bootstrap_admin_username;
  std::optional<std::string> bootstrap_admin_password;
  std::string signing_alg = "ES256";
  std::string log_format = "text";  // text | json
  int threads = 0;                  // 0: one per core
  bool access_log = true;
  // GATEHOUSE_CONSOLE_DIR: the built Console; unset → beside the executable (console_routes.h).
  std::optional<std::string> console_dir;

  std::string issuer() const { return endpoint + "/oidc"; }
};

// Reads GATEHOUSE_* from `env` (the process environment in production, a map in tests).
// Unknown values (port out of range, bad algorithm, ...) → InvalidInput naming the variable.
Result<Config> LoadConfig(const std::map<std::string, std::string>& env);

// The process environment as a map.
std::map<std::string, std::string> ProcessEnvironment();

}  // namespace gatehouse::app
