// The web Console on the server side (doc/console.md "Server side"): the built SPA served from a
// directory at /console (with SPA fallback to index.html and security headers), and the
// generated /console/config.json the SPA reads to find its issuer, client id and API resource.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/config.h"
#include "http/router.h"
#include "http/static_files.h"

namespace gatehouse::app {

// The Console directory: config.console_dir when set, else `<exe_dir>/console` if it is a
// directory, else `<exe_dir>/../share/gatehouse/console` (which may not exist either).
std::filesystem::path ResolveConsoleDir(const Config& config,
                                        const std::filesystem::path& exe_dir);

// The directory of the running executable (/proc/self/exe); empty if unknown.
std::filesystem::path ExecutableDir();

// Registers GET and HEAD of /console, /console/* and /console/config.json. `files`: the loaded
// Console, or nullopt when not installed (then /console answers a 404 page saying so;
// config.json is served anyway).
void RegisterConsoleRoutes(http::Router& router, const Config& config,
                           std::optional<http::StaticFiles> files);

}  // namespace gatehouse::app
