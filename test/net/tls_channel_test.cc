// tls_channel_test.cc — the server's memory-BIO TLS channel against an OpenSSL client,
// with certificates from certificate_generator (no sockets: bytes are shuttled by hand,
// exactly as the event loop does).
#include "net/tls/tls_channel.h"

#include <gtest/gtest.h>
#include <openssl/ssl.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "net/tls/certificate_generator.h"
#include "net/tls/tls_context.h"

namespace minisql::net {
namespace {

class TlsChannelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/tls_channel_test.XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

/// A client SSL on memory BIOs; Pump moves bytes both ways until nothing moves.
struct Client {
  explicit Client(const std::string& ca_file) {
    ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    ssl = SSL_new(ctx);
    in = BIO_new(BIO_s_mem());
    out = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl, in, out);
    SSL_set1_host(ssl, "localhost");
    SSL_set_connect_state(ssl);
  }
  ~Client() {
    SSL_free(ssl);
    SSL_CTX_free(ctx);
  }
  std::string TakeOutgoing() {
    std::string bytes(BIO_ctrl_pending(out), '\0');
    if (!bytes.empty()) BIO_read(out, bytes.data(), static_cast<int>(bytes.size()));
    return bytes;
  }
  SSL_CTX* ctx;
  SSL* ssl;
  BIO* in;
  BIO* out;
};

/// Runs the handshake; returns the server's Receive status of the last step.
Status Handshake(Client* client, TlsChannel* server, std::string* server_plaintext) {
  Status status = Status::OK();
  for (int round = 0; round < 10 && !SSL_is_init_finished(client->ssl); ++round) {
    SSL_do_handshake(client->ssl);
    std::string to_server = client->TakeOutgoing();
    if (!to_server.empty()) status = server->Receive(to_server, server_plaintext);
    if (!status.ok()) return status;
    std::string to_client = server->TakeOutgoing();
    BIO_write(client->in, to_client.data(), static_cast<int>(to_client.size()));
  }
  return status;
}

TEST_F(TlsChannelTest, GeneratesVerifiableCertificatesAndCarriesDataBothWays) {
  Result<GeneratedTlsFiles> files = EnsureServerCertificates(dir_);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  struct stat st {};
  ASSERT_EQ(stat(files->server_key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat((dir_ + "/ca-key.pem").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  Result<std::unique_ptr<TlsContext>> context =
      TlsContext::Load(files->server_cert, files->server_key, files->ca);
  ASSERT_TRUE(context.ok()) << context.status().ToString();
  Result<std::unique_ptr<TlsChannel>> server = TlsChannel::Create((*context)->get());
  ASSERT_TRUE(server.ok());
  Client client(files->ca);
  std::string plaintext;
  ASSERT_TRUE(Handshake(&client, server->get(), &plaintext).ok());
  ASSERT_TRUE(SSL_is_init_finished(client.ssl));
  EXPECT_EQ(SSL_get_verify_result(client.ssl), X509_V_OK);  // CA + host name verified
  // The server learns the handshake finished with the client's first record at the
  // latest (TLS 1.3 sends Finished last from the client).
  std::string hello(100000, 'x');
  ASSERT_GT(SSL_write(client.ssl, hello.data(), static_cast<int>(hello.size())), 0);
  ASSERT_TRUE((*server)->Receive(client.TakeOutgoing(), &plaintext).ok());
  EXPECT_TRUE((*server)->open());
  EXPECT_EQ(plaintext, hello);
  EXPECT_FALSE((*server)->cipher().empty());
  EXPECT_EQ((*server)->version().rfind("TLSv1.", 0), 0u);

  ASSERT_TRUE((*server)->Send("reply").ok());
  std::string record = (*server)->TakeOutgoing();
  EXPECT_EQ(record.find("reply"), std::string::npos);  // encrypted on the wire
  BIO_write(client.in, record.data(), static_cast<int>(record.size()));
  char buffer[16];
  int n = SSL_read(client.ssl, buffer, sizeof(buffer));
  EXPECT_EQ(std::string(buffer, n > 0 ? n : 0), "reply");

  // Reuse: a second call generates nothing and returns the same paths.
  Result<GeneratedTlsFiles> again = EnsureServerCertificates(dir_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->server_cert, files->server_cert);
}

TEST_F(TlsChannelTest, GarbageFailsTheChannel) {
  Result<GeneratedTlsFiles> files = EnsureServerCertificates(dir_);
  ASSERT_TRUE(files.ok());
  auto context = TlsContext::Load(files->server_cert, files->server_key, "");
  ASSERT_TRUE(context.ok());
  auto server = TlsChannel::Create((*context)->get());
  ASSERT_TRUE(server.ok());
  std::string plaintext;
  EXPECT_FALSE((*server)->Receive("GET / HTTP/1.0\r\n\r\n", &plaintext).ok());
  EXPECT_EQ((*server)->state(), TlsChannel::State::kFailed);
  EXPECT_FALSE((*server)->Send("x").ok());
}

TEST_F(TlsChannelTest, PartialFileSetIsAnError) {
  ASSERT_TRUE(EnsureServerCertificates(dir_).ok());
  std::filesystem::remove(dir_ + "/server-key.pem");
  Result<GeneratedTlsFiles> files = EnsureServerCertificates(dir_);
  ASSERT_FALSE(files.ok());
  EXPECT_NE(files.status().message().find("server-key.pem is missing"), std::string::npos);
}

TEST_F(TlsChannelTest, MismatchedKeyIsRefused) {
  auto files = EnsureServerCertificates(dir_);
  ASSERT_TRUE(files.ok());
  auto context = TlsContext::Load(files->server_cert, dir_ + "/ca-key.pem", "");
  ASSERT_FALSE(context.ok());
  EXPECT_NE(context.status().message().find("ca-key.pem"), std::string::npos);
}

}  // namespace
}  // namespace minisql::net
