#pragma once
// How complete each offered language is: every text a visitor can read, counted per language,
// with the ones missing named by file and key, and how many pictures have a description in it.
// For `kiosk report translations`.
#include "core/Content.h"

#include <string>
#include <vector>

namespace kiosk {

struct TranslationCoverage {
  std::string language;
  size_t present = 0; // written by people
  size_t total = 0;
  std::vector<std::string> missing;   // "content/sections/01-a/01-b.toml: summary"
  std::vector<std::string> converted; // made by the kiosk (zh-Hant from zh-Hans): worth a translator's look
  // Descriptions read aloud (alt): of `pictures` (Content::describablePictures), how many have
  // one in this language (written or converted), and the ones that do not.
  size_t described = 0;
  size_t pictures = 0;
  std::vector<std::string> undescribed; // "content/sections/01-a/01-b.toml: image 2"
};

std::vector<TranslationCoverage> translationCoverage(const Content& content);

} // namespace kiosk
