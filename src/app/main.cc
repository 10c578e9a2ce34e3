// gatehouse: the one binary. Subcommands: serve (default), migrate, token verify.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstring>

#include "app/config.h"
#include "app/import_command.h"
#include "app/server_app.h"
#include "app/token_verify_command.h"

int main(int argc, char** argv) {
  using namespace gatehouse::app;
  // `gatehouse token verify ...` has its own parser (exit codes fixed by API.md).
  if (argc >= 3 && std::strcmp(argv[1], "token") == 0 && std::strcmp(argv[2], "verify") == 0) {
    return gatehouse::RunTokenVerify(argc - 2, argv + 2);
  }
  if (argc >= 2 && std::strcmp(argv[1], "import") == 0) return RunImport(argc - 1, argv + 1);
  CLI::App cli{"Gatehouse: identity and access for multi-tenant SaaS"};
  cli.require_subcommand(0, 1);
  auto* serve = cli.add_subcommand("serve", "Run the server (the default); configured by GATEHOUSE_* variables");
  auto* migrate = cli.add_subcommand("migrate", "Bring the database schema up to date and exit");
  cli.add_subcommand("token", "Token tools: `gatehouse token verify --help`");
  cli.add_subcommand("import", "Bulk-load JSON lines: `gatehouse import --help`");
  CLI11_PARSE(cli, argc, argv);

  auto config = LoadConfig(ProcessEnvironment());
  if (!config) {
    std::fprintf(stderr, "gatehouse: %s\n", config.error().message.c_str());
    return 2;
  }
  ConfigureLogging(config->log_format);
  if (migrate->parsed()) {
    auto n = RunMigrations(*config);
    if (!n) {
      spdlog::critical("migrate: {}", n.error().message);
      return 1;
    }
    spdlog::info("migrate: {} migration(s) applied", *n);
    return 0;
  }
  (void)serve;
  return RunServer(*config);
}
