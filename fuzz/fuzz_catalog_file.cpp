// libFuzzer target: the catalog file reader's fast path against the checked reader.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ftcost::fuzz::catalog_file(data, size);
  return 0;
}
