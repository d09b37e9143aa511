// The workload flags shared by `time` and `plan`: how many tokens the fine-tune trains on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ftcost/duration/workload.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

/// The workload flags as typed; every one may be absent.
struct WorkloadOptions {
  std::optional<std::string> tokens;         ///< --tokens, e.g. "50M" (parsed by resolve)
  std::optional<std::int64_t> samples;       ///< --samples
  std::optional<double> avg_tokens;          ///< --avg-tokens, tokens per sample
  std::optional<std::string> dataset;        ///< --dataset, a file path (counted by resolve)
  std::optional<double> epochs;              ///< --epochs
  std::optional<std::int64_t> global_batch;  ///< --global-batch, sequences per optimizer step
  std::optional<Packing> packing;            ///< --packing on|off
  std::optional<double> eval_share;          ///< --eval-share
  std::optional<double> startup_s;           ///< --startup-s
};

/// Adds --tokens --samples --avg-tokens --dataset --epochs --global-batch --packing --eval-share
/// --startup-s to `app`, storing into `options` (which must outlive `app`). --global-batch is
/// checked against 1 .. kMaxGlobalBatchSequences as it is parsed; the rest are checked by
/// resolve_workload_options.
void add_workload_options(CLI::App& app, WorkloadOptions& options);

/// The workload the flags describe, with its assumptions: parses --tokens (parse_token_count),
/// reads and counts --dataset (load_dataset_stats), then resolve_workload. Throws InputError:
/// ExitCode::Usage for a bad or conflicting value, ExitCode::InvalidData for a missing, empty or
/// malformed dataset file.
[[nodiscard]] ResolvedWorkload resolve_workload_options(const WorkloadOptions& options);

}  // namespace ftcost::cli
