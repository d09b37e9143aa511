// Other tools' GPU names -> ftcost GPU ids (docs/catalog.md#import-gpu-names).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "ftcost/load/catalog_import.hpp"

namespace ftcost {
namespace {

// A name that stands for one of several ftcost GPUs told apart by memory per GPU, the first
// being the one assumed when the file gives no memory.
struct NameFamily {
  std::string_view key;  ///< gpu_spelling_key of the name
  std::array<std::string_view, 2> ids;
};

// SkyPilot (A100 = 40 GB, A100-80GB; H100-MEGA is a3-megagpu's H100 SXM), gpuhunt (A100 + a
// gpu_memory column) and Vast ("A100 SXM4", "H100 SXM", "RTX PRO 6000 WS") spellings that ftcost's
// own names and aliases do not already match. Clouds rent the SXM boards unless a name says PCIe.
constexpr std::array<NameFamily, 16> kFamilies{{
    {"a100", {"a100-40gb-sxm", "a100-80gb-sxm"}},
    {"a100sxm", {"a100-40gb-sxm", "a100-80gb-sxm"}},
    {"a100sxm4", {"a100-40gb-sxm", "a100-80gb-sxm"}},
    {"a100pcie", {"a100-40gb-pcie", "a100-80gb-pcie"}},
    {"a10080gb", {"a100-80gb-sxm", ""}},
    {"a10080gbsxm", {"a100-80gb-sxm", ""}},
    {"a10080gbpcie", {"a100-80gb-pcie", ""}},
    {"h100", {"h100-sxm", "h100-nvl"}},
    {"h100mega", {"h100-sxm", ""}},
    {"h100sxm", {"h100-sxm", ""}},
    {"h200sxm", {"h200-sxm", ""}},
    {"gh200", {"gh200-96gb", "gh200-144gb"}},
    {"v100", {"v100-sxm2-16gb", "v100-sxm2-32gb"}},
    {"v10032gb", {"v100-sxm2-32gb", ""}},
    {"rtxpro6000ws", {"rtx-pro-6000-blackwell", ""}},
    {"rtxpro6000s", {"rtx-pro-6000-blackwell", ""}},
}};

const Gpu* find_id(std::string_view id, const std::vector<Gpu>& gpus) {
  const auto it = std::find_if(gpus.begin(), gpus.end(), [&](const Gpu& g) { return g.id == id; });
  return it == gpus.end() ? nullptr : &*it;
}

// The family member whose memory is closest to `memory_gb` (within a quarter), or the first.
std::optional<std::string> pick_by_memory(const NameFamily& family, std::optional<double> memory_gb,
                                          const std::vector<Gpu>& gpus) {
  const Gpu* best = find_id(family.ids[0], gpus);
  if (memory_gb && *memory_gb > 0) {
    double best_gap = std::numeric_limits<double>::infinity();
    best = nullptr;
    for (const std::string_view id : family.ids) {
      const Gpu* gpu = id.empty() ? nullptr : find_id(id, gpus);
      const double gap = gpu == nullptr ? std::numeric_limits<double>::infinity()
                                        : std::abs(gpu->memory_gb - *memory_gb);
      if (gap < best_gap && gap <= 0.25 * gpu->memory_gb) {
        best_gap = gap;
        best = gpu;
      }
    }
  }
  return best == nullptr ? std::nullopt : std::optional<std::string>(best->id);
}

}  // namespace

std::optional<std::string> imported_gpu_id(std::string_view name, std::optional<double> memory_gb,
                                           const std::vector<Gpu>& gpus) {
  const std::string key = gpu_spelling_key(name);
  if (key.empty()) {
    return std::nullopt;
  }
  for (const NameFamily& family : kFamilies) {
    if (family.key == key) {
      return pick_by_memory(family, memory_gb, gpus);
    }
  }
  for (const Gpu& gpu : gpus) {
    const auto keys = gpu_spelling_keys(gpu);
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
      // A stated memory that contradicts the name (an "L40S" with 24 GB) is not this GPU.
      if (memory_gb && *memory_gb > 0 &&
          std::abs(gpu.memory_gb - *memory_gb) > 0.25 * gpu.memory_gb) {
        return std::nullopt;
      }
      return gpu.id;
    }
  }
  return std::nullopt;
}

std::string imported_provider_id(std::string_view name) {
  std::string id;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    id += c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(byte));
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kRenamed{{
      {"lambdalabs", "lambda"},
      {"datacrunch", "verda"},
      {"vastai", "vast"},
      {"do", "digitalocean"},
      {"coreweave-cloud", "coreweave"},
      {"runpod", "runpod-secure"},
  }};
  for (const auto& [from, to] : kRenamed) {
    if (id == from) {
      return std::string(to);
    }
  }
  return id;
}

}  // namespace ftcost
