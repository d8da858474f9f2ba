// text_client.cc — TCP connect, framed send and receive for the text protocol.
#include "minisql/text_client.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace minisql::cli {
namespace {

std::string SystemError() {
  return std::strerror(errno);
}

}  // namespace

std::unique_ptr<TextClient> TextClient::Connect(const std::string& host, uint16_t port,
                                                std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* addresses = nullptr;
  const std::string service = std::to_string(port);
  if (int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &addresses); rc != 0) {
    *error = "Unknown server host '" + host + "' (" + gai_strerror(rc) + ")";
    return nullptr;
  }
  std::string last_error = "no address";
  int fd = -1;
  for (addrinfo* a = addresses; a != nullptr; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) {
      last_error = SystemError();
      continue;
    }
    if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
    last_error = SystemError();
    close(fd);
    fd = -1;
  }
  freeaddrinfo(addresses);
  if (fd < 0) {
    *error =
        "Can't connect to minisql server on '" + host + ":" + service + "' (" + last_error + ")";
    return nullptr;
  }
  return std::unique_ptr<TextClient>(new TextClient(fd));
}

TextClient::~TextClient() {
  close(fd_);
}

bool TextClient::Execute(std::string_view statement, std::string* reply, std::string* error) {
  if (statement.find('\0') != std::string_view::npos) {
    *error = "Statement contains a 0x00 byte, which the text protocol uses as terminator";
    return false;
  }
  std::string request(statement);
  request.push_back('\0');
  size_t sent = 0;
  while (sent < request.size()) {
    // MSG_NOSIGNAL: a closed connection is an error value, not a SIGPIPE.
    ssize_t n = send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = "Lost connection to server while sending the query (" + SystemError() + ")";
      return false;
    }
    sent += static_cast<size_t>(n);
  }

  size_t end;
  while ((end = buffer_.find('\0')) == std::string::npos) {
    char chunk[64 * 1024];
    ssize_t n = recv(fd_, chunk, sizeof(chunk), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "Lost connection to server during query";
      return false;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
  reply->assign(buffer_, 0, end);
  buffer_.erase(0, end + 1);
  return true;
}

}  // namespace minisql::cli
