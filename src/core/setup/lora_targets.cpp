// Expands --lora-targets presets and checks module names against the architecture.
#include <algorithm>
#include <array>
#include <string_view>

#include "ftcost/base/error.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/setup/resolve.hpp"

namespace ftcost {

namespace {

/// Every distinct linear module name of `arch`, in block order, then lm_head.
std::vector<std::string> module_names(const ModelArch& arch) {
  std::vector<std::string> names;
  for (const BlockGroup& group : arch.blocks) {
    for (const LinearSpec& linear : group.linears) {
      if (std::find(names.begin(), names.end(), linear.name) == names.end()) {
        names.push_back(linear.name);
      }
    }
  }
  return names;
}

/// The preset's modules present in `arch`; models with a fused attention projection get it.
std::vector<std::string> preset_modules(const std::vector<std::string>& available,
                                        std::vector<std::string> wanted) {
  for (const char* fused : {"qkv_proj", "query_key_value", "c_attn", "Wqkv"}) {
    if (std::find(available.begin(), available.end(), fused) != available.end()) {
      wanted.emplace_back(fused);
    }
  }
  std::vector<std::string> chosen;
  for (const std::string& name : wanted) {
    if (std::find(available.begin(), available.end(), name) != available.end()) {
      chosen.push_back(name);
    }
  }
  return chosen;
}

std::vector<std::string> expand_preset(const std::vector<std::string>& available,
                                       std::string_view preset) {
  if (preset == "all-linear") {  // PEFT's "all-linear": every block linear, not lm_head
    return available;
  }
  if (preset == "qkvo") {
    // "dense" is the attention output of the fused-QKV families (phi, gpt_neox, chatglm, falcon);
    // none of them uses the name for anything else.
    return preset_modules(available, {"q_proj", "k_proj", "v_proj", "o_proj", "dense"});
  }
  if (preset == "qkv") {
    return preset_modules(available, {"q_proj", "k_proj", "v_proj"});
  }
  return preset_modules(available, {"q_proj", "v_proj"});  // "qv"
}

}  // namespace

std::vector<std::string> expand_lora_targets(const ModelArch& arch,
                                             const std::vector<std::string>& items) {
  const std::vector<std::string> available = module_names(arch);
  constexpr std::array<std::string_view, 4> kPresets{"all-linear", "qkvo", "qv", "qkv"};
  if (items.empty()) {
    throw InputError("", flag_of(SetupField::LoraTargets), "empty list of modules",
                     "a preset (all-linear, qkvo, qv, qkv) or module names");
  }
  if (items.size() == 1 &&
      std::find(kPresets.begin(), kPresets.end(), items.front()) != kPresets.end()) {
    return expand_preset(available, items.front());
  }
  for (const std::string& item : items) {
    if (std::find(kPresets.begin(), kPresets.end(), item) != kPresets.end()) {
      throw InputError("", flag_of(SetupField::LoraTargets),
                       "preset '" + item + "' cannot be combined with other targets",
                       "one preset alone, or module names only");
    }
  }
  std::vector<std::string> known = available;
  known.emplace_back("lm_head");
  std::vector<std::string> targets;
  for (const std::string& item : items) {
    if (std::find(known.begin(), known.end(), item) == known.end()) {
      std::vector<std::string> candidates = known;
      candidates.insert(candidates.end(), kPresets.begin(), kPresets.end());
      std::string accepted =
          "all-linear, qkvo, qv, qkv or modules of " + arch.id + ": " + join_names(known);
      if (const std::string hint = did_you_mean(item, candidates); !hint.empty()) {
        accepted += "; " + hint;
      }
      throw InputError("", flag_of(SetupField::LoraTargets), "unknown module '" + item + "'",
                       accepted);
    }
    if (std::find(targets.begin(), targets.end(), item) == targets.end()) {
      targets.push_back(item);
    }
  }
  return targets;
}

}  // namespace ftcost
