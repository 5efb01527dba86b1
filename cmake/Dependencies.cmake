# Every dependency is a Debian 12 package found here, once, for all targets.
find_package(Threads REQUIRED)
find_package(fmt CONFIG REQUIRED)            # libfmt-dev
find_package(simdjson CONFIG REQUIRED)       # libsimdjson-dev
find_package(nlohmann_json CONFIG REQUIRED)  # nlohmann-json3-dev (tests, bench)
find_package(CLI11 CONFIG REQUIRED)          # libcli11-dev
find_package(absl CONFIG REQUIRED)           # libabsl-dev (flat hash tables of the key stage)
# Debian's RE2 ships only re2.pc; newer RE2 ships a CMake config. Take either.
find_package(re2 CONFIG QUIET)
if(NOT TARGET re2::re2)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET GLOBAL re2)
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()
# btparse (libbtparse-dev) reads --library .bib files; Debian ships neither a
# CMake config nor a .pc file for it, so it is found by header and library.
find_path(BTPARSE_INCLUDE_DIR btparse.h REQUIRED)
find_library(BTPARSE_LIBRARY btparse REQUIRED)
add_library(btparse::btparse UNKNOWN IMPORTED)
set_target_properties(btparse::btparse PROPERTIES
  IMPORTED_LOCATION "${BTPARSE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${BTPARSE_INCLUDE_DIR}")
