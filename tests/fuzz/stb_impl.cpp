// stb's implementations (from libstb-dev's headers), compiled into the fuzzer with its
// instrumentation, so coverage guides the fuzzer through the PNG, GIF and BMP decoders too.
// (The kiosk itself links Debian's libstb.)
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>
