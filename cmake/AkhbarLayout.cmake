# Where akhbar's files go, in the build tree and once installed, and the one
# rule that links them: the library finds its data at a path relative to its
# own directory (include/akhbar/data_files.h). The build tree mirrors the
# install layout, so that rule holds before installing, after installing and
# after the installed prefix is moved.
#
#   AKHBAR_BUILD_LIB_DIR       the build tree's <libdir>: libakhbar.so
#   AKHBAR_BUILD_DATA_DIR      the build tree's <datadir>/akhbar: data staged here
#   AKHBAR_INSTALL_DATA_DIR    <datadir>/akhbar, relative to the prefix
#   AKHBAR_LIBDIR_TO_DATADIR   the relative path from <libdir> to <datadir>/akhbar
#   AKHBAR_BINDIR_TO_LIBDIR    the relative path from <bindir> to <libdir> (the command's RUNPATH)
#
# akhbar_add_data(<file or folder>...): a shipped data file or folder, given
# relative to the calling CMakeLists.txt, is staged in the build tree (as a
# symbolic link, so edits apply at once) and installed under
# AKHBAR_INSTALL_DATA_DIR with its own name. A resource generated at build
# time is written into AKHBAR_BUILD_DATA_DIR by its rule and installed with
# install(FILES ... DESTINATION ${AKHBAR_INSTALL_DATA_DIR}).

foreach(_dir LIBDIR DATADIR BINDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_dir}}")
    message(FATAL_ERROR "akhbar finds its data and library relative to its own files: "
                        "CMAKE_INSTALL_${_dir} must be relative to the prefix, not ${CMAKE_INSTALL_${_dir}}")
  endif()
endforeach()

set(AKHBAR_INSTALL_DATA_DIR ${CMAKE_INSTALL_DATADIR}/akhbar)
set(AKHBAR_BUILD_LIB_DIR ${PROJECT_BINARY_DIR}/${CMAKE_INSTALL_LIBDIR})
set(AKHBAR_BUILD_DATA_DIR ${PROJECT_BINARY_DIR}/${AKHBAR_INSTALL_DATA_DIR})
# Relative paths between install directories do not depend on the prefix:
# computed under a made-up one.
file(RELATIVE_PATH AKHBAR_LIBDIR_TO_DATADIR /prefix/${CMAKE_INSTALL_LIBDIR} /prefix/${AKHBAR_INSTALL_DATA_DIR})
file(RELATIVE_PATH AKHBAR_BINDIR_TO_LIBDIR /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${CMAKE_INSTALL_LIBDIR})

file(MAKE_DIRECTORY ${AKHBAR_BUILD_DATA_DIR})

function(akhbar_add_data)
  foreach(_item IN LISTS ARGN)
    get_filename_component(_source ${_item} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    get_filename_component(_name ${_source} NAME)
    if(NOT EXISTS ${_source})
      message(FATAL_ERROR "akhbar_add_data: ${_source} does not exist")
    endif()
    file(REMOVE_RECURSE ${AKHBAR_BUILD_DATA_DIR}/${_name})
    file(CREATE_LINK ${_source} ${AKHBAR_BUILD_DATA_DIR}/${_name} SYMBOLIC)
    if(AKHBAR_INSTALL)
      if(IS_DIRECTORY ${_source})
        install(DIRECTORY ${_source}/ DESTINATION ${AKHBAR_INSTALL_DATA_DIR}/${_name})
      else()
        install(FILES ${_source} DESTINATION ${AKHBAR_INSTALL_DATA_DIR})
      endif()
    endif()
  endforeach()
endfunction()
