#pragma once
// A problem found in something staff wrote, told in words a non-programmer understands.
#include <string>
#include <vector>

namespace kiosk {

struct Diagnostic {
  enum class Severity { Error, Warning };

  Severity severity = Severity::Error;
  std::string file; // path as staff know it (relative to the content folder where possible)
  int line = 0;     // 1-based; 0 when the problem is not at a place in the file
  int column = 0;   // 1-based; 0 when unknown
  std::string message; // what is wrong and what to do

  // GCC style: "path:line:col: error: message".
  std::string format() const;
};

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

} // namespace kiosk
