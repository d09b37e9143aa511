// libFuzzer target: the Axolotl config reader (--from-config).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ftcost::fuzz::axolotl_config(data, size);
  return 0;
}
