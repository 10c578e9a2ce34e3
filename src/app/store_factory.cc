#include "app/store_factory.h"

#include <filesystem>

#include "store/sqlite/sqlite_store.h"

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
  return Fail(Error::InvalidInput(
      "GATEHOUSE_DATABASE_URL must start with sqlite: (postgresql:// is not supported yet)"));
}

}  // namespace gatehouse::app
