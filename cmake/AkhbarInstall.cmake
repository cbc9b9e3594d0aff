# install: library, public headers, the akhbar command, a CMake package
# (find_package(akhbar) -> akhbar::akhbar) and a pkg-config file.
include(CMakePackageConfigHelpers)
set(AKHBAR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/akhbar)

install(TARGETS akhbar EXPORT akhbarTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The command finds the library beside it, wherever the prefix is: no
# ldconfig, no LD_LIBRARY_PATH.
set_target_properties(akhbar_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${AKHBAR_BINDIR_TO_LIBDIR}")
install(TARGETS akhbar_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/akhbar DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT akhbarTargets NAMESPACE akhbar:: DESTINATION ${AKHBAR_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/akhbarConfig.cmake.in
  ${PROJECT_BINARY_DIR}/akhbarConfig.cmake INSTALL_DESTINATION ${AKHBAR_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/akhbarConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/akhbarConfig.cmake ${PROJECT_BINARY_DIR}/akhbarConfigVersion.cmake
  DESTINATION ${AKHBAR_CMAKE_DIR})

# The .pc file locates the prefix relative to itself, so that an install
# with `cmake --install --prefix DIR` is usable where it lands.
file(RELATIVE_PATH AKHBAR_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" AKHBAR_PC_TO_PREFIX "${AKHBAR_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/akhbar.pc.in ${PROJECT_BINARY_DIR}/akhbar.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/akhbar.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The license, and what linking with Xapian (GPL-2.0-or-later) implies.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The data files (aliases, topics, samples) are installed by akhbar_add_data()
# where they are declared.

# The gazetteer and translations compiled at build time (analysis/resources).
install(FILES ${AKHBAR_BUILD_DATA_DIR}/gazetteer.tsv ${AKHBAR_BUILD_DATA_DIR}/translations.tsv
  DESTINATION ${AKHBAR_INSTALL_DATA_DIR})
