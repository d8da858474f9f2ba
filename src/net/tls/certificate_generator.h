// certificate_generator.h — the self-signed certificates minisqld creates on first start.
//
// Like MySQL 8 (auto_generate_certs), a server started without --ssl-cert/--ssl-key
// makes its own small PKI in the data directory so TLS works out of the box:
//
//   file             mode  what
//   ───────────────  ────  ─────────────────────────────────────────────────────────────
//   ca-key.pem       0600  RSA-2048 key of the auto-generated CA
//   ca.pem           0644  self-signed CA certificate (give it to clients: --ssl-ca)
//   server-key.pem   0600  RSA-2048 key of the server
//   server-cert.pem  0644  server certificate signed by ca.pem, CN localhost, with
//                          subjectAltName DNS:localhost, IP:127.0.0.1, IP:::1 so that
//                          clients verifying the host name accept it on loopback
//   private_key.pem  0600  RSA-2048 key for caching_sha2_password's RSA exchange
//   public_key.pem   0644  its public half (what a client asking for it receives)
//
// Certificates are valid for ten years. Files that exist are reused, never
// overwritten; a set that is only partly present is an error (someone deleted files by
// hand), reported with the missing file's name rather than silently regenerated.
#pragma once

#include <string>

#include "common/status.h"

namespace minisql::net {

struct GeneratedTlsFiles {
  std::string ca;           // <datadir>/ca.pem
  std::string server_cert;  // <datadir>/server-cert.pem
  std::string server_key;   // <datadir>/server-key.pem
};

/// Ensures ca.pem, ca-key.pem, server-cert.pem and server-key.pem exist in `datadir`,
/// creating all four if none does; returns their paths.
Result<GeneratedTlsFiles> EnsureServerCertificates(const std::string& datadir);

struct RsaKeyFiles {
  std::string private_key;  // <datadir>/private_key.pem
  std::string public_key;   // <datadir>/public_key.pem
};

/// Ensures the caching_sha2_password RSA key pair exists in `datadir`.
Result<RsaKeyFiles> EnsureRsaKeyPair(const std::string& datadir);

}  // namespace minisql::net
