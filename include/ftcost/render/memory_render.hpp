// Rendering a memory estimate (`ftcost vram`).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/memory/memory.hpp"
#include "ftcost/memory/memory_fit.hpp"
#include "ftcost/model/model.hpp"
#include "ftcost/render/output_format.hpp"
#include "ftcost/render/text_style.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost::render {

/// Whether the estimate fits a given capacity, and how far the setup could grow.
struct FitReport {
  std::string capacity_label;   ///< for tables: "24.0 GiB" or "rtx-4090 (23.65 GiB usable)"
  std::string capacity_source;  ///< where the capacity comes from: "--vram" or the GPU id
  double capacity_bytes = 0;    ///< usable memory per GPU, bytes
  bool fits = false;            ///< device total (paged state excluded) <= capacity
  double headroom_bytes = 0;    ///< capacity - device total (negative when it does not fit)
  std::optional<std::int64_t> largest_micro_batch;  ///< nullopt: not even 1 fits
  std::optional<std::int64_t> longest_seq_len;      ///< tokens; nullopt: not even 1 fits
  /// longest_seq_len is the model's context (max_position_embeddings), not the memory's limit
  bool longest_seq_len_is_context = false;
  /// The largest micro-batch that fits with the same sequences per optimizer step
  /// (same_step_split); nullopt when none does.
  std::optional<BatchSplit> same_step_split;
  /// Single switches that make the setup fit as it is (same batch): "--grad-ckpt full",
  /// "--optimizer adamw-8bit", "--precision bf16-true", "--cpu-offload optimizer"; empty when it
  /// fits or none does alone.
  std::vector<std::string> memory_savers;
};

/// Everything `ftcost vram` prints; renderers compute nothing.
struct MemoryReport {
  const ModelArch* arch = nullptr;  ///< the resolved model (not owned; non-null)
  TrainingSetup setup;
  MemoryEstimate estimate;
  std::optional<FitReport> fit;
  std::vector<Assumption> assumptions;  ///< model + defaults + estimate assumptions
  TextStyle style;  ///< the table format: how its bars are drawn (the CLI's --color and terminal)
};

/// Writes `report` to `out`: table (setup, components with share bars, phases, peaks, fit with a
/// capacity bar, assumptions), one JSON document (keys with units: peak_allocated_gib, ...), CSV
/// (one row per figure), or html (one self-contained page: components and phases as bars against
/// the capacity, setup, assumptions; docs/report.md).
void render_memory(const MemoryReport& report, OutputFormat format, std::ostream& out);

}  // namespace ftcost::render
