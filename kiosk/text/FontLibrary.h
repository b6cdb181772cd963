#pragma once
// The faces text is drawn with, per language: the language's own face first (Noto Sans CJK SC for
// zh-Hans, JP for ja...), then faces fontconfig finds for characters it lacks. Thread-safe.
#include "text/FontFace.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk::text {

class FontLibrary {
public:
  // The face to draw `c` with in `language`: the first face of the language's chain that has
  // it, else one fontconfig finds (then remembered in the chain); null when no installed font can.
  std::shared_ptr<FontFace> faceFor(char32_t c, const std::string& language);
  // The language's own face (the first of its chain); null when no font is installed.
  std::shared_ptr<FontFace> primary(const std::string& language);
  // "zh-Hans: Noto Sans CJK SC, Noto Sans" — for logs.
  std::string describe(const std::string& language);

private:
  void ensureChain(const std::string& language);                     // takes m_mutex itself
  std::shared_ptr<FontFace> load(const std::string& file, int index); // takes m_mutex itself

  std::mutex m_mutex;
  std::map<std::string, std::vector<std::shared_ptr<FontFace>>> m_chains;
  std::map<std::string, std::shared_ptr<FontFace>> m_faces;       // "file#index"
  std::map<std::pair<std::string, char32_t>, bool> m_hopeless;     // (language, c): no font has it
};

} // namespace kiosk::text
