// Resolving what users type for a GPU ("4090", "RTX 4090", "a100") to one catalog entry.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "ftcost/base/error.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/gpu/gpu.hpp"

namespace ftcost {
namespace {

// Brand words people add or drop freely; removing them lets "NVIDIA GeForce RTX 4090" and
// "rtx 4090" meet. Only leading words are removed, so "a100-sxm4" keeps its form factor.
constexpr std::array<std::string_view, 6> kBrandWords{"nvidia", "geforce", "tesla",
                                                      "quadro", "amd",     "instinct"};

std::string alnum_lower(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) {
      out += static_cast<char>(std::tolower(byte));
    }
  }
  return out;
}

std::string canonical_list(const std::vector<Gpu>& gpus) {
  std::vector<std::string> ids;
  ids.reserve(gpus.size());
  for (const Gpu& gpu : gpus) {
    ids.push_back(gpu.id);
  }
  return join_names(ids);
}

// Every spelling users could mean, for "did you mean" (ids first so they win ties).
std::vector<std::string> known_spellings(const std::vector<Gpu>& gpus) {
  std::vector<std::string> known;
  known.reserve(gpus.size() * 2);
  for (const Gpu& gpu : gpus) {
    known.push_back(gpu.id);
  }
  for (const Gpu& gpu : gpus) {
    known.insert(known.end(), gpu.aliases.begin(), gpu.aliases.end());
    for (const AmbiguousAlias& alias : gpu.default_for) {
      known.push_back(alias.alias);
    }
  }
  return known;
}

Assumption ambiguous_assumption(std::string_view spelling, const Gpu& gpu,
                                const AmbiguousAlias& alias) {
  return {.text = "GPU '" + std::string(spelling) + "' could be " + join_names(alias.variants) +
                  "; assumed " + gpu.id + " (" + gpu.name + ") because " + alias.why +
                  " (name the variant to choose another)",
          .source = "docs/gpus.md#spellings"};
}

}  // namespace

std::string gpu_spelling_key(std::string_view spelling) {
  std::string key = alnum_lower(spelling);
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (const std::string_view word : kBrandWords) {
      if (key.size() > word.size() && key.starts_with(word)) {
        key.erase(0, word.size());
        stripped = true;
      }
    }
  }
  return key;
}

std::vector<std::string> gpu_spelling_keys(const Gpu& gpu) {
  std::vector<std::string> keys{gpu_spelling_key(gpu.id), gpu_spelling_key(gpu.name)};
  for (const std::string& alias : gpu.aliases) {
    keys.push_back(gpu_spelling_key(alias));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

GpuChoice choose_gpu(std::string_view spelling, const std::vector<Gpu>& gpus) {
  // Catalog offers and plans name canonical ids: those are found without building spelling keys
  // (spellings are unique across GPUs, so the first loop below would find the same GPU).
  const auto exact =
      std::find_if(gpus.begin(), gpus.end(), [&](const Gpu& gpu) { return gpu.id == spelling; });
  if (exact != gpus.end()) {
    return {.gpu = &*exact, .assumption = std::nullopt};
  }
  const std::string key = gpu_spelling_key(spelling);
  for (const Gpu& gpu : gpus) {
    const auto keys = gpu_spelling_keys(gpu);
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
      return {.gpu = &gpu, .assumption = std::nullopt};
    }
  }
  for (const Gpu& gpu : gpus) {
    for (const AmbiguousAlias& alias : gpu.default_for) {
      if (gpu_spelling_key(alias.alias) == key) {
        return {.gpu = &gpu, .assumption = ambiguous_assumption(spelling, gpu, alias)};
      }
    }
  }
  std::string accepted = did_you_mean(spelling, known_spellings(gpus));
  if (accepted.empty()) {
    accepted = "one of " + canonical_list(gpus) + "; `ftcost gpus` lists them";
  }
  throw InputError("", "--gpu", "unknown GPU '" + std::string(spelling) + "'", accepted,
                   ExitCode::Usage);
}

const Gpu& resolve_gpu(std::string_view spelling, const std::vector<Gpu>& gpus) {
  return *choose_gpu(spelling, gpus).gpu;
}

}  // namespace ftcost
