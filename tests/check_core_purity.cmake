# Layering check (STYLE.md A): src/core is pure (no I/O, no third-party libraries), and public
# headers never pull in heavy or I/O headers (nlohmann's json_fwd.hpp is allowed).
file(GLOB_RECURSE core_files "${ROOT}/src/core/*.cpp" "${ROOT}/src/core/*.hpp")
file(GLOB public_headers "${ROOT}/include/ftcost/*.hpp")
set(forbidden "nlohmann/|fmt/|CLI/|iostream|fstream|filesystem|cstdio")
foreach(file IN LISTS core_files public_headers)
  file(STRINGS "${file}" lines REGEX "#include [<\"](${forbidden})")
  list(FILTER lines EXCLUDE REGEX "json_fwd.hpp")
  if(lines)
    message(FATAL_ERROR "${file} must stay free of I/O and third-party headers but has: ${lines}")
  endif()
endforeach()
