#include "TempFolder.h"

#include <atomic>
#include <fstream>
#include <random>
#include <unistd.h>

namespace kiosk::test {

TempFolder::TempFolder() {
  static std::atomic<int> counter{0};
  m_path = std::filesystem::temp_directory_path() /
           ("kiosk-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(m_path);
  std::filesystem::create_directories(m_path);
}

TempFolder::~TempFolder() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

void TempFolder::write(const std::string& relative, const std::string& contents) const {
  const auto p = m_path / relative;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << contents;
}

void TempFolder::copyFrom(const std::filesystem::path& source, const std::string& relative) const {
  std::filesystem::copy(source, m_path / relative, std::filesystem::copy_options::recursive);
}

std::filesystem::path sampleContent() { return std::filesystem::path(KIOSK_SOURCE_DIR) / "content"; }

} // namespace kiosk::test
