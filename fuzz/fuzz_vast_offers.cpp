// libFuzzer target: the vast catalog importer (--catalog-add).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ftcost::fuzz::vast_offers(data, size);
  return 0;
}
