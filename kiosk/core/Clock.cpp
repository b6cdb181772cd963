#include "core/Clock.h"

#include <chrono>

#include <cstdio>
#include <ctime>

namespace kiosk {

SteadyClock::SteadyClock() : m_start(std::chrono::steady_clock::now()) {}

Seconds SteadyClock::now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

CivilDate SteadyClock::today() const {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

int SteadyClock::minuteOfDay() const {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return local.tm_hour * 60 + local.tm_min;
}

int CivilDate::isoWeekday() const {
  using namespace std::chrono;
  const sys_days d{year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}}};
  return static_cast<int>(weekday{d}.iso_encoding());
}

std::string CivilDate::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

CivilDate CivilDate::plusDays(long days) const {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                                   std::chrono::day{static_cast<unsigned>(day)}}} +
                           std::chrono::days{days}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool CivilDate::valid() const {
  using namespace std::chrono;
  return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

} // namespace kiosk
