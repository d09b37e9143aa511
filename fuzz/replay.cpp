// Replays a fuzz corpus through a target in a normal build, so CI re-checks every saved input.
// Usage: fuzz_replay
// catalog|catalog_file|hf_config|axolotl_config|skypilot_csv|gpuhunt_csv|vast_offers DIR...
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_targets.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fuzz_replay "
                 "catalog|catalog_file|hf_config|axolotl_config|skypilot_csv|gpuhunt_csv|"
                 "vast_offers DIR...\n";
    return 2;
  }
  const std::string target = argv[1];
  auto* body = target == "catalog"          ? &ftcost::fuzz::catalog
               : target == "catalog_file"   ? &ftcost::fuzz::catalog_file
               : target == "hf_config"      ? &ftcost::fuzz::hf_config
               : target == "axolotl_config" ? &ftcost::fuzz::axolotl_config
               : target == "skypilot_csv"   ? &ftcost::fuzz::skypilot_csv
               : target == "gpuhunt_csv"    ? &ftcost::fuzz::gpuhunt_csv
               : target == "vast_offers"    ? &ftcost::fuzz::vast_offers
                                            : nullptr;
  if (body == nullptr) {
    std::cerr << "fuzz_replay: unknown target '" << target << "'\n";
    return 2;
  }
  std::size_t replayed = 0;
  for (int i = 2; i < argc; ++i) {
    for (const auto& entry : std::filesystem::directory_iterator(argv[i])) {
      std::ifstream in(entry.path(), std::ios::binary);
      const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
      body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::cout << "fuzz_replay: " << replayed << " inputs through " << target << '\n';
  return replayed > 0 ? 0 : 1;
}
