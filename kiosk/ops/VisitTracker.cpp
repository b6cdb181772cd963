#include "ops/VisitTracker.h"

#include <algorithm>

namespace kiosk {

VisitEvent VisitTracker::stamp(VisitEventType type, const std::string& language) const {
  VisitEvent e;
  e.type = type;
  e.date = m_today;
  e.minuteOfDay = m_minute;
  e.session = m_sessionNumber;
  e.language = language;
  return e;
}

void VisitTracker::openView(const VisitState& s, Seconds now) {
  m_view = {};
  if (s.screen != Screen::Section && s.screen != Screen::Item) return; // home and attract are not views
  m_view.screen = s.screen;
  m_view.language = s.language;
  m_view.section = s.sectionId;
  if (s.screen == Screen::Item) {
    m_view.item = s.itemId;
    m_itemsSeen.insert(s.itemId);
  }
  m_view.start = now;
}

void VisitTracker::closeView(Seconds end, bool cut) {
  if (m_view.screen == Screen::Attract) return;
  auto e = stamp(m_view.screen == Screen::Item ? VisitEventType::Item : VisitEventType::Section, m_view.language);
  e.section = m_view.section;
  e.item = m_view.item;
  e.seconds = std::max(0.0, end - m_view.start - m_view.excluded);
  e.cutAtLastTouch = cut;
  m_out.push_back(std::move(e));
  m_view = {};
}

void VisitTracker::endSession(Seconds end, Seconds lastActivity, SessionEnd how) {
  // Nobody was there after the last touch: the session ends there, as its last view did.
  const bool cut = how == SessionEnd::Idle || (how == SessionEnd::Stopped && m_countdownRun > 0);
  const Seconds stop = cut ? std::clamp(lastActivity, m_sessionStart, end) : end;
  if (m_view.screen != Screen::Attract) closeView(cut ? std::max(stop, m_view.start) : end, cut);
  if (how == SessionEnd::Idle) m_out.push_back(stamp(VisitEventType::IdleReset, m_language));
  auto e = stamp(VisitEventType::SessionEnd, m_language);
  e.seconds = std::max(0.0, stop - m_sessionStart - m_sessionExcluded);
  e.items = static_cast<int>(m_itemsSeen.size());
  e.ended = how;
  m_out.push_back(std::move(e));
  m_inSession = false;
  m_itemsSeen.clear();
  m_countdownRun = 0;
}

const std::vector<VisitEvent>& VisitTracker::observe(const VisitState& s, Seconds now, CivilDate today, int minuteOfDay) {
  m_out.clear();
  m_today = today;
  m_minute = minuteOfDay;
  if (m_inSession && s.idleReset && s.screen != Screen::Attract) {
    // The idle timeout ended the visit and, in the same frame, a new visitor's touch woke the
    // kiosk: the old session ends as a timeout (cut at its own last touch), a new one starts.
    m_countdownRun = 0;
    m_previousCountdown = false;
    endSession(now, m_lastActivity, SessionEnd::Idle);
  }
  m_lastActivity = s.lastActivity;
  // The countdown counts from frame to frame while it shows; only a touch that answers it makes
  // it excluded time (an unanswered one lies after the last touch, where the idle cut falls).
  if (m_previousCountdown) m_countdownRun += std::max(0.0, now - m_previousNow);
  m_previousNow = now;
  m_previousCountdown = s.countdownShowing;
  if (m_inSession && !s.countdownShowing && s.screen != Screen::Attract && m_countdownRun > 0) {
    m_view.excluded += m_countdownRun;
    m_sessionExcluded += m_countdownRun;
    m_countdownRun = 0;
  }

  if (!m_inSession) {
    if (s.screen == Screen::Attract) return m_out;
    if (today != m_sessionDay) {
      m_sessionDay = today;
      m_sessionNumber = 0;
    }
    ++m_sessionNumber;
    m_inSession = true;
    m_sessionStart = now;
    m_sessionExcluded = 0;
    m_countdownRun = 0;
    m_language = s.language;
    m_out.push_back(stamp(VisitEventType::SessionStart, s.language));
    openView(s, now);
  } else if (s.screen == Screen::Attract) {
    endSession(now, s.lastActivity, s.idleReset ? SessionEnd::Idle : SessionEnd::Visitor);
    return m_out;
  } else {
    const bool languageChanged = s.language != m_language;
    const bool isView = s.screen == Screen::Section || s.screen == Screen::Item;
    const bool viewChanged = isView ? languageChanged || s.screen != m_view.screen || s.sectionId != m_view.section ||
                                          (s.screen == Screen::Item && s.itemId != m_view.item)
                                    : m_view.screen != Screen::Attract;
    if (viewChanged) closeView(now, false);
    if (languageChanged) {
      m_language = s.language;
      m_out.push_back(stamp(VisitEventType::Language, s.language));
    }
    if (viewChanged) openView(s, now);
  }
  if (s.screen == Screen::Item && s.qrShown && !m_view.qrEmitted) {
    auto e = stamp(VisitEventType::QrShown, m_view.language);
    e.section = m_view.section;
    e.item = m_view.item;
    m_out.push_back(std::move(e));
    m_view.qrEmitted = true;
  }
  return m_out;
}

const std::vector<VisitEvent>& VisitTracker::finish(Seconds now, CivilDate today, int minuteOfDay) {
  m_out.clear();
  m_today = today;
  m_minute = minuteOfDay;
  if (m_previousCountdown) m_countdownRun += std::max(0.0, now - m_previousNow);
  m_previousCountdown = false;
  if (m_inSession) endSession(now, m_lastActivity, SessionEnd::Stopped);
  return m_out;
}

} // namespace kiosk
