// CLI11 bindings for the workload flags, and turning them into a Workload.
#include "workload_options.hpp"

#include <CLI/CLI.hpp>

#include "ftcost/dataset.hpp"

namespace ftcost::cli {

void add_workload_options(CLI::App& app, WorkloadOptions& options) {
  app.add_option("--tokens", options.tokens, "Dataset tokens per epoch, e.g. 50M or 1.2B");
  app.add_option("--samples", options.request.samples, "Samples in the dataset");
  app.add_option("--avg-tokens", options.request.avg_tokens, "Tokens per sample");
  app.add_option("--dataset", options.dataset,
                 "JSONL, JSON array or text file to count (4 characters per token)");
  app.add_option("--epochs", options.request.epochs, "Passes over the dataset (default 1)");
  app.add_option("--global-batch", options.request.global_batch_sequences,
                 "Sequences per optimizer step across all GPUs");
}

ResolvedWorkload resolve_workload_options(WorkloadOptions options) {
  if (options.tokens) {
    options.request.tokens = parse_token_count(*options.tokens, "--tokens");
  }
  if (options.dataset) {
    options.request.dataset = load_dataset_stats(*options.dataset);
  }
  return resolve_workload(options.request);
}

}  // namespace ftcost::cli
