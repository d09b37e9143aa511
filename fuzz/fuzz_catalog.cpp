// libFuzzer target: the price catalog loader.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ftcost::fuzz::catalog(data, size);
  return 0;
}
