#include "platform/FileWatch.h"

namespace platform {
namespace {

class FileWatchNull final : public FileWatch {
public:
  bool start(const std::filesystem::path&, std::string& why) override {
    why = "this platform cannot watch folders; press F5 to reload the content";
    return false;
  }
  std::uint64_t changes() const override { return 0; }
  const char* name() const override { return "none"; }
};

} // namespace

std::unique_ptr<FileWatch> createFileWatch() { return std::make_unique<FileWatchNull>(); }

} // namespace platform
