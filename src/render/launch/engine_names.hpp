// How SkyPilot and dstack name ftcost's providers and GPUs (docs/launch.md#names).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace ftcost::render::launch {

/// The value `key` maps to in a table of (key, value) pairs, or nullopt: the one lookup every
/// name table of the launch writers uses.
template <class Table>
[[nodiscard]] std::optional<std::string> lookup(std::string_view key, const Table& table) {
  for (const auto& [from, to] : table) {
    if (from == key) {
      return std::string(to);
    }
  }
  return std::nullopt;
}

/// SkyPilot's cloud for a catalog provider id ("vast" -> "vast"), or nullopt when SkyPilot has
/// no such cloud.
[[nodiscard]] std::optional<std::string> skypilot_cloud(std::string_view provider);

/// dstack's backend for a catalog provider id ("vast" -> "vastai"), or nullopt.
[[nodiscard]] std::optional<std::string> dstack_backend(std::string_view provider);

/// SkyPilot's accelerator name for a canonical GPU id ("a100-80gb-sxm" -> "A100-80GB"), or
/// nullopt.
[[nodiscard]] std::optional<std::string> skypilot_accelerator(std::string_view gpu);

/// dstack's GPU name for a canonical GPU id ("rtx-4090" -> "RTX4090"); the memory goes beside it
/// in the gpu spec. nullopt when there is none.
[[nodiscard]] std::optional<std::string> dstack_gpu_name(std::string_view gpu);

/// The offer's region when it is a cloud region id both engines accept ("us-east-1",
/// "europe-west4"): lowercase letters, digits and '-'. Marketplace places ("Texas, US") and
/// empty regions give "" (the engine then picks any region).
[[nodiscard]] inline std::string engine_region(std::string_view region) {
  const bool id = !region.empty() && std::all_of(region.begin(), region.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  return id ? std::string(region) : std::string();
}

}  // namespace ftcost::render::launch
