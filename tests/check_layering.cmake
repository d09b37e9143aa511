# Layering check (STYLE.md A, docs/design.md#the-rooms):
# - the core (src/core and its public headers) is pure: no I/O, no third-party libraries, and no
#   loading or rendering header;
# - no public header pulls in heavy or I/O headers (nlohmann's json_fwd.hpp is allowed);
# - the executable (src/cli) includes only public ftcost/ headers and its own files in src/cli.
set(core_rooms base model setup gpu memory duration catalog plan)
file(GLOB_RECURSE core_files "${ROOT}/src/core/*.cpp" "${ROOT}/src/core/*.hpp")
foreach(room IN LISTS core_rooms)
  file(GLOB_RECURSE room_headers "${ROOT}/include/ftcost/${room}/*.hpp")
  list(APPEND core_files ${room_headers})
endforeach()
file(GLOB_RECURSE public_headers "${ROOT}/include/ftcost/*.hpp")
file(GLOB loose_headers "${ROOT}/include/ftcost/*.hpp")
if(loose_headers)
  message(FATAL_ERROR "public headers belong in a room (include/ftcost/<room>/): ${loose_headers}")
endif()
# Fails when a file of `files` has an #include matching `include_regex` and not `allowed_regex`.
function(forbid_includes files include_regex allowed_regex why)
  foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "${include_regex}")
    if(allowed_regex)
      list(FILTER lines EXCLUDE REGEX "${allowed_regex}")
    endif()
    if(lines)
      message(FATAL_ERROR "${file} ${why}: ${lines}")
    endif()
  endforeach()
endfunction()

forbid_includes("${core_files};${public_headers}"
  "#include [<\"](nlohmann/|fmt/|CLI/|iostream|fstream|filesystem|cstdio)" "json_fwd.hpp"
  "must stay free of I/O and third-party headers but has")
forbid_includes("${core_files}" "#include \"ftcost/(load|render)/" ""
  "is core and must not include loading or rendering")
file(GLOB cli_files "${ROOT}/src/cli/*.cpp" "${ROOT}/src/cli/*.hpp")
forbid_includes("${cli_files}" "#include \"" "#include \"(ftcost/[a-z_/]+|[a-z_]+)\\.hpp\""
  "may include only ftcost/ headers and src/cli files")
