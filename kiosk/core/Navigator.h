#pragma once
// Where the visitor is: attract loop, home, a section, an item; and when to give up on them.
// Pure logic driven by time passed in, so a week of kiosk life runs in a test in milliseconds.
#include "core/Clock.h"
#include "core/Content.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

enum class Screen { Attract, Home, Section, Item };
const char* screenName(Screen screen);

// What the attract loop shows at one instant: slide `current`, blending into `next` by `mix`.
struct AttractFrame {
  size_t current = 0;
  size_t next = 0;
  float mix = 0; // 0: only current; 1: only next
  size_t promptIndex = 0; // which offered language the "touch to explore" prompt is in
  // How long each slide has been on screen (the next one from the start of its fade-in), for
  // the slow pan and zoom, and that long as a fraction of a slide's whole showing.
  double currentAge = 0, nextAge = 0;
  double currentProgress = 0, nextProgress = 0;
  // The slide's number since the loop began (a loop of one film shows it as slide 0, 1, 2...:
  // each showing is played by its own player, prepared while the one before plays).
  std::uint64_t slide = 0;
  Seconds remaining = 0; // until the next slide takes over (the end of its crossfade)
  Seconds fadeIn = 0;    // until the crossfade to the next slide begins (0: it has begun)
};

// What a visitor asked of the display for themselves; reset with everything else when the
// kiosk returns to the attract loop.
struct Accessibility {
  bool largeText = false;    // text a quarter larger
  bool highContrast = false; // white and yellow on black
  bool lowReach = false;     // every control in the lower part of the screen (wheelchair users)
  bool operator==(const Accessibility&) const = default;
};

class Navigator {
public:
  // Length of the crossfade between attract slides, in seconds.
  static constexpr Seconds kCrossfadeSeconds = 1.2;

  Navigator(ContentSnapshot content, Seconds now, CivilDate today = {});

  // The date changed (midnight): items outside their show dates disappear, and a visitor on one
  // is taken back to its section.
  void setToday(CivilDate today);
  CivilDate today() const { return m_today; }

  // Swaps in new content, keeping the visitor's section and item when they still exist.
  void setContent(ContentSnapshot content, Seconds now);

  // Advances time. After the idle timeout the kiosk asks "are you still there?" for the idle
  // countdown; when nobody touches it, it returns to the attract loop in the default language
  // with no trace of the visitor's path.
  void update(Seconds now);
  // Seconds left in the "are you still there?" countdown, or a negative number when it is not
  // showing. Any touch (noteActivity) dismisses it.
  Seconds countdownLeft(Seconds now) const;

  // A tap on the attract loop: the visitor arrives at home.
  void wake(Seconds now);
  // Any touch anywhere counts as activity and postpones the idle timeout.
  void noteActivity(Seconds now);
  void openSection(const std::string& sectionId, Seconds now);
  void openItem(const std::string& itemId, Seconds now);
  // An item a map point links to, in any section: Back from it returns to the item the visitor
  // came from (the map), not to the linked item's section. Unknown or hidden: nothing happens.
  void openLinkedItem(const std::string& sectionId, const std::string& itemId, Seconds now);
  // Back: from an item opened through a link, to the item it was opened from; from any other
  // item, to its section; from a section, home.
  void back(Seconds now);
  void home(Seconds now);
  // Back to the attract loop at once, as the idle timeout would (staff: "start the attract loop").
  void resetToAttract(Seconds now) { goAttract(now); }
  void setLanguage(const std::string& language, Seconds now);
  void setAccessibility(const Accessibility& a, Seconds now);
  const Accessibility& accessibility() const { return m_accessibility; }

  Screen screen() const { return m_screen; }
  const Section* section() const;
  const Item* item() const;
  const std::string& language() const { return m_language; }
  const Content& content() const { return *m_content; }
  const ContentSnapshot& snapshot() const { return m_content; }
  // When the screen last changed (for entry animations), in clock seconds.
  Seconds screenSince() const { return m_screenSince; }
  Seconds lastActivity() const { return m_lastActivity; }
  // Times update() returned to the attract loop because nobody answered (for the analytics).
  std::uint64_t idleResets() const { return m_idleResets; }

  AttractFrame attract(Seconds now) const;
  // The attract loop stands still for `seconds` (the next picture is not decoded yet): a slide
  // never fades into a gap.
  void holdAttract(Seconds seconds);
  // Moves the attract loop on by `seconds` at once: a film that ended early fades or cuts to
  // the next slide now instead of holding its last frame.
  void skipAttract(Seconds seconds);

private:
  void show(Screen screen, Seconds now);
  void goAttract(Seconds now);

  ContentSnapshot m_content;
  CivilDate m_today;
  Screen m_screen = Screen::Attract;
  std::string m_sectionId;
  std::string m_itemId;
  // The items linked items were opened from (section, item), the latest last; Back returns to
  // them before any section. Another way of moving on (a section, home, a sibling item) ends it.
  std::vector<std::pair<std::string, std::string>> m_cameFrom;
  std::string m_language;
  Accessibility m_accessibility;
  Seconds m_lastActivity = 0;
  Seconds m_screenSince = 0;
  Seconds m_attractSince = 0;
  std::uint64_t m_idleResets = 0;
};

} // namespace kiosk
