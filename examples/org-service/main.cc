// org-service: a tiny HTTP API (Boost.Beast, one thread per connection) whose one route,
// DELETE /organizations/{id}/members/{userId}, requires an organization token for {id} with the
// remove:member permission. Configuration by flags or environment:
//   --port N        ORG_SERVICE_PORT        default 3002 (0: any free port)
//   --jwks URI|FILE GATEHOUSE_JWKS          default http://localhost:3001/oidc/jwks
//   --issuer ISS    GATEHOUSE_ISSUER        default http://localhost:3001/oidc
// Prints "listening on 127.0.0.1:<port>" once ready.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "org_service.h"

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

std::string Setting(int argc, char** argv, const std::string& flag, const char* env,
                    const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == flag) return argv[i + 1];
  }
  const char* value = std::getenv(env);
  return value != nullptr ? value : fallback;
}

void Serve(tcp::socket socket, const gatehouse::verify::Verifier& verifier) {
  beast::error_code ec;
  beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(64 * 1024);
    http::read(socket, buffer, parser, ec);
    if (ec) break;
    const auto& req = parser.get();
    auto auth = req.find(http::field::authorization);
    const std::string authorization = auth == req.end() ? "" : std::string(auth->value());
    org_service::Response r = org_service::Handle(verifier, std::string(req.method_string()),
                                                  std::string(req.target()), authorization);
    http::response<http::string_body> res{static_cast<http::status>(r.status), req.version()};
    res.set(http::field::server, "org-service");
    if (!r.body.empty()) res.set(http::field::content_type, "application/json");
    if (!r.www_authenticate.empty()) res.set(http::field::www_authenticate, r.www_authenticate);
    res.body() = std::move(r.body);
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    http::write(socket, res, ec);
    if (ec || !res.keep_alive()) break;
  }
  socket.shutdown(tcp::socket::shutdown_send, ec);
}

}  // namespace

int main(int argc, char** argv) {
  gatehouse::verify::Options options;
  const std::string jwks =
      Setting(argc, argv, "--jwks", "GATEHOUSE_JWKS", "http://localhost:3001/oidc/jwks");
  (jwks.rfind("http", 0) == 0 ? options.jwks_uri : options.jwks_file) = jwks;
  options.issuer =
      Setting(argc, argv, "--issuer", "GATEHOUSE_ISSUER", "http://localhost:3001/oidc");
  auto verifier = gatehouse::verify::Verifier::Create(options);
  if (!verifier) {
    std::cerr << "org-service: " << verifier.error().message() << "\n";
    return 2;
  }
  const int port = std::stoi(Setting(argc, argv, "--port", "ORG_SERVICE_PORT", "3002"));

  boost::asio::io_context io;
  tcp::acceptor acceptor(
      io, {boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  std::cout << "listening on 127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
  for (;;) {
    tcp::socket socket(io);
    acceptor.accept(socket);
    std::thread(Serve, std::move(socket), std::cref(*verifier)).detach();
  }
}
