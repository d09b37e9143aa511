// The --model and --gpu flags shared by `vram`, `time` and `plan` (what is trained, and on what),
// and the check every file-path flag shares.
#pragma once

#include <optional>
#include <string>

#include "ftcost/gpu/gpu.hpp"

namespace CLI {
class App;
class Option;
class Validator;
}  // namespace CLI

namespace ftcost::cli {

/// Adds `--model SPEC` (preset id, size alias, a preset's Hugging Face id or config.json path)
/// storing into `spec`, which must outlive `app`; required unless --from-config gives the model
/// (apply_from_config checks).
CLI::Option* add_model_option(CLI::App& app, std::string& spec);

/// Adds `--gpu NAME` (an id or common spelling from `ftcost gpus`) storing into `spelling` (unset
/// when absent), which must outlive `app`; the caller makes it required or exclusive as its
/// command needs.
CLI::Option* add_gpu_option(CLI::App& app, std::optional<std::string>& spelling);

/// A CLI11 validator for file-path flags: refuses "" (which would otherwise read as "not given").
/// A missing or unreadable file is left to the loader, which reports it as invalid input
/// (exit code 3, docs/exit-codes.md) rather than a usage error.
[[nodiscard]] CLI::Validator file_path();

/// The built-in GPU `spelling` names (choose_gpu over default_gpus()). Throws InputError
/// ("--gpu", ExitCode::Usage, with "did you mean") for an unknown spelling.
[[nodiscard]] GpuChoice choose_builtin_gpu(const std::string& spelling);

}  // namespace ftcost::cli
