// libFuzzer target: the HuggingFace config.json reader.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ftcost::fuzz::hf_config(data, size);
  return 0;
}
