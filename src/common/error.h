// Error: the one failure type of Gatehouse. Every expected failure travels as an Error inside a
// Result<T>; each surface (Management API, OIDC) maps Error::kind to an HTTP status in exactly one
// switch (api/error_mapping.cc, oidc/error_mapping.cc).
#pragma once

#include <string>
#include <utility>

namespace gatehouse {

// What went wrong, in terms a surface can map to a status code. Keep this list short: the
// precise wire code travels in Error::code.
enum class ErrorKind {
  kInvalidInput,       // 400: body/query failed validation
  kInvalidPagination,  // 400: page / page_size out of range
  kUnauthenticated,    // 401: no or bad credentials
  kForbidden,          // 403: authenticated but not allowed
  kNotFound,           // 404: GET/PATCH of a missing entity
  kNotFoundRelation,   // 404: DELETE of a missing entity or relation
  kPayloadTooLarge,    // 413
  kConflict,           // 422: unique violation
  kForeignKey,         // 422: reference to something missing
  kConstraint,         // 422: a rule of the model (wrong role type, not a member, ...)
  kUnavailable,        // 503: the database cannot be reached
  kInternal,           // 500: a bug or an unexpected library failure
};

// An expected failure. `code` is the wire code ("entity.not_exists_with_id",
// "oidc.invalid_grant", ...); empty means "the surface's default for `kind`".
// `message` is human text and must never contain a secret.
struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;
  std::string message;

  static Error InvalidInput(std::string message, std::string code = "guard.invalid_input") {
    return {ErrorKind::kInvalidInput, std::move(code), std::move(message)};
  }
  static Error NotFound(std::string message, std::string code = "entity.not_exists_with_id") {
    return {ErrorKind::kNotFound, std::move(code), std::move(message)};
  }
  static Error NotFoundRelation(std::string message, std::string code = "entity.not_found") {
    return {ErrorKind::kNotFoundRelation, std::move(code), std::move(message)};
  }
  static Error Conflict(std::string message,
                        std::string code = "entity.unique_integrity_violation") {
    return {ErrorKind::kConflict, std::move(code), std::move(message)};
  }
  static Error ForeignKey(std::string message,
                          std::string code = "entity.relation_foreign_key_not_found") {
    return {ErrorKind::kForeignKey, std::move(code), std::move(message)};
  }
  static Error Constraint(std::string message, std::string code = "entity.db_constraint_violated") {
    return {ErrorKind::kConstraint, std::move(code), std::move(message)};
  }
  static Error Unauthenticated(std::string message, std::string code = "auth.unauthorized") {
    return {ErrorKind::kUnauthenticated, std::move(code), std::move(message)};
  }
  static Error Forbidden(std::string message, std::string code = "auth.forbidden") {
    return {ErrorKind::kForbidden, std::move(code), std::move(message)};
  }
  static Error Unavailable(std::string message) {
    return {ErrorKind::kUnavailable, "storage.unavailable", std::move(message)};
  }
  static Error Internal(std::string message) {
    return {ErrorKind::kInternal, "unknown", std::move(message)};
  }
};

}  // namespace gatehouse
