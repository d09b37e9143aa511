// libFuzzer target: the gpuhunt catalog importer (--catalog-add).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ftcost::fuzz::gpuhunt_csv(data, size);
  return 0;
}
