# Finds akhbar's dependencies (Debian 12 packages) and presents each as an
# imported target, so the rest of the build never touches raw variables.
#
#   akhbar::xapian   libxapian-dev   (its CMake config only sets variables)
#   ICU::uc ICU::i18n libicu-dev
#   zstd::libzstd_shared            libzstd-dev
#   CLI11::CLI11     libcli11-dev    (command line only)
#   ZLIB::ZLIB       zlib1g-dev      (the resource builder reads dictd's .dict.dz)

find_package(xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET akhbar::xapian)
  add_library(akhbar::xapian INTERFACE IMPORTED)
  set_target_properties(akhbar::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(zstd REQUIRED CONFIG)
find_package(CLI11 2.1 REQUIRED CONFIG)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
