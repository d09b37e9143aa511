# Script mode: turns a data file into a .cpp holding its bytes, so the default data ships inside the binary.
# Usage: cmake -DINPUT=data/x.json -DOUTPUT=gen/x.cpp -DSYMBOL=default_x_json -P EmbedFile.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${name} by cmake/EmbedFile.cmake; do not edit.\n"
  "#include \"ftcost/load/defaults.hpp\"\n\n"
  "namespace ftcost::embedded {\nnamespace {\n"
  "constexpr unsigned char kBytes[] = {${bytes}0x00};\n}  // namespace\n\n"
  "std::string_view ${SYMBOL}() noexcept {\n"
  "  return {reinterpret_cast<const char*>(kBytes), sizeof(kBytes) - 1};\n}\n"
  "}  // namespace ftcost::embedded\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
