// The GPU list (`ftcost gpus`) as a table, JSON or CSV.
#pragma once

#include <ostream>
#include <vector>

#include "ftcost/gpu/gpu.hpp"
#include "ftcost/render/output_format.hpp"

namespace ftcost::render {

/// Writes every GPU with its memory, bandwidth, tensor TFLOPS and capabilities in `format`.
/// JSON: {"gpus": [{"id", "name", "memory_gib", "memory_gb", "memory_bandwidth_gb_per_s",
/// "bf16_dense_tflops", "fp16_dense_tflops", "fp8_dense_tflops" (null if none), "fp32_tflops",
/// "achievable_tflops", "achievable_bandwidth_gb_per_s" (measured; docs/gpus.md#achievable),
/// "bf16_supported", "flash_attention_supported", "interconnect", "nvlink_gb_per_s", "aliases",
/// "memory_gib_source", "achievable_tflops_source", "achievable_bandwidth_source", "source"}]}.
/// CSV: the same keys as columns (aliases joined by spaces).
void render_gpus(const std::vector<Gpu>& gpus, OutputFormat format, std::ostream& out);

}  // namespace ftcost::render
