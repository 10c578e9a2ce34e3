#include "app/import_command.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/server_app.h"
#include "app/store_factory.h"
#include "common/clock.h"
#ifdef GATEHOUSE_WITH_POSTGRES
#include "store/postgres/bulk_copy.h"
#endif

namespace gatehouse::app {
namespace {

using nlohmann::json;

std::optional<std::string> OptString(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::vector<std::string> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it != j.end() && it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// One parsed line, with its line number for error messages.
struct Line {
  int64_t number = 0;
  json value;
};

// Applies one line. Consecutive memberships of one organization are grouped by the caller.
Result<void> Apply(store::Repos& r, const json& v, int64_t now) {
  const std::string type = v.value("type", "");
  if (type == "user") {
    model::User u;
    u.id = v.value("id", "");
    u.username = OptString(v, "username");
    u.primary_email = OptString(v, "primaryEmail");
    u.primary_phone = OptString(v, "primaryPhone");
    u.name = OptString(v, "name");
    u.avatar = OptString(v, "avatar");
    if (v.contains("customData") && v["customData"].is_object()) u.custom_data = v["customData"];
    u.password_hash = OptString(v, "passwordHash");  // an Argon2id encoded hash, if any
    u.created_at = u.updated_at = v.value("createdAt", now);
    return r.users.Insert(u);
  }
  if (type == "organization") {
    model::Organization o;
    o.id = v.value("id", "");
    o.name = v.value("name", o.id);
    o.description = OptString(v, "description");
    if (v.contains("customData") && v["customData"].is_object()) o.custom_data = v["customData"];
    o.created_at = v.value("createdAt", now);
    return r.organizations.Insert(o);
  }
  if (type == "organizationScope") {
    return r.org_template.InsertScope(
        {v.value("id", ""), v.value("name", ""), OptString(v, "description"), v.value("createdAt", now)});
  }
  if (type == "organizationRole") {
    auto role_type = model::ParseRoleType(v.value("roleType", "User"));
    if (!role_type) return Fail(Error::InvalidInput("roleType must be User or MachineToMachine"));
    const std::string id = v.value("id", "");
    GH_TRY(r.org_template.InsertRole(
        {id, v.value("name", ""), OptString(v, "description"), *role_type, v.value("createdAt", now)}));
    auto scopes = Strings(v, "scopeIds");
    if (!scopes.empty()) GH_TRY(r.org_template.AddRoleScopes(id, scopes));
    return Ok();
  }
  return Fail(Error::InvalidInput("unknown type \"" + type + "\""));
}

// Applies a batch in one unit of work. Memberships of the same organization that follow each
// other become one AddUsers call (one statement for the whole run).
Result<void> ApplyBatch(store::Store& store, const std::vector<Line>& batch, int64_t now,
                        int64_t* failed_line) {
  return store.Write([&](store::Repos& r) -> Result<void> {
    for (size_t i = 0; i < batch.size();) {
      const json& v = batch[i].value;
      *failed_line = batch[i].number;
      if (v.value("type", "") != "membership") {
        GH_TRY(Apply(r, v, now));
        ++i;
        continue;
      }
      const std::string org = v.value("organizationId", "");
      std::vector<std::string> users;
      std::map<std::string, std::vector<std::string>> roles;  // user → role ids
      size_t j = i;
      for (; j < batch.size() && batch[j].value.value("type", "") == "membership" &&
             batch[j].value.value("organizationId", "") == org;
           ++j) {
        const std::string user = batch[j].value.value("userId", "");
        users.push_back(user);
        auto role_ids = Strings(batch[j].value, "roleIds");
        if (!role_ids.empty()) roles[user] = std::move(role_ids);
      }
      GH_TRY(r.organizations.AddUsers(org, users, now));
      for (const auto& [user, role_ids] : roles) GH_TRY(r.organizations.AddUserRoles(org, user, role_ids));
      i = j;
    }
    return Ok();
  });
}

#ifdef GATEHOUSE_WITH_POSTGRES
// The PostgreSQL fast path: template lines through the repositories, everything else by COPY.
Result<void> CopyBatch(store::Store& store, store::postgres::PgBulkCopy& copy,
                       const std::vector<Line>& batch, int64_t now, int64_t* failed_line) {
  using store::postgres::CopyRow;
  std::vector<CopyRow> users, orgs, members, roles;
  std::vector<Line> tmpl;
  for (const auto& line : batch) {
    const json& v = line.value;
    const std::string type = v.value("type", "");
    auto str = [&](const char* k) { return OptString(v, k); };
    auto at = std::to_string(v.value("createdAt", now));
    if (type == "user") {
      std::string custom = v.contains("customData") && v["customData"].is_object() ? v["customData"].dump() : "{}";
      users.push_back({str("id"), str("username"), str("primaryEmail"), str("primaryPhone"), str("name"),
                       str("avatar"), custom, str("passwordHash"), at, at});
    } else if (type == "organization") {
      std::string custom = v.contains("customData") && v["customData"].is_object() ? v["customData"].dump() : "{}";
      orgs.push_back({str("id"), v.value("name", v.value("id", "")), str("description"), custom, at});
    } else if (type == "membership") {
      members.push_back({str("organizationId"), str("userId"), at});
      for (const auto& role : Strings(v, "roleIds")) roles.push_back({str("organizationId"), str("userId"), role});
    } else {
      tmpl.push_back(line);
    }
  }
  if (!tmpl.empty()) GH_TRY(ApplyBatch(store, tmpl, now, failed_line));
  *failed_line = batch.front().number;  // COPY reports the batch, not the line
  return copy.LoadBatch(users, orgs, members, roles);
}
#endif

// A progress bar on stderr: bytes read of the file (when its size is known), lines, rate, ETA.
class Progress {
 public:
  Progress(bool enabled, int64_t total_bytes) : enabled_(enabled), total_(total_bytes) {}
  void Update(int64_t bytes, int64_t lines, bool final = false) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? lines / secs : 0;
    if (total_ > 0) {
      double f = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_));
      int filled = static_cast<int>(f * 30);
      double eta = f > 0 ? secs / f - secs : 0;
      std::fprintf(stderr, "\r[%.*s%*s] %5.1f%%  %lld lines  %.0f lines/s  ETA %.0fs   ", filled,
                   "==============================", 30 - filled, "", f * 100,
                   static_cast<long long>(lines), rate, eta);
    } else {
      std::fprintf(stderr, "\r%lld lines  %.0f lines/s   ", static_cast<long long>(lines), rate);
    }
    if (final) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  int64_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

int RunImport(int argc, char** argv) {
  CLI::App cli{"Bulk-load JSON lines (users, organizations, template, memberships) into the database"};
  std::string path;
  int batch_size = 5000;
  bool no_progress = false;
  cli.add_option("file", path, "JSON lines file, or - for standard input")->required();
  cli.add_option("--batch", batch_size, "lines per transaction")->check(CLI::Range(1, 1000000));
  cli.add_flag("--no-progress", no_progress, "no progress bar");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }
  auto config = LoadConfig(ProcessEnvironment());
  if (!config) {
    std::fprintf(stderr, "gatehouse import: %s\n", config.error().message.c_str());
    return 2;
  }
  ConfigureLogging(config->log_format);
  auto store = OpenStore(config->database_url, 2);
  if (!store) {
    std::fprintf(stderr, "gatehouse import: %s\n", store.error().message.c_str());
    return 1;
  }
  if (auto m = (*store)->Migrate(); !m) {
    std::fprintf(stderr, "gatehouse import: migrations failed: %s\n", m.error().message.c_str());
    return 1;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  int64_t total_bytes = 0;
  if (path != "-") {
    file.open(path, std::ios::binary | std::ios::ate);
    if (!file) {
      std::fprintf(stderr, "gatehouse import: cannot open %s\n", path.c_str());
      return 1;
    }
    total_bytes = file.tellg();
    file.seekg(0);
    in = &file;
  }
  Progress progress(!no_progress && isatty(STDERR_FILENO), total_bytes);
#ifdef GATEHOUSE_WITH_POSTGRES
  std::unique_ptr<store::postgres::PgBulkCopy> copy;
  if (config->database_url.rfind("postgres", 0) == 0) {
    auto c = store::postgres::PgBulkCopy::Open(config->database_url);
    if (!c) {
      std::fprintf(stderr, "gatehouse import: %s\n", c.error().message.c_str());
      return 1;
    }
    copy = std::move(*c);
  }
#endif
  SystemClock clock;
  std::vector<Line> batch;
  std::string text;
  int64_t number = 0, bytes = 0, applied = 0;
  auto flush = [&]() -> bool {
    if (batch.empty()) return true;
    int64_t failed = 0;
#ifdef GATEHOUSE_WITH_POSTGRES
    auto r = copy ? CopyBatch(**store, *copy, batch, clock.NowMillis(), &failed)
                  : ApplyBatch(**store, batch, clock.NowMillis(), &failed);
#else
    auto r = ApplyBatch(**store, batch, clock.NowMillis(), &failed);
#endif
    if (!r) {
      std::fprintf(stderr, "\ngatehouse import: batch ending at line %lld failed at line %lld: %s (%s)\n",
                   static_cast<long long>(batch.back().number), static_cast<long long>(failed),
                   r.error().message.c_str(), r.error().code.c_str());
      return false;
    }
    applied += static_cast<int64_t>(batch.size());
    batch.clear();
    progress.Update(bytes, applied);
    return true;
  };
  while (std::getline(*in, text)) {
    ++number;
    bytes += static_cast<int64_t>(text.size()) + 1;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto v = json::parse(text, nullptr, false);
    if (v.is_discarded() || !v.is_object()) {
      std::fprintf(stderr, "\ngatehouse import: line %lld is not a JSON object\n", static_cast<long long>(number));
      return 1;
    }
    batch.push_back({number, std::move(v)});
    if (static_cast<int>(batch.size()) >= batch_size && !flush()) return 1;
  }
  if (!flush()) return 1;
  progress.Update(bytes, applied, /*final=*/true);
  spdlog::info("import: {} line(s) applied", applied);
  return 0;
}

}  // namespace gatehouse::app
