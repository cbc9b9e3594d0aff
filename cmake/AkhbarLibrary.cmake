# The installable library: one shared object made of every component's
# objects. Consumers see only include/akhbar; Xapian, ICU and zstd are private.
get_property(_components GLOBAL PROPERTY AKHBAR_COMPONENTS)
add_library(akhbar SHARED)
add_library(akhbar::akhbar ALIAS akhbar)
foreach(_c IN LISTS _components)
  target_sources(akhbar PRIVATE $<TARGET_OBJECTS:${_c}>)
endforeach()
target_include_directories(akhbar PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(akhbar PRIVATE akhbar::xapian ICU::uc ICU::i18n zstd::libzstd_shared Threads::Threads
  ${CMAKE_DL_LIBS})  # dladdr(), to find the data beside the library
akhbar_set_compile_options(akhbar)
set_target_properties(akhbar PROPERTIES
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
  EXPORT_NAME akhbar LINKER_LANGUAGE CXX
  # Where it will be installed, relative to the data (AkhbarLayout.cmake).
  LIBRARY_OUTPUT_DIRECTORY ${AKHBAR_BUILD_LIB_DIR})
