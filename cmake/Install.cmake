# cmake --install: the binary, the public headers and a package config so that
# another project can find_package(citex) and link citex::extractor/formats.
include(CMakePackageConfigHelpers)
install(TARGETS citex RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS citex_extractor citex_formats EXPORT citexTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/citex)
# Headers keep their folders: extractor/read/input.h includes as it does here.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/extractor ${PROJECT_SOURCE_DIR}/formats
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/citex FILES_MATCHING PATTERN "*.h")
install(EXPORT citexTargets NAMESPACE citex:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/citex)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/citexConfig.cmake.in
  ${PROJECT_BINARY_DIR}/citexConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/citex)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/citexConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/citexConfig.cmake ${PROJECT_BINARY_DIR}/citexConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/citex)
