#include "app/token_verify_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "gatehouse/verify.h"

namespace gatehouse {
namespace {

struct Args {
  std::string jwks, issuer, audience, type = "at+jwt", organization, token;
  std::vector<std::string> scopes;
};

std::string Trim(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

bool IsUrl(const std::string& s) {
  return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
}

// The checks of API.md on a token whose signature, iss, aud, typ and times already passed.
verify::Status CheckOrganizationAndScopes(const verify::Token& token, const Args& args) {
  // --organization: aud must be urn:logto:organization:<id> (an organization token for it).
  if (!args.organization.empty()) {
    const std::string want = verify::OrganizationAudience(args.organization);
    bool found = false;
    for (const auto& aud : token.audiences()) found = found || aud == want;
    if (!found) {
      return verify::Error(verify::Reason::kWrongOrganization, "aud is not " + want);
    }
  }
  return verify::RequireScopes(token, args.scopes);
}

}  // namespace

int RunTokenVerify(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::string name = argc > 0 && argv[0] != nullptr ? argv[0] : "verify";
  CLI::App app(
      "Verify a Gatehouse access token: signature (JWKS), iss, aud, typ, exp/nbf/iat, "
      "and optionally organization and scopes.",
      name);
  Args args;
  app.add_option("--jwks", args.jwks, "JWKS file, or URL (https; http only to loopback)")
      ->required();
  app.add_option("--issuer", args.issuer, "expected iss, e.g. http://localhost:3001/oidc")
      ->required();
  app.add_option("--audience", args.audience, "expected aud, e.g. urn:logto:organization:<id>")
      ->required();
  app.add_option("--type", args.type, "expected typ header")->capture_default_str();
  app.add_option("--require-scope", args.scopes, "scope the token must hold (repeatable)");
  app.add_option("--organization", args.organization, "require aud = urn:logto:organization:<id>");
  app.add_option("token", args.token, "the token, or - to read it from standard input")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help
      out << app.help();
      return 0;
    }
    err << name << ": " << e.what() << "\nRun with --help for usage.\n";
    return 2;
  }

  if (args.token == "-") {
    args.token = Trim(std::string(std::istreambuf_iterator<char>(in), {}));
  }

  verify::Options options;
  (IsUrl(args.jwks) ? options.jwks_uri : options.jwks_file) = args.jwks;
  options.issuer = args.issuer;
  options.audiences = {args.audience};
  options.type = args.type;
  auto verifier = verify::Verifier::Create(options);
  if (!verifier && verifier.error().reason() == verify::Reason::kConfiguration) {
    err << name << ": " << verifier.error().message() << "\n";
    return 2;
  }
  auto fail = [&](const verify::Error& e) {
    err << "invalid token: " << e.message() << "\n";
    return 1;
  };
  if (!verifier) return fail(verifier.error());

  auto token = verifier->Verify(args.token);
  if (!token) return fail(token.error());
  if (auto s = CheckOrganizationAndScopes(*token, args); !s) return fail(s.error());
  out << token->claims().dump(2) << "\n";
  return 0;
}

int RunTokenVerify(int argc, char** argv) {
  return RunTokenVerify(argc, argv, std::cin, std::cout, std::cerr);
}

}  // namespace gatehouse
