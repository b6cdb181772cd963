// libFuzzer target for the files translators send back (core/TranslationFiles): any bytes read as
// XLIFF 2.0 (libxml2) and as PO. A file is either refused with a sentence or read; what is read,
// written again in either format, reads back the same (ids, texts, fingerprints); never a crash.
#include "core/TranslationFiles.h"
#include "core/Utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {
using kiosk::translations::ExchangeFile;

bool utf8Clean(const std::string& s) { // what the exporter writes: UTF-8 without control characters but tab and newline
  if (!kiosk::utf8::isValid(s)) return false;
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
  return true;
}

void roundTrip(const ExchangeFile& f) {
  for (const auto& u : f.units)
    if (!utf8Clean(u.id) || !utf8Clean(u.source) || !utf8Clean(u.target.value_or("")) || u.id.find('#') == std::string::npos ||
        u.id.back() == '#' || u.source.empty() || !utf8Clean(u.sourceFingerprint) || !utf8Clean(u.targetFingerprint) ||
        u.sourceFingerprint.find_first_of(" \n\t<&") != std::string::npos || u.targetFingerprint.find_first_of(" \n\t<&") != std::string::npos ||
        u.id.find_first_of(" \n\t") != std::string::npos)
      return;
  for (const bool po : {true, false}) {
    std::string error;
    const std::string text = po ? kiosk::translations::writePo(f) : kiosk::translations::writeXliff(f);
    const auto back = po ? kiosk::translations::readPo(text, error) : kiosk::translations::readXliff(text, error);
    if (!back) continue; // e.g. an id that is no XML name; the exporter never writes one
    if (back->units.size() != f.units.size()) std::abort();
    // XLIFF groups units by their file (<file original=...>): the order within a file stays.
    auto byFile = [](std::vector<kiosk::translations::ExchangeUnit> v) {
      std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
        return x.id.substr(0, x.id.rfind('#')) < y.id.substr(0, y.id.rfind('#'));
      });
      return v;
    };
    const auto before = byFile(f.units), after = byFile(back->units);
    for (size_t i = 0; i < before.size(); ++i) {
      const auto& a = before[i];
      const auto& b = after[i];
      if (a.id != b.id || a.source != b.source || a.sourceFingerprint != b.sourceFingerprint ||
          (a.target && !a.target->empty() && a.target != b.target))
        std::abort();
    }
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string error;
  if (auto f = kiosk::translations::readXliff(text, error)) roundTrip(*f);
  else if (error.empty()) std::abort(); // a refusal always says why
  error.clear();
  if (auto f = kiosk::translations::readPo(text, error)) {
    for (const auto& u : f->units) // the PO reader refuses what is not UTF-8
      if (!kiosk::utf8::isValid(u.id) || !kiosk::utf8::isValid(u.source) || !kiosk::utf8::isValid(u.target.value_or("")))
        std::abort();
    roundTrip(*f);
  } else if (error.empty()) {
    std::abort();
  }
  return 0;
}
