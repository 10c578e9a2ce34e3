// gatehouse_token_verify: `gatehouse token verify` as its own executable, for builds without the
// server (GATEHOUSE_BUILD_SERVER=OFF) and for tests/scripts that only need the verifier.
// Usage: gatehouse_token_verify --jwks ... --issuer ... --audience ... <token|->
#include "app/token_verify_command.h"

int main(int argc, char** argv) { return gatehouse::RunTokenVerify(argc, argv); }
