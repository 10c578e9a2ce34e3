// The Management API's one mapping from Error to HTTP status and body (API.md "Error body").
#pragma once

#include "common/error.h"
#include "http/message.h"

namespace gatehouse::api {

int StatusFor(ErrorKind kind);
// {"code", "message"}; a 500 carries only {"message": "Internal server error."}.
http::Response ErrorResponse(const Error& error);

}  // namespace gatehouse::api
