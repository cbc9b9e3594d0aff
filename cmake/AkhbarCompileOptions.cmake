# Per-target compile settings: the project never sets directory-wide flags.
function(akhbar_set_compile_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(AKHBAR_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(AKHBAR_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# An OBJECT library for one folder of the engine, aliased as akhbar::<name>.
# Its objects are gathered into the single installable library (AkhbarLibrary).
function(akhbar_add_component name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(akhbar_${name} OBJECT ${ARG_SOURCES})
  add_library(akhbar::${name} ALIAS akhbar_${name})
  set_target_properties(akhbar_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(akhbar_${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(akhbar_${name} PRIVATE ${ARG_DEPENDS})
  akhbar_set_compile_options(akhbar_${name})
  set_property(GLOBAL APPEND PROPERTY AKHBAR_COMPONENTS akhbar_${name})
endfunction()
