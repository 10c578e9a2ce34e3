// `gatehouse token verify`: verify an access token from the command line (API.md "Command line").
// Depends only on the verification library (gatehouse/verify.h) and CLI11, so that it can be
// built and tested without the server.
#pragma once

#include <iosfwd>

namespace gatehouse {

// Runs `gatehouse token verify --jwks <file|url> --issuer <iss> --audience <aud>
// [--type at+jwt] [--require-scope <s>]... [--organization <id>] <token|->`.
//
// argv[0] is the command's name and is only used in help and error text: main() dispatches
// with the arguments that follow "token", i.e. RunTokenVerify(argc - 2, argv + 2) for
// `gatehouse token verify ...`, so that argv[0] is "verify". argv[1..] are the options.
//
// Returns the process exit code and writes:
//  0: every check passed; the verified claims as JSON (one object, 2-space indent) on stdout.
//  1: the token is invalid (or its JWKS cannot be loaded); exactly one line
//     "invalid token: <reason>" on stderr.
//  2: usage error (unknown or missing option, bad JWKS location); a message on stderr.
// `--help` prints help on stdout and returns 0. `-` as the token reads it from stdin
// (surrounding whitespace trimmed).
int RunTokenVerify(int argc, char** argv);

// As above with explicit streams (for tests).
int RunTokenVerify(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace gatehouse
