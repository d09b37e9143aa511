#!/usr/bin/env bash
# One entry point for a fresh Debian machine: installs missing build dependencies, builds, then
#   scripts/dev.sh run ARGS...  builds the release binary and runs `ftcost ARGS...`
#   scripts/dev.sh test         builds with warnings as errors and runs the whole test suite
#   scripts/dev.sh asan         the test suite under AddressSanitizer + UBSan
#   scripts/dev.sh tidy         builds every target with clang-tidy (.clang-tidy), findings as errors
set -euo pipefail
cd "$(dirname "$0")/.."

# libxml2-utils: xmllint, which the html report tests need (tests/check_html.cmake).
# rapidjson-dev: the SAX reader of large catalogs (src/load/catalog_offers_fast.cpp).
packages=(g++ cmake make libcli11-dev nlohmann-json3-dev libfmt-dev catch2 libcsv-dev libyaml-cpp-dev
  rapidjson-dev clang-format clang-tidy libxml2-utils)
install_missing() {
  local missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "dev.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
}

jobs=$(nproc)
case "${1:-}" in
  run)
    shift
    install_missing
    # Build output stays off stdout so `dev.sh run ... --format json | jq` works; progress goes to stderr.
    [ -x build/release/src/ftcost ] || echo "dev.sh: first build of ftcost (about 10 minutes on 2 cores)..." >&2
    cmake --preset release >/dev/null
    cmake --build --preset release -j "$jobs" --target ftcost >&2
    exec build/release/src/ftcost "$@"
    ;;
  test)
    install_missing
    cmake --preset ci
    cmake --build --preset ci -j "$jobs"
    ctest --preset ci -j "$jobs"
    ;;
  asan)
    install_missing
    cmake --preset asan
    cmake --build --preset asan -j "$jobs"
    ctest --preset asan -j "$jobs"
    ;;
  tidy)
    install_missing
    cmake --preset tidy
    cmake --build --preset tidy -j "$jobs"
    ;;
  *)
    echo "usage: scripts/dev.sh run ARGS... | test | asan | tidy" >&2
    exit 2
    ;;
esac
