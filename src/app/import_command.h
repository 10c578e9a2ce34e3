// `gatehouse import`: bulk-loads users, organizations, the organization template and memberships
// from JSON lines into the configured database (GATEHOUSE_DATABASE_URL, SQLite or PostgreSQL),
// in batched transactions, with a progress bar on standard error. doc/operations.md documents
// the line format:
//   {"type":"user","id":"u1","username":"alice","primaryEmail":"a@x","name":"Alice"}
//   {"type":"organization","id":"o1","name":"Acme","description":"..."}
//   {"type":"organizationScope","id":"s1","name":"read:doc"}
//   {"type":"organizationRole","id":"r1","name":"admin","roleType":"User","scopeIds":["s1"]}
//   {"type":"membership","organizationId":"o1","userId":"u1","roleIds":["r1"]}
// Lines are applied in order; a batch is all-or-nothing. Re-importing the same memberships is
// harmless (idempotent); an id that exists already is a Conflict that stops the import with the
// line number.
#pragma once

namespace gatehouse::app {

// Runs `gatehouse import [--batch N] [--no-progress] <file|->` (argv[0] is "import").
// Exit codes: 0 success, 1 a line or the database failed (message names the line), 2 usage.
int RunImport(int argc, char** argv);

}  // namespace gatehouse::app
