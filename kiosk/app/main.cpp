// The kiosk executable: parse the verb, build the pieces, run.
#include "app/App.h"
#include "app/Editor.h"
#include "app/CommandLine.h"
#include "app/Report.h"
#include "app/HashPin.h"
#include "app/LogSink.h"
#include "app/NewContent.h"
#include "app/Publish.h"
#include "app/Translations.h"
#include "app/ScriptRunner.h"
#include "app/Validate.h"
#include "platform/Display.h"
#include "platform/InstanceLock.h"
#include "platform/Journal.h"

#include <cstdlib>

#include <cstdio>
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
kiosk::app::LogSink* g_logs = nullptr; // for the display-lost handler, which takes no capture
} // namespace

int main(int argc, char** argv) {
  // Buffered output is written before any other exit handler runs: in the sanitizer build the
  // leak check runs at exit and ends the process with _exit, which would drop what stdout
  // still holds (`kiosk validate >file` came out empty). Handlers run last-registered first,
  // and the sanitizer's was registered before main.
  std::atexit([] { std::fflush(nullptr); });
#if defined(__GLIBC__)
  // Pictures pass through the heap as 3-15 MB buffers. glibc raises its mmap threshold each time
  // such a buffer is freed, after which they come from the heap and its fragments stay resident:
  // paging 200 photos peaked at 918 MiB instead of 636. A fixed 1 MiB threshold returns every
  // large buffer to the system when it is freed, so memory stays flat over weeks.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
  using namespace kiosk::app;
  std::string error;
  const auto options = parseCommandLine(argc, argv, error);
  if (!options) {
    std::cerr << "kiosk: " << error << "\n";
    return 2;
  }
  switch (options->verb) {
  case Options::Verb::Help: std::cout << usageText(); return 0;
  case Options::Verb::Version: std::cout << "kiosk " << KIOSK_VERSION << "\n"; return 0;
  case Options::Verb::Validate: return validateContent(options->contentDir, std::cout, options->json, findAssets(*options, argv[0]), staffLanguage(*options));
  case Options::Verb::ReportTranslations: return reportTranslations(options->contentDir, std::cout, staffLanguage(*options), findAssets(*options, argv[0]));
  case Options::Verb::ReportVisits: return reportVisits(*options, std::cout, std::cerr);
  case Options::Verb::HashPin: {
    HiddenInput hidden(0);
    return hashPin(std::cin, std::cout, std::cerr, hidden.active());
  }
  case Options::Verb::Publish: {
    PublishOptions p;
    p.staging = options->staging;
    p.contentLink = options->contentDir;
    p.versionsDir = options->versionsDir;
    p.keep = options->keep;
    p.quietSeconds = options->quietSeconds;
    p.rollback = options->rollback;
    p.assetsDir = findAssets(*options, argv[0]).string();
    p.language = staffLanguage(*options);
    return publishContent(p, std::cout);
  }
  case Options::Verb::Edit: {
    std::string why;
    if (!platform::displayAvailable(why)) {
      std::cerr << "kiosk edit: " << why << "\n";
      return 1;
    }
    return runEditor(*options, findAssets(*options, argv[0]), argv[0]);
  }
  case Options::Verb::TranslationsExport:
    return exportTranslations(options->contentDir, options->targetLanguage, options->format, options->output, std::cout, std::cerr);
  case Options::Verb::TranslationsImport: return importTranslations(options->importFile, options->contentDir, std::cout);
  case Options::Verb::NewSection: return newSection(options->contentDir, options->newId, std::cout);
  case Options::Verb::NewItem: return newItem(options->contentDir, options->newId, std::cout);
  case Options::Verb::Run: break;
  }
  // From here every line on std::cerr is also a journal entry with its priority and fields
  // (under systemd) or a line in the rotating log file (otherwise); see app/LogSink.h.
  const bool journal = platform::stderrIsJournal();
  LogSink logs({logFilePath(*options, journal), journal, {}});
  g_logs = &logs;
  // The X server gone: one line (journal, log file), then a prompt exit with a status of its own
  // that systemd restarts; never Xlib's exit(1) with its destructors under running threads.
  platform::exitWhenDisplayLost(App::kExitDisplayLost, [](const std::string& why) {
    std::cerr << "kiosk: " << why << "; exiting with status " << App::kExitDisplayLost
              << " (kiosk.service starts the kiosk again once the display is back)\n";
    g_logs->flush();
  });
  if (std::string why; !platform::displayAvailable(why)) {
    std::cerr << "kiosk: " << why << "\n";
    return 2;
  }
  if (!options->script.empty()) {
    kiosk::VirtualClock clock;
    kiosk::CivilDate start = kiosk::SteadyClock().today();
    if (!options->date.empty()) std::sscanf(options->date.c_str(), "%d-%d-%d", &start.year, &start.month, &start.day);
    clock.setStartDate(start);
    App app(*options, clock);
    return runScriptFile(app, clock, options->script, options->screenshotDir);
  }
  // One kiosk per display (scripted runs, for tests and previews, may run side by side).
  const char* display = std::getenv("DISPLAY");
  if (std::string why; !platform::acquireInstanceLock(display ? display : "", why)) {
    std::cerr << "kiosk: " << why << "\n";
    return 3;
  } else if (!why.empty()) {
    std::cerr << "kiosk: " << why << "\n";
  }
  kiosk::SteadyClock clock;
  App app(*options, clock);
  return app.run();
}
