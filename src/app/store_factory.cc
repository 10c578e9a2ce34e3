#include "app/store_factory.h"

#include <filesystem>

#include "store/sqlite/sqlite_store.h"
#ifdef GATEHOUSE_WITH_POSTGRES
#include "store/postgres/change_feed.h"
#include "store/postgres/postgres_store.h"
#endif

namespace gatehouse::app {

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& database_url, int pool_size) {
  if (database_url.rfind("sqlite:", 0) == 0) {
    std::string path = database_url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // sqlite://path
    if (path.empty()) return Fail(Error::InvalidInput("sqlite: URL needs a file path"));
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    try {
      return std::unique_ptr<store::Store>(
          std::make_unique<store::sqlite::SqliteStore>(path, pool_size));
    } catch (const std::exception& e) {
      return Fail(Error::Unavailable(e.what()));
    }
  }
  if (database_url.rfind("postgresql://", 0) == 0 || database_url.rfind("postgres://", 0) == 0) {
#ifdef GATEHOUSE_WITH_POSTGRES
    // A fleet node serves many requests per core while waiting on the network: more
    // connections than SQLite's pool (PostgreSQL's max_connections bounds nodes × pool).
    store::postgres::PostgresOptions options;
    options.pool_size = pool_size < 8 ? 8 : pool_size;
    auto s = store::postgres::PostgresStore::Open(database_url, options);
    if (!s) return Fail(s.error());
    return std::unique_ptr<store::Store>(std::move(*s));
#else
    return Fail(Error::InvalidInput("this gatehouse was built without PostgreSQL support"));
#endif
  }
  return Fail(Error::InvalidInput(
      "GATEHOUSE_DATABASE_URL must start with sqlite: or postgresql://"));
}

std::unique_ptr<store::ChangeFeed> OpenChangeFeed(const std::string& database_url) {
#ifdef GATEHOUSE_WITH_POSTGRES
  if (database_url.rfind("postgresql://", 0) == 0 || database_url.rfind("postgres://", 0) == 0) {
    return std::make_unique<store::postgres::PgChangeFeed>(database_url);
  }
#endif
  (void)database_url;
  return std::make_unique<store::NullChangeFeed>();
}

}  // namespace gatehouse::app
