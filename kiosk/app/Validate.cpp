#include "app/Validate.h"

#include "core/ContentLoader.h"
#include "media/ImageCheck.h"

namespace kiosk::app {

int validateContent(const std::string& dir, std::ostream& out) {
  LoadResult r = loadContent(dir);
  if (r.content)
    for (auto& d : media::checkContentImages(*r.content)) r.diagnostics.push_back(std::move(d));
  size_t errors = 0, warnings = 0;
  for (const auto& d : r.diagnostics) {
    out << d.format() << "\n";
    (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
  }
  if (!r.content) {
    out << "cannot read the content folder '" << dir << "'\n";
    return 2;
  }
  size_t items = 0;
  for (const auto& s : r.content->sections) items += s.items.size();
  out << dir << ": " << r.content->sections.size() << " sections, " << items << " items, " << errors << " errors, "
      << warnings << " warnings\n";
  return errors ? 1 : 0;
}

} // namespace kiosk::app
