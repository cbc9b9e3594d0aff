# install: library, public headers, the akhbar command, a CMake package
# (find_package(akhbar) -> akhbar::akhbar) and a pkg-config file.
include(CMakePackageConfigHelpers)
set(AKHBAR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/akhbar)

install(TARGETS akhbar EXPORT akhbarTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
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

# The bundled sample corpus, so that `akhbar index` with no sources works
# after installation too.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/corpus/samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/akhbar/samples)

# The alias groups and topic lexicon that analysis::Lexicon::shared() reads.
install(FILES ${PROJECT_SOURCE_DIR}/analysis/data/aliases.txt ${PROJECT_SOURCE_DIR}/analysis/data/topics.txt
  DESTINATION ${CMAKE_INSTALL_DATADIR}/akhbar)

# The gazetteer and translations compiled at build time (analysis/resources).
install(FILES ${AKHBAR_BUILD_DATA_DIR}/gazetteer.tsv ${AKHBAR_BUILD_DATA_DIR}/translations.tsv
  DESTINATION ${CMAKE_INSTALL_DATADIR}/akhbar)
