#include "http/static_files.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iterator>
#include <system_error>

#include "http/message.h"

namespace gatehouse::http {
namespace {

bool Hidden(const std::filesystem::path& relative) {
  for (const auto& part : relative) {
    std::string s = part.string();
    if (!s.empty() && s[0] == '.') return true;
  }
  return false;
}

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return body;
}

}  // namespace

std::optional<StaticFiles> StaticFiles::Load(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return std::nullopt;
  StaticFiles out;
  size_t total = 0;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return std::nullopt;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto& entry = *it;
    auto status = entry.symlink_status(ec);
    if (ec || !fs::is_regular_file(status)) continue;  // links, directories, devices, ...
    fs::path relative = entry.path().lexically_relative(root);
    if (relative.empty() || Hidden(relative)) continue;
    if (out.files_.size() >= kMaxFiles || total + entry.file_size(ec) > kMaxTotalBytes) {
      spdlog::warn("static files: {} skipped (over {} files or {} bytes)", relative.string(),
                   kMaxFiles, kMaxTotalBytes);
      continue;
    }
    auto body = ReadFile(entry.path());
    if (!body) {
      spdlog::warn("static files: cannot read {}", entry.path().string());
      continue;
    }
    total += body->size();
    std::string key = relative.generic_string();
    out.files_.emplace(key, StaticFile{std::string(ContentTypeFor(key)), std::move(*body)});
  }
  return out;
}

const StaticFile* StaticFiles::Find(std::string_view relative) const {
  auto it = files_.find(std::string(relative));
  return it == files_.end() ? nullptr : &it->second;
}

std::optional<std::string> SafeRelativePath(std::string_view raw) {
  if (raw.empty()) return std::string();
  // One decoding only: "%252e%252e" decodes to "%2e%2e", a harmless literal name that matches
  // no file. RFC 3986 §2.1.
  auto decoded = PercentDecode(raw, /*plus_as_space=*/false);
  if (!decoded) return std::nullopt;
  std::string_view path = *decoded;
  // A trailing slash names a directory-like route ("organizations/"): kept out of the file name.
  if (path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return std::nullopt;  // "/console//"
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
  }
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view segment = path.substr(pos, slash - pos);
    // Empty segments ("a//b") and dot-segments (RFC 3986 §3.3) are refused, and
    // with them every hidden name.
    if (segment.empty() || segment[0] == '.') return std::nullopt;
    pos = slash + 1;
  }
  return std::string(path);
}

std::string_view ContentTypeFor(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".map", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return type;
  }
  return "application/octet-stream";
}

}  // namespace gatehouse::http
