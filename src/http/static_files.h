// StaticFiles: a directory of small static files (the Console's built SPA) read into memory once
// and served from there. Only files found at load time can ever be served, so no request path can
// reach outside the directory; request paths are still checked (SafeRelativePath) and hostile
// ones refused. Knows nothing of identity.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gatehouse::http {

struct StaticFile {
  std::string content_type;
  std::string body;
};

class StaticFiles {
 public:
  // Limits of Load: a directory beyond them is loaded partly (and the rest logged as skipped).
  static constexpr size_t kMaxFiles = 10000;
  static constexpr size_t kMaxTotalBytes = 64u << 20;

  // Reads every regular file under `root`, recursively. Symbolic links and special files are
  // skipped (a link could point outside the directory), as are hidden names (".git", ".env").
  // nullopt if `root` is not a readable directory.
  static std::optional<StaticFiles> Load(const std::filesystem::path& root);

  // The file at `relative` ("index.html", "assets/app-1a2b.js"), or nullptr.
  // REQUIRES: `relative` came from SafeRelativePath.
  const StaticFile* Find(std::string_view relative) const;
  size_t size() const { return files_.size(); }

 private:
  std::unordered_map<std::string, StaticFile> files_;
};

// The relative file path named by `raw`, the still percent-encoded rest of a URL path after the
// mount point ("assets/app.js"), or nullopt when it is malformed or hostile: a bad escape, a
// `.` or `..` segment (also when percent-encoded), an empty segment (one trailing slash is
// dropped), a backslash, a NUL or any
// control character, or a segment starting with '.'. "" (the mount point itself) is valid.
std::optional<std::string> SafeRelativePath(std::string_view raw);

// The Content-Type of a file by its extension (html, js, css, svg, png, ico, json, woff2, map,
// ...); application/octet-stream when unknown.
std::string_view ContentTypeFor(std::string_view path);

}  // namespace gatehouse::http
