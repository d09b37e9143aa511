// A training-time estimate (`ftcost time`) as a table, JSON or CSV.
#pragma once

#include <ostream>

#include "ftcost/output_format.hpp"
#include "ftcost/run.hpp"

namespace ftcost::render {

/// Writes `run`: the GPU, the configuration chosen, memory, tokens/s per GPU and in total, step
/// time, training hours and every assumption. JSON keys carry units (tokens_per_s_per_gpu,
/// step_s, train_hours, peak_reserved_gib, capacity_gib); CSV is one header row and one data row
/// (assumptions joined by "; ").
void render_run(const RunEstimate& run, OutputFormat format, std::ostream& out);

}  // namespace ftcost::render
