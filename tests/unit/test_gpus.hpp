// The canonical GPU ids of data/gpus.json, for loader tests that must not depend on the GPU
// catalog's loader.
#pragma once

#include <string>
#include <vector>

namespace ftcost::test {

inline const std::vector<std::string>& known_gpu_ids() {
  static const std::vector<std::string> ids{"rtx-3090",
                                            "rtx-3090-ti",
                                            "rtx-4090",
                                            "rtx-5090",
                                            "rtx-a4000",
                                            "rtx-a5000",
                                            "rtx-a6000",
                                            "rtx-6000-ada",
                                            "rtx-pro-6000-blackwell",
                                            "l4",
                                            "l40",
                                            "l40s",
                                            "a10",
                                            "a10g",
                                            "t4",
                                            "v100-sxm2-16gb",
                                            "v100-sxm2-32gb",
                                            "v100-pcie-16gb",
                                            "v100-pcie-32gb",
                                            "a100-40gb-pcie",
                                            "a100-80gb-pcie",
                                            "a100-40gb-sxm",
                                            "a100-80gb-sxm",
                                            "h100-pcie",
                                            "h100-sxm",
                                            "h100-nvl",
                                            "h200-sxm",
                                            "gh200-96gb",
                                            "gh200-144gb",
                                            "b200",
                                            "mi250x",
                                            "mi300x",
                                            "mi325x"};
  return ids;
}

}  // namespace ftcost::test
