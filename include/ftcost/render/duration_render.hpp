// A training-time estimate (`ftcost time`) as a table, JSON or CSV.
#pragma once

#include <ostream>
#include <string>

#include "ftcost/duration/duration_estimate.hpp"
#include "ftcost/render/output_format.hpp"

namespace ftcost::render {

/// What `ftcost time` prints: the estimate and what it was made for.
struct DurationReport {
  std::string model_id;            ///< resolved model id ("llama-3.1-8b")
  std::string model_name;          ///< "Llama 3.1 8B"
  std::int64_t params_total = 0;   ///< every weight (count_params().total)
  std::int64_t params_active = 0;  ///< weights a token passes through (MoE: fewer than total)
  double dataset_tokens = 0;       ///< training tokens per epoch
  double epochs = 1;               ///< passes over the dataset
  DurationEstimate run;
};

/// Writes `report`: the model and dataset, the GPU, the configuration chosen, memory, tokens/s
/// per GPU and in total, step time, training hours and every assumption. JSON keys carry units
/// (dataset_tokens, tokens_per_s_per_gpu, step_s, train_hours, peak_reserved_gib, capacity_gib);
/// CSV is one header row and one data row (assumptions joined by "; ").
void render_duration(const DurationReport& report, OutputFormat format, std::ostream& out);

}  // namespace ftcost::render
