#pragma once
// The faces text is drawn with, per language: the language's own face first (Noto Sans CJK SC for
// zh-Hans, JP for ja, Noto Sans Arabic for ar...), then faces fontconfig finds for characters it
// lacks; and the colour faces emoji are drawn with (Noto Color Emoji). Thread-safe.
#include "text/FontFace.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace kiosk::text {

// How a character asks to be drawn: as text (a monochrome glyph in the text's colour) or as an
// emoji (in colour). Unicode's Emoji_Presentation property, or a variation selector after the
// character (U+FE0F emoji, U+FE0E text), decides; TextLayout works it out from the text.
enum class Presentation { Text, Emoji };

class FontLibrary {
public:
  // The face to draw `c` with in `language`. As text: the first face of the language's chain that
  // has it, else a monochrome face fontconfig finds (then remembered in the chain), else a colour
  // face as a last resort. As an emoji: a colour face that has it, else as text. Null when no
  // installed font can draw it.
  std::shared_ptr<FontFace> faceFor(char32_t c, const std::string& language,
                                    Presentation presentation = Presentation::Text);
  // The language's own face (the first of its chain); null when no font is installed.
  std::shared_ptr<FontFace> primary(const std::string& language);
  // "zh-Hans: Noto Sans CJK SC, Noto Sans; emoji: Noto Color Emoji" — for logs.
  std::string describe(const std::string& language);

private:
  void ensureChain(const std::string& language);                     // takes m_mutex itself
  std::shared_ptr<FontFace> load(const std::string& file, int index); // takes m_mutex itself
  std::shared_ptr<FontFace> textFace(char32_t c, const std::string& language);
  std::shared_ptr<FontFace> colourFace(char32_t c);

  std::mutex m_mutex;
  std::map<std::string, std::vector<std::shared_ptr<FontFace>>> m_chains;
  std::map<std::string, std::shared_ptr<FontFace>> m_faces;       // "file#index"
  std::map<std::pair<std::string, char32_t>, bool> m_hopeless;     // (language, c): no text font has it
  std::vector<std::shared_ptr<FontFace>> m_colourFaces;           // for every language
  std::set<char32_t> m_noColour;                                  // no colour font has it
};

} // namespace kiosk::text
