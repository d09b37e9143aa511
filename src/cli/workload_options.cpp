// CLI11 bindings for the workload flags, and turning them into a Workload.
#include "workload_options.hpp"

#include <CLI/CLI.hpp>

#include "enum_option.hpp"
#include "ftcost/load/dataset.hpp"
#include "number_option.hpp"
#include "subject_options.hpp"

namespace ftcost::cli {

void add_workload_options(CLI::App& app, WorkloadOptions& options) {
  app.add_option("--tokens", options.tokens,
                 "Dataset tokens per epoch, e.g. 50M or 1.2B (1 to 1e15 in all)");
  add_integer_option(app, "--samples", options.samples, 1, kMaxSamples,
                     "Samples in the dataset (with --avg-tokens)");
  add_number_option(app, "--avg-tokens", options.avg_tokens, kMinAvgTokens, kMaxAvgTokens,
                    "Tokens per sample (with --samples)");
  app.add_option("--dataset", options.dataset,
                 "JSONL, JSON array or text file to count (4 characters per token)")
      ->check(file_path());
  add_number_option(app, "--epochs", options.epochs, kMinEpochs, kMaxEpochs,
                    "Passes over the dataset (default: 1)");
  add_enum_option(app, "--packing", options.packing,
                  "Concatenate samples into full --seq-len sequences (on) or pad each "
                  "micro-batch to its longest sample (off, the frameworks' default)");
  add_number_option(app, "--eval-share", options.eval_share, 0, kMaxEvalShare,
                    "Evaluation tokens per epoch as a share of the training tokens (default: 0)");
  add_number_option(app, "--startup-s", options.startup_s, 0, kMaxStartupSeconds,
                    "Seconds from launch to steady-state steps (default: 60, 240 with --compile)");
  add_integer_option(app, "--global-batch", options.global_batch, 1, kMaxGlobalBatchSequences,
                     "Sequences per optimizer step across all GPUs (default: the setup's)");
}

ResolvedWorkload resolve_workload_options(const WorkloadOptions& options) {
  const WorkloadRequest request{
      .tokens = options.tokens ? std::optional(parse_token_count(*options.tokens, "--tokens"))
                               : std::nullopt,
      .samples = options.samples,
      .avg_tokens = options.avg_tokens,
      .dataset =
          options.dataset ? std::optional(load_dataset_stats(*options.dataset)) : std::nullopt,
      .epochs = options.epochs,
      .global_batch_sequences = options.global_batch.value_or(0),
      .packing = options.packing,
      .eval_share = options.eval_share,
      .startup_s = options.startup_s};
  return resolve_workload(request);
}

}  // namespace ftcost::cli
