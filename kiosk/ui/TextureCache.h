#pragma once
// GPU textures for content pictures, keyed by (file, display size). Decoding happens on media's
// workers (with the disk cache); this class uploads finished pictures on the main thread within a
// time slice per frame, so no frame waits on a large upload.
//
// A large picture is held as horizontal strips, each its own texture of at most kStripBytes
// (plus a row of its neighbours above and below, so filtering across a seam samples the right
// rows). A texture's storage is allocated by the driver when it is created, and on a software
// renderer that is the slow part (about 2.5 ms a megabyte on llvmpipe in a VM, where every new
// page faults): one 10 MB texture is a 25 ms frame, a 256 KiB strip about 1 ms. Strips of
// pictures that leave are kept for the next picture of the same width (the attract loop's
// covers), so the steady loop allocates nothing.
//
// Textures are held within a byte budget. Past it, the least recently used go first, and a
// picture drawn this frame or the last is never evicted. Prefetch asks for what the visitor will
// likely see next at low priority; a request nobody asks for any more is cancelled.
#include "core/Content.h"
#include "core/Diagnostic.h"
#include "media/ImageLoader.h"
#include "ui/GpuTextures.h"

#include <imgui.h>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::ui {

class TextureCache {
public:
  enum class State { Pending, Ready, Failed };

  // What to draw for a picture: a texture (maybe another size of the same picture while the
  // right one decodes), or nothing yet / a failure for the placeholder.
  // One strip of a picture: picture rows [top, top + rows) drawn from a texture that holds rows
  // [held, held + heldRows) (a row more each side where there is one).
  struct Strip {
    ImTextureID texture = nullptr;
    int top = 0, rows = 0, held = 0, heldRows = 0;
  };
  struct View {
    View() = default;
    View(State s, ImTextureID t = nullptr, int w = 0, int h = 0) : state(s), texture(t), width(w), height(h) {}
    State state = State::Pending;
    ImTextureID texture = nullptr; // the picture's (first) texture
    // More than one strip: draw them all (ScreensDraw's addPicture); empty for one texture.
    int width = 0;
    int height = 0;
    std::span<const Strip> strips;
    bool opaque = false; // every pixel's alpha is 255 (a JPEG, a film): may be drawn without blending
  };
  static constexpr std::size_t kStripBytes = 256u << 10;
  // How a w x h picture decoded for `box` is cut: strips of at most kStripBytes (at least 16
  // rows), with a seam wherever the box's visible part starts and ends (a Cover picture's
  // middle), so a rounded corner never falls on a thin piece of strip.
  static std::vector<Strip> planStrips(int w, int h, media::DisplaySize box, std::size_t maxBytes = kStripBytes);

  struct Options {
    std::uintmax_t budgetBytes = 256u << 20;
    unsigned workers = 2;
    // Prefetches decoded below the frame loop's priority (nice 10). Off in scripted runs: there
    // frames run back to back on a virtual clock, and a starved prefetch only makes them wait.
    bool prefetchBelowFrames = true;
    std::shared_ptr<media::DiskCache> diskCache; // may be null
    media::DecodeLimits limits;
    std::shared_ptr<GpuTextures> gpu; // null: OpenGL
    std::size_t stripBytes = kStripBytes; // 0: every picture one texture (to compare against)
  };

  // The default budget for a screen: room for about 32 screen-sized pictures, at least 128 MiB
  // (256 MiB at 1080p, 1 GiB at 4K). With a software renderer (llvmpipe) a texture is the
  // process's own memory, not the graphics card's: room for about 10, at least 64 MiB (96 MiB at
  // 1080p, 320 MiB at 4K), as a browser keeps only the pictures it is about to show.
  static std::uintmax_t defaultBudget(unsigned screenWidth, unsigned screenHeight, bool softwareRenderer = false);
  // Whether OpenGL's GL_RENDERER string names a renderer that draws on the CPU (Mesa's llvmpipe,
  // softpipe, swrast, OpenSWR).
  static bool isSoftwareRenderer(std::string_view glRenderer);

  explicit TextureCache(Options options);
  ~TextureCache(); // deletes textures: with OpenGL, the context must be current
  TextureCache(const TextureCache&) = delete;
  TextureCache& operator=(const TextureCache&) = delete;

  // Starts a frame: evicts over the budget, cancels requests nobody asked for last frame.
  void beginFrame();
  // The picture as it should be drawn in `box` (pixels) this frame; requests it the first time.
  View get(const ImageRef& image, media::DisplaySize box);
  // What get() would give now, without asking for anything.
  View peek(const ImageRef& image, media::DisplaySize box) const;
  // Asks for a picture the visitor will likely see next, decoded after everything on screen.
  void prefetch(const ImageRef& image, media::DisplaySize box);
  // Uploads finished decodes, spending at most `budgetMs` milliseconds: a strip is started
  // only when its expected cost (measured on the strips before it) still fits, and at least one
  // a frame. Returns the strips uploaded.
  size_t pump(double budgetMs);
  // Between frames, when the next is not due for a while (a paced loop sleeps most of each
  // interval): makes the textures of strips still to upload, spending about `budgetMs`, so the
  // frames' slices only copy rows. On llvmpipe making a 256 KiB strip (the driver zero-fills
  // new memory) took 0.8-5 ms against 0.04 ms for its rows. Returns the textures made.
  size_t createAhead(double budgetMs);
  // Whether the frame loop calls createAhead between frames now (a paced loop does; frames at
  // the display's rate and scripted runs do not): only then does pump leave a prefetched
  // picture's strips to it, and a frame's slice copies rows only.
  void setCreatesAhead(bool on) { m_createsAhead = on; }
  // Decodes requested but not yet uploaded.
  size_t pending() const;
  // Of those, the pictures asked for on screen (get), not only prefetched, still decoding or
  // uploading: what a screen waits for, and the frame loop keeps the display's rate for.
  size_t pendingOnScreen() const;
  // Failures since the last call, as staff diagnostics (once per file and content version).
  std::vector<Diagnostic> takeDiagnostics();
  // New content: keeps textures of pictures it still shows unchanged (same size and time of
  // change), so a reload does not flash placeholders; forgets the rest and every failure, so a
  // picture staff fixed is tried again.
  void retain(const Content& content) { retain(wantedBy(content)); }
  // What a snapshot shows, by file and by the name staff know it by (pointing into the
  // snapshot, which must outlive it): built on the load's worker, since at 20,000 pictures it
  // is a frame's worth of work, so that retain() on the frame loop walks only the textures held.
  struct Wanted {
    std::unordered_map<std::string_view, const ImageRef*> byFile, byName;
  };
  static Wanted wantedBy(const Content& content);
  void retain(const Wanted& wanted);

  struct Stats {
    std::uintmax_t residentBytes = 0, budgetBytes = 0, peakResidentBytes = 0;
    size_t textures = 0, evictions = 0, cancelled = 0, decoded = 0, fromDiskCache = 0;
    double worstPumpMs = 0;       // the longest pump since start
    double worstSliceMs = 0;      // the longest single strip (created or reused, and uploaded)
    std::uintmax_t spareBytes = 0; // strips kept for reuse (within the budget)
    size_t stripsCreated = 0, stripsReused = 0;
    size_t stripsMadeAhead = 0;   // of those created, made between frames (createAhead)
    double lastUploadFrames = 0;  // frames the last picture's upload was spread over
    std::uint64_t readyDraws = 0; // pictures drawn (not placeholders), counted per frame
    std::uint64_t bands = 0;      // strips uploaded
  };
  Stats stats() const;

private:
  struct Entry {
    std::string file;
    media::DisplaySize box;
    State state = State::Pending;
    std::vector<Strip> strips; // planned when its decode arrives; a texture each once uploaded
    int width = 0, height = 0;
    bool opaque = false;
    std::string error;
    std::string displayPath;
    std::uintmax_t bytes = 0; // the file as it was when requested
    std::filesystem::file_time_type modified{};
    std::uint64_t ticket = 0;
    bool prefetchOnly = true;
    std::uint64_t lastDrawn = 0, lastWanted = 0; // frame numbers
    // While uploading: the pixels and how many strips are on the GPU.
    std::vector<std::uint8_t> pixels;
    size_t stripsUploaded = 0;
    std::uint64_t uploadStartFrame = 0;
  };

  Entry& request(const ImageRef& image, media::DisplaySize box, media::Priority priority);
  static std::string key(const std::string& file, const media::DisplaySize& box);
  void release(Entry& e);
  void evict();
  bool uploadStrip(Entry& e, std::string& error);
  bool makeStripTexture(Entry& e, Strip& st, std::string& error);
  unsigned takeTexture(int w, int h, bool& reused, std::string& error);
  void giveBack(unsigned texture, int w, int h);
  View viewOf(const Entry& e) const;
  template <class Entries> static auto* standIn(Entries& entries, const std::string& file);
  void fail(Entry& e, std::string error);

  Options m_options;
  media::ImageLoader m_loader;
  std::map<std::string, Entry> m_entries;
  std::deque<std::string> m_uploads; // keys of entries being uploaded, in order
  bool m_createsAhead = false;
  std::uint64_t m_frame = 2;
  std::uint64_t m_nextTicket = 1;
  std::set<std::string> m_reported;
  std::multimap<std::pair<int, int>, unsigned> m_spare; // (w, h) -> texture
  double m_createMsPerMiB = 2.5, m_uploadMsPerMiB = 0.2; // measured as strips go (first guesses)
  std::vector<Diagnostic> m_diagnostics;
  Stats m_stats;
};

} // namespace kiosk::ui
