// A calibration row as ftcost inputs: the model id, the SetupRequest and the measured figure.
#pragma once

#include <string>

#include "calibration_csv.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost::bench {

/// What the source measured (reference README): allocated, reserved, device, unspecified,
/// capacity (an upper bound: the run fit that card), oom (a lower bound).
enum class Metric { Allocated, Reserved, Device, Unspecified, Capacity, Oom };

struct CalibrationCase {
  std::string id;
  std::string model;                   ///< preset id
  std::string framework_as_published;  ///< e.g. "fsdp-qlora", before mapping
  SetupRequest request;
  Metric metric = Metric::Unspecified;
  double measured_gib = 0;
};

/// True when the row's `use` says it tests memory (vram or both).
[[nodiscard]] bool is_memory_row(const CsvRow& row);

/// Converts a row; published framework names map onto --framework (docs/memory-model.md
/// #calibration): fsdp-qlora, peft, hf and llm-foundry -> hf. Throws std::runtime_error on a
/// value ftcost does not accept.
[[nodiscard]] CalibrationCase to_case(const CsvRow& row);

}  // namespace ftcost::bench
