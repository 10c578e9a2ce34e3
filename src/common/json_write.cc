#include "common/json_write.h"

#include <nlohmann/json.hpp>

namespace gatehouse {

void AppendJsonString(std::string& out, std::string_view value) {
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
      out += nlohmann::json(std::string(value))
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
  }
  out += '"';
  out += value;
  out += '"';
}

}  // namespace gatehouse
