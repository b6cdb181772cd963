#pragma once
// `kiosk new section ID` and `kiosk new item SECTION/ID`: a starting point staff fill in, written
// from a commented template with every language the kiosk offers (kiosk.toml's `languages`).
// The folder or file gets the next order number ("07-", as the sample numbers them) unless the
// name has one; nothing that exists is ever overwritten. What is written validates, with a
// warning for what is still to add (a section without items).
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::app {

// The template texts, for the tests: `languages` offered, `defaultLanguage` first in meaning.
std::string sectionTemplate(const std::string& id, const std::vector<std::string>& languages);
std::string itemTemplate(const std::string& id, const std::vector<std::string>& languages);

// 0 written (the path is printed), 1 refused (it exists, or the name is not an id: said why),
// 2 the content folder cannot be read.
int newSection(const std::string& dir, const std::string& id, std::ostream& out);
int newItem(const std::string& dir, const std::string& sectionAndId, std::ostream& out);

} // namespace kiosk::app
