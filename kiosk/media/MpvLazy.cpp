// libmpv, loaded when the first film needs it rather than when the kiosk starts.
//
// libmpv brings FFmpeg and about 170 other shared libraries: linked normally, the dynamic loader
// mapped and relocated all of them before main() on every start, about 100 ms of a quiet 2-core
// machine (`kiosk --version` took 130 ms) and far more on a loaded one, for content that may have
// no film at all. The kiosk calls the libmpv functions it uses (declared by <mpv/client.h> and
// <mpv/render.h>, as before) and this file defines each of them: the first call opens
// libmpv.so.2 with dlopen (on the worker that probes or opens a film, never in a frame: the
// player's core starts on a worker) and every call goes on to the real function.
//
// Without libmpv installed, mpv_create() returns null and mpvUnavailable() says why: validate
// names it once for the content's films (a machine's problem, not the films'), and the films
// show their posters.
#include "media/MpvLibrary.h"

#include <mpv/client.h>
#include <mpv/render.h>

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace {

struct MpvApi {
  void* lib = nullptr;
  std::string error;
#define KIOSK_MPV_FN(name) decltype(&::name) name = nullptr;
#include "media/MpvFunctions.inc"
#undef KIOSK_MPV_FN
};

const MpvApi& mpvApi() {
  static MpvApi a;
  static std::once_flag once;
  std::call_once(once, [] {
    // KIOSK_LIBMPV names another library to open (a libmpv built elsewhere; tests name one
    // that does not exist to see the kiosk without films).
    if (const char* given = std::getenv("KIOSK_LIBMPV"); given && *given)
      a.lib = ::dlopen(given, RTLD_NOW | RTLD_LOCAL);
    else
      for (const char* soname : {"libmpv.so.2", "libmpv.so.1", "libmpv.so"})
        if ((a.lib = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL))) break;
    if (!a.lib) {
      const char* why = ::dlerror();
      a.error = std::string("libmpv is not installed (") + (why ? why : "libmpv.so.2 not found") +
                "; apt-get install libmpv2)";
      return;
    }
    bool complete = true;
#define KIOSK_MPV_FN(name)                                                                                             \
  a.name = reinterpret_cast<decltype(&::name)>(::dlsym(a.lib, #name));                                                 \
  if (!a.name) {                                                                                                       \
    complete = false;                                                                                                  \
    a.error = "this libmpv has no " #name "; the kiosk needs libmpv 0.35 or later (libmpv2)";                          \
  }
#include "media/MpvFunctions.inc"
#undef KIOSK_MPV_FN
    if (!complete) { // none used: a partial library is no library
#define KIOSK_MPV_FN(name) a.name = nullptr;
#include "media/MpvFunctions.inc"
#undef KIOSK_MPV_FN
    }
  });
  return a;
}

} // namespace

const std::string& kiosk::media::mpvUnavailable() {
  return mpvApi().error;
}

extern "C" {

mpv_handle* mpv_create(void) {
  const MpvApi& a = mpvApi();
  return a.mpv_create ? a.mpv_create() : nullptr;
}

const char* mpv_error_string(int error) {
  const MpvApi& a = mpvApi();
  return a.mpv_error_string ? a.mpv_error_string(error) : a.error.c_str();
}

void mpv_free(void* data) {
  if (const MpvApi& a = mpvApi(); data && a.mpv_free) a.mpv_free(data);
}

void mpv_free_node_contents(mpv_node* node) {
  if (const MpvApi& a = mpvApi(); a.mpv_free_node_contents) a.mpv_free_node_contents(node);
}

// The rest take a handle or a render context, which only a loaded libmpv gives.
int mpv_initialize(mpv_handle* ctx) {
  return mpvApi().mpv_initialize(ctx);
}
void mpv_terminate_destroy(mpv_handle* ctx) {
  mpvApi().mpv_terminate_destroy(ctx);
}
int mpv_command(mpv_handle* ctx, const char** args) {
  return mpvApi().mpv_command(ctx, args);
}
int mpv_command_async(mpv_handle* ctx, uint64_t reply, const char** args) {
  return mpvApi().mpv_command_async(ctx, reply, args);
}
int mpv_get_property(mpv_handle* ctx, const char* name, mpv_format format, void* data) {
  return mpvApi().mpv_get_property(ctx, name, format, data);
}
char* mpv_get_property_string(mpv_handle* ctx, const char* name) {
  return mpvApi().mpv_get_property_string(ctx, name);
}
int mpv_set_option_string(mpv_handle* ctx, const char* name, const char* data) {
  return mpvApi().mpv_set_option_string(ctx, name, data);
}
int mpv_set_property_string(mpv_handle* ctx, const char* name, const char* data) {
  return mpvApi().mpv_set_property_string(ctx, name, data);
}
int mpv_set_property_async(mpv_handle* ctx, uint64_t reply, const char* name, mpv_format format, void* data) {
  return mpvApi().mpv_set_property_async(ctx, reply, name, format, data);
}
int mpv_observe_property(mpv_handle* ctx, uint64_t reply, const char* name, mpv_format format) {
  return mpvApi().mpv_observe_property(ctx, reply, name, format);
}
int mpv_hook_add(mpv_handle* ctx, uint64_t reply, const char* name, int priority) {
  return mpvApi().mpv_hook_add(ctx, reply, name, priority);
}
int mpv_hook_continue(mpv_handle* ctx, uint64_t id) {
  return mpvApi().mpv_hook_continue(ctx, id);
}
int mpv_request_log_messages(mpv_handle* ctx, const char* minLevel) {
  return mpvApi().mpv_request_log_messages(ctx, minLevel);
}
void mpv_set_wakeup_callback(mpv_handle* ctx, void (*cb)(void*), void* d) {
  mpvApi().mpv_set_wakeup_callback(ctx, cb, d);
}
mpv_event* mpv_wait_event(mpv_handle* ctx, double timeout) {
  return mpvApi().mpv_wait_event(ctx, timeout);
}

int mpv_render_context_create(mpv_render_context** res, mpv_handle* mpv, mpv_render_param* params) {
  return mpvApi().mpv_render_context_create(res, mpv, params);
}
void mpv_render_context_free(mpv_render_context* ctx) {
  mpvApi().mpv_render_context_free(ctx);
}
int mpv_render_context_render(mpv_render_context* ctx, mpv_render_param* params) {
  return mpvApi().mpv_render_context_render(ctx, params);
}
void mpv_render_context_report_swap(mpv_render_context* ctx) {
  mpvApi().mpv_render_context_report_swap(ctx);
}
void mpv_render_context_set_update_callback(mpv_render_context* ctx, mpv_render_update_fn cb, void* cbCtx) {
  mpvApi().mpv_render_context_set_update_callback(ctx, cb, cbCtx);
}
uint64_t mpv_render_context_update(mpv_render_context* ctx) {
  return mpvApi().mpv_render_context_update(ctx);
}

} // extern "C"
