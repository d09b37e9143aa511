// Loading model architectures: the built-in presets, HuggingFace config.json files, and the
// --model resolver that accepts either (plus size aliases).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/model/model.hpp"

namespace ftcost {

/// Parses a presets file (data/models.json schema, version 1: docs/models.md#schema) into one
/// ModelArch per row, with published counts filled from each row's "published" object.
/// `origin` names the input in messages ("<built-in models>", a path).
/// Throws InputError (ExitCode::InvalidData) naming the JSON Pointer of the first bad value,
/// an unknown key, a duplicate id or an unsupported schema_version.
[[nodiscard]] std::vector<ModelArch> parse_model_presets(std::string_view json_text,
                                                         const std::string& origin);

/// Parses a HuggingFace config.json (text_config nesting, GPT-style/BLOOM/Qwen v1/ChatGLM key
/// spellings, MoE key variants and Qwen's mlp_only_layers, DeepSeek MLA, gpt-oss, Llama 4, Phi,
/// GPT-NeoX, ChatGLM2/3 and GLM-4, Gemma 3's config-class defaults for keys a config leaves out;
/// docs/models.md#hf-config). Phi, GPT-NeoX and ChatGLM linears keep their HF module names
/// (fused query_key_value). The result's id and source are `origin`. Throws InputError
/// (ExitCode::InvalidData) naming `origin`, the JSON Pointer and what is accepted for malformed
/// JSON, a missing, mistyped or out-of-range key, or an unsupported model_type / architecture
/// feature.
[[nodiscard]] ModelArch parse_hf_config(std::string_view json_text, const std::string& origin);

/// A --model value resolved to an architecture, with the assumptions made on the way (an alias
/// mapped to its representative preset).
struct ResolvedModel {
  ModelArch arch;
  std::vector<Assumption> assumptions;
};

/// Resolves `spec`: a path to a config.json or to the directory holding one (contains '/' or
/// ends in ".json"; read with a 1 MiB limit); a Hugging Face repository id ("owner/name") that
/// is no file and names a preset's repository (with an assumption saying so); a preset id from
/// `presets`; or a size alias (docs/models.md#aliases). Never downloads. Throws InputError("",
/// "--model", ..., ExitCode::Usage) for an unknown name or an unknown repository id, and the
/// loaders' InputErrors (ExitCode::InvalidData) for bad files.
[[nodiscard]] ResolvedModel resolve_model(std::string_view spec,
                                          const std::vector<ModelArch>& presets);

/// The built-in presets: data/models.json, loaded and validated by parse_model_presets when ftcost
/// is built and compiled in as a table (ftcost_embed_tables); broken data fails the build.
[[nodiscard]] const std::vector<ModelArch>& default_model_presets();

}  // namespace ftcost
