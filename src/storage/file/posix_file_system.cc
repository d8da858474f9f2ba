// posix_file_system.cc — FileSystem over POSIX system calls (see posix_file_system.h).
#include "storage/file/posix_file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace minisql::storage {

Status WriteErrorStatus(const std::string& path, int err) {
  if (err == ENOSPC || err == EDQUOT) {
    return Status::Error(ErrorCode::kDiskFull, path, err, std::strerror(err));
  }
  return Status::Error(ErrorCode::kErrorOnWrite, path, err, std::strerror(err));
}

Status ReadErrorStatus(const std::string& path, int err) {
  return Status::Error(ErrorCode::kErrorOnRead, path, err, std::strerror(err));
}

namespace {

class PosixFile : public File {
 public:
  PosixFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~PosixFile() override { ::close(fd_); }

  Result<size_t> Read(uint64_t offset, size_t size, char* out) override {
    size_t done = 0;
    while (done < size) {
      ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(offset + done));
      if (n < 0) {
        if (errno == EINTR) continue;
        return ReadErrorStatus(path_, errno);
      }
      if (n == 0) break;  // end of file
      done += static_cast<size_t>(n);
    }
    return done;
  }

  Status Write(uint64_t offset, const char* data, size_t size) override {
    size_t done = 0;
    while (done < size) {
      ssize_t n = ::pwrite(fd_, data + done, size - done, static_cast<off_t>(offset + done));
      if (n < 0) {
        if (errno == EINTR) continue;
        return WriteErrorStatus(path_, errno);
      }
      done += static_cast<size_t>(n);  // a short write continues where it stopped
    }
    return Status::OK();
  }

  Status Sync() override {
    while (::fdatasync(fd_) != 0) {
      if (errno == EINTR) continue;
      return WriteErrorStatus(path_, errno);
    }
    return Status::OK();
  }

  Status Truncate(uint64_t size) override {
    while (::ftruncate(fd_, static_cast<off_t>(size)) != 0) {
      if (errno == EINTR) continue;
      return WriteErrorStatus(path_, errno);
    }
    return Status::OK();
  }

  Result<uint64_t> Size() override {
    struct stat st;
    if (::fstat(fd_, &st) != 0) return ReadErrorStatus(path_, errno);
    return static_cast<uint64_t>(st.st_size);
  }

  const std::string& path() const override { return path_; }

 private:
  int fd_;
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<File>> PosixFileSystem::OpenFile(const std::string& path, bool create) {
  int flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0);
  int fd;
  do {
    fd = ::open(path.c_str(), flags, 0644);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    int err = errno;
    if (create && err != ENOENT && err != EACCES) {
      return Status::Error(ErrorCode::kCantCreateFile, path, err, std::strerror(err));
    }
    return Status::Error(ErrorCode::kCantOpenFile, path, err, std::strerror(err));
  }
  return std::unique_ptr<File>(new PosixFile(fd, path));
}

bool PosixFileSystem::FileExists(const std::string& path) {
  return ::access(path.c_str(), F_OK) == 0;
}

Status PosixFileSystem::RemoveFile(const std::string& path) {
  if (::unlink(path.c_str()) != 0) return WriteErrorStatus(path, errno);
  return Status::OK();
}

Status PosixFileSystem::CreateDirectory(const std::string& path) {
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
    int err = errno;
    return Status::Error(ErrorCode::kCantCreateFile, path, err, std::strerror(err));
  }
  return Status::OK();
}

Status PosixFileSystem::SyncDirectory(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Error(ErrorCode::kCantOpenFile, path, errno, std::strerror(errno));
  int rc;
  do {
    rc = ::fsync(fd);
  } while (rc != 0 && errno == EINTR);
  int err = errno;
  ::close(fd);
  if (rc != 0) return WriteErrorStatus(path, err);
  return Status::OK();
}

FileSystem* DefaultFileSystem() {
  static PosixFileSystem* fs = new PosixFileSystem();  // stateless, never destroyed
  return fs;
}

}  // namespace minisql::storage
