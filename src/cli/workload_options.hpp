// The workload flags shared by `time` and `plan`: --tokens, --samples, --avg-tokens, --dataset,
// --epochs, --global-batch.
#pragma once

#include <optional>
#include <string>

#include "ftcost/workload.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

/// The workload flags as given.
struct WorkloadOptions {
  std::optional<std::string> tokens;   ///< --tokens text ("50M")
  std::optional<std::string> dataset;  ///< --dataset path
  WorkloadRequest request;             ///< the other flags
};

/// Adds the workload flags to `app`; `options` must outlive it.
void add_workload_options(CLI::App& app, WorkloadOptions& options);

/// Parses --tokens, counts --dataset and resolves the workload (resolve_workload).
/// Throws InputError for bad values (usage) or an unreadable dataset (invalid data).
[[nodiscard]] ResolvedWorkload resolve_workload_options(WorkloadOptions options);

}  // namespace ftcost::cli
