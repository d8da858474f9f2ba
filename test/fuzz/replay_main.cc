// replay_main.cc — runs a fuzz target over files instead of under libFuzzer.
//
// Every fuzz target in this directory is also linked with this main() in the normal
// (gcc) builds, and CTest runs it over the target's seed corpus (corpus/<target>/),
// so every CI run, including the ASan/UBSan build, feeds each seed and every crash
// regression seed through the target. Usage:
//
//   fuzz_replay_<target> FILE_OR_DIRECTORY...
//
// Fails (exit 1) if no input file was found, so a misplaced corpus cannot pass
// silently; a crash or sanitizer report fails it on its own.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int RunFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 1;
  }
  // A copy in its own heap block, so ASan catches a read one byte past the input.
  std::vector<uint8_t> input(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(input.data(), input.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  size_t files = 0;
  int failures = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg(argv[i]);
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (!entry.is_regular_file()) continue;
        failures += RunFile(entry.path());
        ++files;
      }
    } else {
      failures += RunFile(arg);
      ++files;
    }
  }
  std::printf("replayed %zu inputs\n", files);
  return files == 0 || failures != 0 ? 1 : 0;
}
