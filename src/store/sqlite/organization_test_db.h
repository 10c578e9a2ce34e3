// A temporary, migrated SQLite database for the organization repository tests, with raw SQL
// helpers to seed the rows other repositories own (users, applications, resources, scopes).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "common/random.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_store.h"

namespace gatehouse::store::sqlite {

class OrganizationTestDb {
 public:
  OrganizationTestDb() {
    SystemRandom random;
    path_ = (std::filesystem::temp_directory_path() / ("gh-org-test-" + random.Id(12) + ".db"))
                .string();
    SqliteStore store(path_, 1);
    auto migrated = store.Migrate();
    EXPECT_TRUE(migrated.has_value());
    conn_ = std::make_unique<Connection>(path_);
  }
  ~OrganizationTestDb() {
    conn_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  Connection& conn() { return *conn_; }
  const std::string& path() const { return path_; }

  void Sql(const std::string& sql) { ASSERT_TRUE(conn_->ExecScript(sql).has_value()) << sql; }
  void User(const std::string& id, const std::string& username = "", const std::string& email = "") {
    Sql("INSERT INTO users (id, username, primary_email, name, created_at, updated_at) VALUES ('" +
        id + "', " + (username.empty() ? "NULL" : "'" + username + "'") + ", " +
        (email.empty() ? "NULL" : "'" + email + "'") + ", 'Name " + id + "', 1, 1)");
  }
  void App(const std::string& id, const std::string& type = "MachineToMachine") {
    Sql("INSERT INTO applications (id, name, type, oidc_client_metadata, created_at) VALUES ('" +
        id + "', 'App " + id + "', '" + type + "', '{}', 1)");
  }
  void Resource(const std::string& id, const std::string& name, const std::string& indicator) {
    Sql("INSERT INTO resources (id, name, indicator, created_at) VALUES ('" + id + "', '" + name +
        "', '" + indicator + "', 1)");
  }
  void ResourceScope(const std::string& id, const std::string& resource_id,
                     const std::string& name) {
    Sql("INSERT INTO scopes (id, resource_id, name, created_at) VALUES ('" + id + "', '" +
        resource_id + "', '" + name + "', 1)");
  }

 private:
  std::string path_;
  std::unique_ptr<Connection> conn_;
};

}  // namespace gatehouse::store::sqlite
