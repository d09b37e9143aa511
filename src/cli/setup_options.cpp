// CLI11 bindings for SetupRequest: one flag per field, validated as it is parsed.
#include "setup_options.hpp"

#include <CLI/CLI.hpp>

#include "enum_option.hpp"
#include "ftcost/base/library_version.hpp"
#include "ftcost/setup/resolve.hpp"
#include "number_option.hpp"

namespace ftcost::cli {

namespace {

void add_count(CLI::App& app, const std::string& flag, std::optional<std::int64_t>& target,
               std::int64_t max, const std::string& description) {
  add_integer_option(app, flag, target, 1, max, description);
}

void add_switch(CLI::App& app, const std::string& flag, std::optional<bool>& target,
                const std::string& description) {
  app.add_flag_function(
      flag, [&target](std::int64_t count) { target = count > 0; }, description);
}

void add_version(CLI::App& app, const std::string& flag, std::optional<LibraryVersion>& target,
                 const std::string& description) {
  app.add_option_function<std::string>(
         flag, [&target](const std::string& text) { target = parse_library_version(text); },
         description)
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            const auto version = parse_library_version(text);
            if (!version) {
              return "'" + text +
                     "' is not a release number; expected MAJOR.MINOR such as 4.38 or 4.45.2";
            }
            // Transformers 4.0 (2020) is the oldest release line whose causal-LM heads ftcost
            // models; an earlier number is a typo.
            return version->major >= 4
                       ? std::string()
                       : "'" + text +
                             "' is before Transformers 4.0; expected a release such as 4.38";
          },
          "MAJOR.MINOR"))
      ->type_name("VERSION");
}

}  // namespace

void add_setup_options(CLI::App& app, SetupRequest& r, BatchDefault batch_default) {
  const auto batch_help = [batch_default](const std::string& text) {
    return batch_default == BatchDefault::Searched ? text + " (default: searched)" : text;
  };
  add_enum_option(app, "--method", r.method, "What trains: full, lora or qlora");
  add_enum_option(app, "--precision", r.precision, "Lightning precision name");
  add_enum_option(app, "--optimizer", r.optimizer, "Optimizer");
  add_count(app, "--seq-len", r.seq_len, kMaxSeqLen, "Tokens per sequence");
  add_count(app, "--micro-batch", r.micro_batch, kMaxMicroBatch,
            batch_help("Sequences per GPU per pass"));
  add_count(app, "--grad-accum", r.grad_accum, kMaxGradAccum,
            batch_help("Micro-batches per optimizer step"));
  add_enum_option(app, "--grad-ckpt", r.grad_ckpt, batch_help("Activation checkpointing"));
  add_enum_option(app, "--attention", r.attention, "Attention kernel");
  add_count(app, "--lora-rank", r.lora_rank, kMaxLoraRank, "LoRA rank r");
  app.add_option_function<std::vector<std::string>>(
         "--lora-targets", [&r](const std::vector<std::string>& items) { r.lora_targets = items; },
         "all-linear, qkvo, qv, qkv, or comma-separated module names")
      ->delimiter(',');
  add_enum_option(app, "--quant", r.quant, "Storage of the frozen base under LoRA");
  add_enum_option(app, "--loss", r.loss, "Cross-entropy implementation");
  add_count(app, "--gpus", r.gpus, kMaxGpus, "Data-parallel GPUs");
  add_enum_option(app, "--sharding", r.sharding, "Data parallelism / sharding");
  add_enum_option(app, "--cpu-offload", r.cpu_offload, "What lives in host RAM");
  add_enum_option(app, "--framework", r.framework, "Training stack whose defaults apply");
  add_switch(app, "--compile", r.compiled, "torch.compile of each block and the loss");
  add_switch(app, "--optimizer-in-bwd", r.optimizer_in_backward,
             "Step each parameter during backward (torchtune optimizer_in_bwd)");
  add_version(app, "--transformers-version", r.transformers_version,
              "Transformers release of the model code (hf, axolotl; default: 4.46 or later): "
              "before 4.46 the outputs hold fp32 logits");
}

}  // namespace ftcost::cli
