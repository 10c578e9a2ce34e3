#include "api/error_mapping.h"

#include <spdlog/spdlog.h>

namespace gatehouse::api {

int StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return 400;
    case ErrorKind::kInvalidPagination: return 400;
    case ErrorKind::kUnauthenticated: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kNotFoundRelation: return 404;
    case ErrorKind::kPayloadTooLarge: return 413;
    case ErrorKind::kConflict: return 422;
    case ErrorKind::kForeignKey: return 422;
    case ErrorKind::kConstraint: return 422;
    case ErrorKind::kUnavailable: return 503;
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

http::Response ErrorResponse(const Error& error) {
  int status = StatusFor(error.kind);
  if (status == 500) {
    spdlog::error("internal error: {}", error.message);
    return http::Response::InternalError();
  }
  return http::Response::ErrorBody(status, error.code, error.message);
}

}  // namespace gatehouse::api
