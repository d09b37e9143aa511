// --model resolution: config.json path, preset id or size alias (docs/models.md#aliases), and the
// built-in presets parsed once.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <utility>

#include "ftcost/base/error.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/load/model_load.hpp"
#include "hf_config.hpp"
#include "json_reader.hpp"

namespace ftcost {
namespace {

// Real config.json files are a few KB; 1 MiB leaves room for long rope tables.
constexpr std::uintmax_t kMaxConfigBytes = 1 << 20;

// Why each representative was chosen: docs/models.md#aliases.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kAliases = {{
    {"1b", "llama-3.2-1b"},
    {"3b", "llama-3.2-3b"},
    {"7b", "mistral-7b-v0.3"},
    {"8b", "llama-3.1-8b"},
    {"13b", "llama-2-13b"},
    {"14b", "qwen3-14b"},
    {"32b", "qwen2.5-32b"},
    {"70b", "llama-3.1-70b"},
    {"72b", "qwen2.5-72b"},
    {"405b", "llama-3.1-405b"},
}};

bool is_path(std::string_view spec) {
  return spec.find('/') != std::string_view::npos ||
         (spec.size() >= 5 && spec.substr(spec.size() - 5) == ".json");
}

std::string lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

const ModelArch* find_preset(std::string_view id, const std::vector<ModelArch>& presets) {
  const auto it = std::find_if(presets.begin(), presets.end(),
                               [&](const ModelArch& arch) { return arch.id == id; });
  return it == presets.end() ? nullptr : &*it;
}

// The preset whose Hugging Face repository `spec` names, compared without case.
const ModelArch* find_repository(std::string_view spec, const std::vector<ModelArch>& presets) {
  const std::string wanted = lowercase(spec);
  const auto it = std::find_if(presets.begin(), presets.end(), [&](const ModelArch& arch) {
    return !arch.hf_repo.empty() && lowercase(arch.hf_repo) == wanted;
  });
  return it == presets.end() ? nullptr : &*it;
}

// "owner/name": one slash, neither end a slash, not a relative or absolute path, not a file name.
bool looks_like_repository(std::string_view spec) {
  const auto slash = spec.find('/');
  return slash != std::string_view::npos && slash > 0 && slash + 1 < spec.size() &&
         spec.find('/', slash + 1) == std::string_view::npos && spec.front() != '.' &&
         !spec.ends_with(".json");
}

[[noreturn]] void unknown_model(std::string_view spec, const std::vector<ModelArch>& presets) {
  std::vector<std::string> names;
  names.reserve(presets.size());
  for (const ModelArch& arch : presets) {
    names.push_back(arch.id);
  }
  for (const auto& alias : kAliases) {
    names.emplace_back(alias.first);
  }
  std::string accepted = did_you_mean(spec, names);
  accepted += (accepted.empty() ? "" : " ") + std::string("run `ftcost models` for the list");
  throw InputError("", "--model", "unknown model '" + std::string(spec) + "'", accepted,
                   ExitCode::Usage);
}

}  // namespace

ResolvedModel resolve_model(std::string_view spec, const std::vector<ModelArch>& presets) {
  if (is_path(spec)) {
    std::string path(spec);
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      path += "/config.json";  // a model directory, as trainers take it
    } else if (!std::filesystem::exists(path, error)) {
      if (const ModelArch* preset = find_repository(spec, presets)) {
        return {.arch = *preset,
                .assumptions = {{std::string(spec) + " is the Hugging Face repository of preset " +
                                     preset->id + " (" + preset->name + ")",
                                 "docs/models.md#aliases"}}};
      }
      if (looks_like_repository(spec)) {
        throw InputError("", "--model",
                         "'" + std::string(spec) +
                             "' is neither a file nor the repository of a built-in preset, and "
                             "ftcost works offline (it never downloads)",
                         "the path of the model's config.json, or a preset (ftcost models)",
                         ExitCode::Usage);
      }
    }
    return load::read_hf_config(load::read_text_file(path, kMaxConfigBytes), path);
  }
  const std::string name = lowercase(spec);
  if (const ModelArch* preset = find_preset(name, presets)) {
    return {.arch = *preset, .assumptions = {}};
  }
  for (const auto& [alias, id] : kAliases) {
    const ModelArch* preset = alias == name ? find_preset(id, presets) : nullptr;
    if (preset != nullptr) {
      return {.arch = *preset,
              .assumptions = {
                  {std::string(alias) + " resolved to " + preset->id + " (" + preset->name + ")",
                   "docs/models.md#aliases"}}};
    }
  }
  unknown_model(spec, presets);
}

}  // namespace ftcost
