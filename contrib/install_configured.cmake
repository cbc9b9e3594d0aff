# Run by `cmake --install` (contrib/CMakeLists.txt): writes the service and the
# cron line with the paths of CMAKE_INSTALL_PREFIX, the prefix being installed
# to, and installs the settings file unless one is already there (it is the
# administrator's from then on).
set(_prefix "${CMAKE_INSTALL_PREFIX}")
# GNUInstallDirs' rule: the prefix /usr keeps its settings in /etc.
if(_prefix STREQUAL "/usr" OR _prefix STREQUAL "/")
  set(_sysconfdir "/etc")
else()
  set(_sysconfdir "${_prefix}/etc")
endif()
set(AKHBAR_BINARY "${_prefix}/${AKHBAR_INSTALL_BINDIR}/akhbar")
set(AKHBAR_ENV_FILE "${_sysconfdir}/default/akhbar-update")
set(AKHBAR_SYSUSERS_FILE "${_prefix}/${AKHBAR_SYSUSERS_DIR}/akhbar.conf")

function(_akhbar_write template destination)
  set(_path "$ENV{DESTDIR}${destination}")
  message(STATUS "Installing: ${_path}")
  configure_file("${AKHBAR_CONTRIB_DIR}/${template}" "${_path}" @ONLY)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${_path}")
  set(CMAKE_INSTALL_MANIFEST_FILES "${CMAKE_INSTALL_MANIFEST_FILES}" PARENT_SCOPE)
endfunction()

_akhbar_write(akhbar-update.service.in "${_prefix}/${AKHBAR_SYSTEMD_UNIT_DIR}/akhbar-update.service")
_akhbar_write(akhbar-update.cron.in "${_prefix}/${AKHBAR_INSTALL_DOCDIR}/examples/akhbar-update.cron")

set(_env "$ENV{DESTDIR}${AKHBAR_ENV_FILE}")
if(EXISTS "${_env}")
  message(STATUS "Keeping: ${_env}")
else()
  file(INSTALL "${AKHBAR_CONTRIB_DIR}/akhbar-update.env" DESTINATION "$ENV{DESTDIR}${_sysconfdir}/default"
       RENAME akhbar-update)
endif()
