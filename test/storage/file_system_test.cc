// file_system_test.cc — PosixFileSystem basics and error texts, and every fault the
// FaultInjectionFileSystem can inject.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "storage/file/fault_injection_file_system.h"
#include "storage/file/posix_file_system.h"

namespace minisql::storage {
namespace {

std::string MakeTempDir() {
  char tmpl[] = "/tmp/minisql_fs_test_XXXXXX";
  char* dir = mkdtemp(tmpl);
  EXPECT_NE(dir, nullptr);
  return dir;
}

TEST(PosixFileSystemTest, WriteReadSyncTruncate) {
  std::string dir = MakeTempDir();
  PosixFileSystem fs;
  std::string path = dir + "/f";
  EXPECT_FALSE(fs.FileExists(path));
  Result<std::unique_ptr<File>> file = fs.OpenFile(path, true);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_TRUE(fs.FileExists(path));
  File* f = file->get();
  ASSERT_TRUE(f->Write(4, "abcd", 4).ok());
  ASSERT_TRUE(f->Sync().ok());
  EXPECT_EQ(*f->Size(), 8u);
  char buf[16] = {};
  Result<size_t> n = f->Read(0, 16, buf);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 8u);  // short read at end of file
  EXPECT_EQ(std::string(buf, 8), std::string("\0\0\0\0abcd", 8));
  ASSERT_TRUE(f->Truncate(2).ok());
  EXPECT_EQ(*f->Size(), 2u);
  EXPECT_TRUE(fs.SyncDirectory(dir).ok());
  file->reset();
  EXPECT_TRUE(fs.RemoveFile(path).ok());
  EXPECT_TRUE(fs.CreateDirectory(dir).ok());  // exists: fine
  ::rmdir(dir.c_str());
}

TEST(PosixFileSystemTest, OpenMissingFileIsError1016) {
  PosixFileSystem fs;
  Result<std::unique_ptr<File>> file = fs.OpenFile("/nonexistent-dir/x", false);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), 1016);
  EXPECT_NE(file.status().message().find("No such file or directory"), std::string::npos);
}

TEST(PosixFileSystemTest, ErrnoMapping) {
  EXPECT_EQ(WriteErrorStatus("f", ENOSPC).code(), 1021);
  EXPECT_EQ(WriteErrorStatus("f", EIO).code(), 1026);
  EXPECT_EQ(WriteErrorStatus("f", EIO).message(),
            "Error writing file 'f' (errno: 5 \"Input/output error\")");
  EXPECT_EQ(ReadErrorStatus("f", EIO).code(), 1024);
}

TEST(FaultInjectionFileSystemTest, FailNthWriteAndSync) {
  FaultInjectionFileSystem fs;
  auto file = std::move(*fs.OpenFile("a", true));
  fs.FailNthWrite(2);
  EXPECT_TRUE(file->Write(0, "1", 1).ok());
  Status s = file->Write(1, "2", 1);
  EXPECT_EQ(s.code(), 1026);
  EXPECT_TRUE(file->Write(1, "3", 1).ok());  // only the 2nd failed
  fs.FailNthSync(1, ENOSPC);
  EXPECT_EQ(file->Sync().code(), 1021);
  EXPECT_TRUE(file->Sync().ok());
  fs.SetDiskFull(true);
  EXPECT_EQ(file->Write(0, "x", 1).code(), 1021);
  fs.SetDiskFull(false);
  EXPECT_EQ(fs.Contents("a"), "13");
}

TEST(FaultInjectionFileSystemTest, PowerCutDropsUnsyncedWrites) {
  FaultInjectionFileSystem fs;
  auto file = std::move(*fs.OpenFile("a", true));
  ASSERT_TRUE(file->Write(0, "synced", 6).ok());
  ASSERT_TRUE(file->Sync().ok());
  ASSERT_TRUE(file->Write(0, "LOST!!", 6).ok());
  ASSERT_TRUE(file->Write(6, "more", 4).ok());
  fs.PowerCut();
  EXPECT_EQ(fs.Contents("a"), "synced");
  // Old handles are dead, as if their process had died.
  EXPECT_EQ(file->Write(0, "x", 1).code(), 1026);
  char c;
  EXPECT_FALSE(file->Read(0, 1, &c).ok());
  auto reopened = std::move(*fs.OpenFile("a", false));
  EXPECT_EQ(*reopened->Size(), 6u);
}

TEST(FaultInjectionFileSystemTest, PowerCutCanTearTheLastWrite) {
  FaultInjectionFileSystem fs;
  auto file = std::move(*fs.OpenFile("a", true));
  ASSERT_TRUE(file->Write(0, "aaaaaaaa", 8).ok());
  ASSERT_TRUE(file->Sync().ok());
  ASSERT_TRUE(file->Write(0, "BBBBBBBB", 8).ok());
  fs.PowerCut("a");
  EXPECT_EQ(fs.Contents("a"), "BBBBaaaa");
}

TEST(FaultInjectionFileSystemTest, TruncateIsDurableOnlyAfterSync) {
  FaultInjectionFileSystem fs;
  auto file = std::move(*fs.OpenFile("a", true));
  ASSERT_TRUE(file->Write(0, "abcdef", 6).ok());
  ASSERT_TRUE(file->Sync().ok());
  ASSERT_TRUE(file->Truncate(0).ok());
  fs.PowerCut();
  EXPECT_EQ(fs.Contents("a"), "abcdef");
  EXPECT_FALSE(fs.OpenFile("missing", false).ok());
}

}  // namespace
}  // namespace minisql::storage
