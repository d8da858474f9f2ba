// certificate_generator.cc — see certificate_generator.h for the files and their modes.
#include "net/tls/certificate_generator.h"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "common/log.h"

namespace minisql::net {

namespace {

constexpr int kRsaBits = 2048;
constexpr long kValiditySeconds = 10L * 365 * 24 * 3600;

struct KeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertDeleter {
  void operator()(X509* cert) const { X509_free(cert); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;

Status CertError(const std::string& what) {
  return Status::WithMessage(ErrorCode::kUnknownError, "TLS setup: " + what);
}

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

/// Opens `path` for a new PEM file with `mode` (0600 for keys). O_EXCL: never
/// overwrite a file someone else created meanwhile.
Result<FILE*> CreateFile(const std::string& path, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return CertError("cannot create " + path);
  FILE* file = ::fdopen(fd, "w");
  if (file == nullptr) {
    ::close(fd);
    return CertError("cannot open " + path);
  }
  return file;
}

Status WriteKey(const std::string& path, EVP_PKEY* key, bool private_part) {
  Result<FILE*> file = CreateFile(path, private_part ? 0600 : 0644);
  if (!file.ok()) return file.status();
  int ok = private_part ? PEM_write_PrivateKey(*file, key, nullptr, nullptr, 0, nullptr, nullptr)
                        : PEM_write_PUBKEY(*file, key);
  bool closed = std::fclose(*file) == 0;
  if (ok != 1 || !closed) return CertError("cannot write " + path);
  return Status::OK();
}

Status WriteCert(const std::string& path, X509* cert) {
  Result<FILE*> file = CreateFile(path, 0644);
  if (!file.ok()) return file.status();
  int ok = PEM_write_X509(*file, cert);
  bool closed = std::fclose(*file) == 0;
  if (ok != 1 || !closed) return CertError("cannot write " + path);
  return Status::OK();
}

Result<KeyPtr> NewRsaKey() {
  KeyPtr key(EVP_RSA_gen(kRsaBits));
  if (!key) return CertError("RSA key generation failed");
  return key;
}

/// X509_add_ext with a v3 extension given in OpenSSL's config syntax.
bool AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (extension == nullptr) return false;
  bool ok = X509_add_ext(cert, extension, -1) == 1;
  X509_EXTENSION_free(extension);
  return ok;
}

/// A certificate for `key` named `common_name`, signed by `issuer_key` (self-signed
/// when `issuer` is null).
Result<CertPtr> NewCertificate(EVP_PKEY* key, const char* common_name, X509* issuer,
                               EVP_PKEY* issuer_key, bool is_ca) {
  CertPtr cert(X509_new());
  if (!cert) return CertError("X509_new failed");
  uint64_t serial = 0;
  RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof(serial));
  serial &= 0x7fffffffffffffffULL;  // serial numbers are positive
  bool ok = X509_set_version(cert.get(), 2) == 1 &&
            ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()), serial | 1) == 1 &&
            X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0) != nullptr &&
            X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds) != nullptr &&
            X509_set_pubkey(cert.get(), key) == 1;
  X509_NAME* name = X509_get_subject_name(cert.get());
  ok = ok && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                        reinterpret_cast<const unsigned char*>(common_name), -1, -1,
                                        0) == 1;
  X509* signer = issuer != nullptr ? issuer : cert.get();
  ok = ok && X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) == 1;
  if (is_ca) {
    ok = ok && AddExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE") &&
         AddExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    ok =
        ok && AddExtension(cert.get(), signer, NID_basic_constraints, "CA:FALSE") &&
        AddExtension(cert.get(), signer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
  }
  ok = ok && X509_sign(cert.get(), issuer_key, EVP_sha256()) > 0;
  if (!ok) return CertError(std::string("cannot build certificate ") + common_name);
  return cert;
}

/// "all present" → OK(false); "none present" → OK(true); a mix → error naming a gap.
Result<bool> NeedsGeneration(const std::vector<std::string>& paths) {
  size_t present = 0;
  std::string missing;
  for (const std::string& path : paths) {
    if (FileExists(path)) {
      ++present;
    } else {
      missing = path;
    }
  }
  if (present == paths.size()) return false;
  if (present == 0) return true;
  return CertError(missing + " is missing (remove the other generated files to recreate all)");
}

}  // namespace

Result<GeneratedTlsFiles> EnsureServerCertificates(const std::string& datadir) {
  GeneratedTlsFiles files{datadir + "/ca.pem", datadir + "/server-cert.pem",
                          datadir + "/server-key.pem"};
  std::string ca_key_path = datadir + "/ca-key.pem";
  Result<bool> generate =
      NeedsGeneration({files.ca, ca_key_path, files.server_cert, files.server_key});
  if (!generate.ok()) return generate.status();
  if (!*generate) return files;

  Result<KeyPtr> ca_key = NewRsaKey();
  if (!ca_key.ok()) return ca_key.status();
  Result<CertPtr> ca = NewCertificate(ca_key->get(), "minisql_Auto_Generated_CA_Certificate",
                                      nullptr, ca_key->get(), /*is_ca=*/true);
  if (!ca.ok()) return ca.status();
  Result<KeyPtr> server_key = NewRsaKey();
  if (!server_key.ok()) return server_key.status();
  Result<CertPtr> server = NewCertificate(server_key->get(), "localhost", ca->get(), ca_key->get(),
                                          /*is_ca=*/false);
  if (!server.ok()) return server.status();

  // Keys first: a crash in between leaves a partial set, reported on the next start.
  MINISQL_RETURN_IF_ERROR(WriteKey(ca_key_path, ca_key->get(), /*private_part=*/true));
  MINISQL_RETURN_IF_ERROR(WriteKey(files.server_key, server_key->get(), /*private_part=*/true));
  MINISQL_RETURN_IF_ERROR(WriteCert(files.ca, ca->get()));
  MINISQL_RETURN_IF_ERROR(WriteCert(files.server_cert, server->get()));
  LogInfo("minisqld: generated a self-signed CA and server certificate in %s", datadir.c_str());
  return files;
}

Result<RsaKeyFiles> EnsureRsaKeyPair(const std::string& datadir) {
  RsaKeyFiles files{datadir + "/private_key.pem", datadir + "/public_key.pem"};
  Result<bool> generate = NeedsGeneration({files.private_key, files.public_key});
  if (!generate.ok()) return generate.status();
  if (!*generate) return files;
  Result<KeyPtr> key = NewRsaKey();
  if (!key.ok()) return key.status();
  MINISQL_RETURN_IF_ERROR(WriteKey(files.private_key, key->get(), /*private_part=*/true));
  MINISQL_RETURN_IF_ERROR(WriteKey(files.public_key, key->get(), /*private_part=*/false));
  return files;
}

}  // namespace minisql::net
