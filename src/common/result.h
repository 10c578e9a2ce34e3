// Result<T>: the return type of every operation that can fail in an expected way.
// Idiom (LevelDB's Status, with a value):
//   auto user = repo.Get(id);
//   if (!user) return std::unexpected(user.error());
// GCC 12's std::expected lacks and_then/transform, so plain `if` is the way.
#pragma once

#include <expected>

#include "common/error.h"

namespace gatehouse {

template <typename T>
using Result = std::expected<T, Error>;

// Shorthand for `return Fail(Error::NotFound(...));`
inline std::unexpected<Error> Fail(Error e) { return std::unexpected<Error>(std::move(e)); }

// Ok() for Result<void>.
inline Result<void> Ok() { return {}; }

}  // namespace gatehouse

// Propagates the error of a Result-returning expression, else yields nothing.
#define GH_TRY(expr)                                                     \
  do {                                                                   \
    auto gh_try_result_ = (expr);                                        \
    if (!gh_try_result_) return ::gatehouse::Fail(gh_try_result_.error()); \
  } while (0)
