// The name tables of docs/launch.md#names: SkyPilot clouds and accelerator names, dstack backends
// and GPU names, for the providers and GPUs of ftcost's catalog.
#include "engine_names.hpp"

#include <array>
#include <utility>

namespace ftcost::render::launch {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// SkyPilot clouds (sky/clouds): both RunPod tiers are the one `runpod` cloud.
constexpr std::array<Pair, 9> kSkypilotClouds{{{"aws", "aws"},
                                               {"gcp", "gcp"},
                                               {"azure", "azure"},
                                               {"lambda", "lambda"},
                                               {"runpod-community", "runpod"},
                                               {"runpod-secure", "runpod"},
                                               {"vast", "vast"},
                                               {"paperspace", "paperspace"},
                                               {"fluidstack", "fluidstack"}}};

// dstack backends (src/dstack/_internal/core/models/backends).
constexpr std::array<Pair, 8> kDstackBackends{{{"aws", "aws"},
                                               {"gcp", "gcp"},
                                               {"azure", "azure"},
                                               {"lambda", "lambda"},
                                               {"runpod-community", "runpod"},
                                               {"runpod-secure", "runpod"},
                                               {"vast", "vastai"},
                                               {"tensordock", "tensordock"}}};

// SkyPilot accelerator names as its catalogs' AcceleratorName column spells them.
constexpr std::array<Pair, 27> kSkypilotAccelerators{{{"rtx-3090", "RTX3090"},
                                                      {"rtx-4090", "RTX4090"},
                                                      {"rtx-5090", "RTX5090"},
                                                      {"rtx-a4000", "RTXA4000"},
                                                      {"rtx-a5000", "RTXA5000"},
                                                      {"rtx-a6000", "RTXA6000"},
                                                      {"rtx-6000-ada", "RTX6000-Ada"},
                                                      {"l4", "L4"},
                                                      {"l40", "L40"},
                                                      {"l40s", "L40S"},
                                                      {"a10", "A10"},
                                                      {"a10g", "A10G"},
                                                      {"t4", "T4"},
                                                      {"v100-sxm2-16gb", "V100"},
                                                      {"v100-pcie-16gb", "V100"},
                                                      {"v100-sxm2-32gb", "V100-32GB"},
                                                      {"v100-pcie-32gb", "V100-32GB"},
                                                      {"a100-40gb-pcie", "A100"},
                                                      {"a100-40gb-sxm", "A100"},
                                                      {"a100-80gb-pcie", "A100-80GB"},
                                                      {"a100-80gb-sxm", "A100-80GB"},
                                                      {"h100-sxm", "H100"},
                                                      {"h100-pcie", "H100"},
                                                      {"h200-sxm", "H200"},
                                                      {"gh200-96gb", "GH200"},
                                                      {"b200", "B200"},
                                                      {"mi300x", "MI300X"}}};

// dstack/gpuhunt GPU names (the memory is given beside the name in the gpu spec).
constexpr std::array<Pair, 22> kDstackGpus{{{"rtx-3090", "RTX3090"},
                                            {"rtx-4090", "RTX4090"},
                                            {"rtx-5090", "RTX5090"},
                                            {"rtx-a4000", "A4000"},
                                            {"rtx-a5000", "A5000"},
                                            {"rtx-a6000", "A6000"},
                                            {"rtx-6000-ada", "RTX6000Ada"},
                                            {"l4", "L4"},
                                            {"l40", "L40"},
                                            {"l40s", "L40S"},
                                            {"a10", "A10"},
                                            {"a10g", "A10G"},
                                            {"t4", "T4"},
                                            {"a100-40gb-pcie", "A100"},
                                            {"a100-40gb-sxm", "A100"},
                                            {"a100-80gb-pcie", "A100"},
                                            {"a100-80gb-sxm", "A100"},
                                            {"h100-sxm", "H100"},
                                            {"h100-pcie", "H100"},
                                            {"h100-nvl", "H100NVL"},
                                            {"h200-sxm", "H200"},
                                            {"mi300x", "MI300X"}}};

}  // namespace

std::optional<std::string> skypilot_cloud(std::string_view provider) {
  return lookup(provider, kSkypilotClouds);
}

std::optional<std::string> dstack_backend(std::string_view provider) {
  return lookup(provider, kDstackBackends);
}

std::optional<std::string> skypilot_accelerator(std::string_view gpu) {
  return lookup(gpu, kSkypilotAccelerators);
}

std::optional<std::string> dstack_gpu_name(std::string_view gpu) {
  return lookup(gpu, kDstackGpus);
}

}  // namespace ftcost::render::launch
