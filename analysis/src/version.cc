// The library's release string, from the CMake project version.
#include "akhbar/version.h"

namespace akhbar {

const char* version_string() noexcept { return AKHBAR_VERSION_STRING; }

}  // namespace akhbar
