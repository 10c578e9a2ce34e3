#include "app/server_app.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <thread>

#include "api/error_mapping.h"
#include "api/register.h"
#include "api/route_table.h"
#include "app/console_routes.h"
#include "app/store_factory.h"
#include "http/server.h"
#include "oidc/discovery.h"
#include "oidc/provider_routes.h"
#include "oidc/token_endpoint.h"
#include "service/management/bootstrap.h"
#include "service/runtime/hot_caches.h"
#include "service/keys/key_ring.h"
#include "service/management/management_auth.h"

namespace gatehouse::app {

void ConfigureLogging(const std::string& format) {
  auto logger = spdlog::stdout_logger_mt("gatehouse");
  if (format == "json") {
    logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l","msg":"%v"})",
                        spdlog::pattern_time_type::utc);
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  }
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
}

Result<int> RunMigrations(const Config& config) {
  auto store = OpenStore(config.database_url, 1);
  if (!store) return Fail(store.error());
  return (*store)->Migrate();
}

namespace {

int PoolSize(const Config& config) {
  int threads = config.threads > 0
                    ? config.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return threads + 1;
}

void PrintGeneratedCredentials(const service::BootstrapOutcome& outcome, const Config& config) {
  if (!outcome.generated_client_id) return;
  // Printed once, to the terminal only (not the log): the secret is stored hashed.
  std::cout << "\n  No Management API client was configured, so one was created.\n"
            << "  Keep these credentials; the secret is shown only now:\n\n"
            << "    client id:     " << *outcome.generated_client_id << "\n"
            << "    client secret: " << *outcome.generated_client_secret << "\n"
            << "    resource:      " << config.management_api_resource << "\n\n"
            << std::flush;
}

}  // namespace

int RunServer(const Config& config) {
  auto store = OpenStore(config.database_url, PoolSize(config));
  if (!store) {
    spdlog::critical("cannot open the database: {}", store.error().message);
    return 1;
  }
  if (auto m = (*store)->Migrate(); !m) {
    spdlog::critical("migrations failed: {}", m.error().message);
    return 1;
  }
  SystemClock clock;
  SystemRandom random;
  // The organization template snapshot, reused while the store's template version is unchanged.
  authz::TemplateCache template_cache;
  // Every write goes through the epoch store, so the token path's read caches see it at once.
  store::EpochStore epoch_store(**store);
  service::HotCaches hot_caches(epoch_store);
  service::Context ctx{epoch_store, clock, random, &template_cache, &hot_caches};

  auto keys = service::KeyRing::LoadOrCreate(ctx, config.signing_alg);
  if (!keys) {
    spdlog::critical("signing keys: {}", keys.error().message);
    return 1;
  }
  service::BootstrapConfig boot{config.management_api_resource,  config.endpoint,
                                config.bootstrap_client_id,      config.bootstrap_client_secret,
                                config.bootstrap_admin_username, config.bootstrap_admin_password};
  auto outcome = service::Bootstrap(ctx, boot);
  if (!outcome) {
    spdlog::critical("bootstrap failed: {}", outcome.error().message);
    return 1;
  }
  PrintGeneratedCredentials(*outcome, config);

  // Fleet: drop process-local caches when another node commits a change (PostgreSQL
  // LISTEN/NOTIFY; SQLite has no other writer and its feed never fires). The feed is destroyed
  // before the caches and the store it reads (declared after them).
  std::shared_ptr<service::KeyRing> ring = *keys;
  auto feed = OpenChangeFeed(config.database_url);
  feed->Subscribe("template", [&template_cache](std::string_view) { template_cache.Invalidate(); });
  feed->Subscribe("*", [&epoch_store](std::string_view) { epoch_store.Bump(); });
  feed->Subscribe("keys", [ring, &ctx](std::string_view) {
    if (auto r = ring->Reload(ctx); !r) spdlog::warn("key reload failed: {}", r.error().message);
  });

  http::Router router;
  router.Add("GET", "/api/status", [](http::Request&) { return http::Response::Empty(204); });

  service::ManagementAuthConfig auth_config{config.issuer(), config.management_api_resource};
  api::RouteTable routes(router, [ring, auth_config, &clock](const http::Request& req) {
    return service::AuthorizeManagement(*ring->Current(), clock, auth_config,
                                        req.Header("authorization"));
  });
  api::RegisterAll(routes, ctx);
  auto swagger =
      std::make_shared<std::string>(api::BuildOpenApi(routes.docs(), config.endpoint + "").dump());
  router.Add("GET", "/api/swagger.json", [swagger](http::Request&) {
    http::Response res;
    res.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    res.body = *swagger;
    return res;
  });

  auto console_dir = ResolveConsoleDir(config, ExecutableDir());
  auto console_files = http::StaticFiles::Load(console_dir);
  if (console_files) {
    spdlog::info("console: {} files from {}", console_files->size(), console_dir.string());
  } else {
    spdlog::info("console: not installed (no directory {})", console_dir.string());
  }
  RegisterConsoleRoutes(router, config, std::move(console_files));

  oidc::OidcContext oidc_ctx{ctx, ring, config.endpoint};
  oidc::RegisterDiscoveryRoutes(router, oidc_ctx);
  oidc::RegisterTokenRoutes(router, oidc_ctx);
  oidc::RegisterProviderRoutes(router, oidc_ctx);

  http::ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.threads = config.threads;
  options.access_log = config.access_log;
  http::Server server(options, router);
  try {
    server.Listen();
  } catch (const std::exception& e) {
    spdlog::critical("cannot listen on {}:{}: {}", config.host, config.port, e.what());
    return 1;
  }
  spdlog::info("gatehouse listening on {}:{} (issuer {})", config.host, server.port(),
               config.issuer());
  server.Run();
  router.Clear();  // worker pools (sign-in, impact preview) join while the I/O context exists
  spdlog::info("gatehouse stopped");
  spdlog::default_logger()->flush();
  return 0;
}

}  // namespace gatehouse::app
