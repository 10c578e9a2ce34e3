// ServerApp: wires the concrete store, services, Management API and OIDC onto one HTTP server.
// The only place that knows every layer.
#pragma once

#include <memory>

#include "app/config.h"
#include "common/result.h"

namespace gatehouse::app {

// Opens the store named by config.database_url and applies migrations. Returns how many ran.
Result<int> RunMigrations(const Config& config);

// Runs `gatehouse serve` until SIGTERM/SIGINT. Returns the process exit code.
int RunServer(const Config& config);

// Configures spdlog for `format` ("text" or "json").
void ConfigureLogging(const std::string& format);

}  // namespace gatehouse::app
