// A check for fuzz targets: a broken promise must stop the run with a
// message, like a sanitizer finding, whatever the build type (no assert()).
#pragma once

#include <cstdio>
#include <cstdlib>

#define AKHBAR_FUZZ_CHECK(condition)                                                  \
  do {                                                                                \
    if (!(condition)) {                                                               \
      std::fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (false)
