#pragma once
// A folder under the system temp directory that tests fill with files; removed afterwards.
#include <filesystem>
#include <string>

namespace kiosk::test {

class TempFolder {
public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  // Writes `contents` to path()/relative, creating folders on the way.
  void write(const std::string& relative, const std::string& contents) const;
  // Copies a whole folder tree into path()/relative.
  void copyFrom(const std::filesystem::path& source, const std::string& relative = {}) const;

private:
  std::filesystem::path m_path;
};

// The sample content shipped in the repository.
std::filesystem::path sampleContent();

} // namespace kiosk::test
