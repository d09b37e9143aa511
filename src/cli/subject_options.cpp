// CLI11 bindings for --model and --gpu, and resolving --gpu against the built-in list.
#include "subject_options.hpp"

#include <CLI/CLI.hpp>

#include "ftcost/load/gpu_load.hpp"

namespace ftcost::cli {

CLI::Option* add_model_option(CLI::App& app, std::string& spec) {
  return app.add_option("--model", spec,
                        "Preset id, size alias, Hugging Face id of a preset, or config.json path "
                        "(or --from-config)");
}

CLI::Option* add_gpu_option(CLI::App& app, std::optional<std::string>& spelling) {
  return app.add_option("--gpu", spelling, "GPU id or common spelling (ftcost gpus)");
}

GpuChoice choose_builtin_gpu(const std::string& spelling) {
  return choose_gpu(spelling, default_gpus());
}

CLI::Validator file_path() {
  return CLI::Validator(
      [](std::string& path) { return path.empty() ? "empty value; expected a file path" : ""; },
      "PATH");
}

}  // namespace ftcost::cli
