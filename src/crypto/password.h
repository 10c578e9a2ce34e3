// Password hashing with Argon2id (RFC 9106) through libsodium's crypto_pwhash_str, with the OWASP
// Password Storage Cheat Sheet parameters (m = 19 MiB, t = 2, p = 1). The stored form is the PHC
// string ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"), so parameters can be raised later and old
// hashes still verify.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace gatehouse::crypto {

// Hashes `password` with a fresh random salt. Costs ~tens of ms of one core: do not call it on an
// I/O thread in a hot path. Internal error only if libsodium cannot allocate its memory.
Result<std::string> HashPassword(std::string_view password);

// True if `password` matches the PHC string `encoded`. A malformed `encoded` is simply false.
// Constant-time in the password (libsodium compares the derived keys with sodium_memcmp).
bool VerifyPassword(std::string_view password, std::string_view encoded);

// True if `encoded` was made with weaker parameters than HashPassword's current ones (re-hash on
// the next successful sign-in).
bool PasswordNeedsRehash(std::string_view encoded);

}  // namespace gatehouse::crypto
