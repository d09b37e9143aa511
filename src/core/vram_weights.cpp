// Parameter counts by storage class, quantized storage sizes and LoRA adapter sizes.
#include <algorithm>

#include "ftcost/params.hpp"
#include "vram_terms.hpp"

namespace ftcost::vram_detail {

namespace {

constexpr double kNf4CodeBytes = 0.5;       // 4-bit codes
constexpr double kNf4BlockSize = 64;        // bitsandbytes/torchao NF4 block (QLoRA paper, sec. 3)
constexpr double kDoubleQuantBlocks = 256;  // blocks per second-level fp32 constant (QLoRA)
constexpr double kGptqGroupSize = 128;

bool is_target(const TrainingSetup& setup, const std::string& name) {
  return std::find(setup.lora_targets.begin(), setup.lora_targets.end(), name) !=
         setup.lora_targets.end();
}

double lora_params_of(const BlockGroup& group, const TrainingSetup& setup) {
  double params = 0;
  for (const LinearSpec& linear : group.linears) {
    if (is_target(setup, linear.name)) {
      // A is r x in, B is out x r; PEFT wraps every expert copy of a targeted module.
      params += static_cast<double>(setup.lora_rank) *
                static_cast<double>(linear.in_features + linear.out_features) *
                static_cast<double>(linear.copies);
    }
  }
  return params;
}

}  // namespace

double quantized_bytes_per_param(Quant quant) {
  switch (quant) {
    case Quant::None:
      return 0;
    case Quant::Nf4:  // fp32 absmax per 64-value block
      return kNf4CodeBytes + 4.0 / kNf4BlockSize;
    case Quant::Nf4Dq:  // 8-bit absmax per block + fp32 constant per 256 blocks
      return kNf4CodeBytes + 1.0 / kNf4BlockSize + 4.0 / (kNf4BlockSize * kDoubleQuantBlocks);
    case Quant::Int8:  // LLM.int8: int8 weights; the fp32 per-row scale is negligible
      return 1.0;
    case Quant::GptqInt4:  // 4-bit codes + fp16 scale and 4-bit zero per 128-value group
      return kNf4CodeBytes + (2.0 + 0.5) / kGptqGroupSize;
  }
  return 0;
}

ParamSplit split_params(const ModelArch& arch, const TrainingSetup& setup) {
  const ParamCounts counts = count_params(arch);
  ParamSplit split;
  split.block_linear = static_cast<double>(counts.block_linear);
  split.non_linear = static_cast<double>(counts.total - counts.block_linear);
  for (const BlockGroup& group : arch.blocks) {
    const double group_lora = lora_params_of(group, setup);
    split.lora += group_lora * static_cast<double>(group.layers);
    double layer_linear = 0;
    for (const LinearSpec& linear : group.linears) {
      const double matrix = static_cast<double>(linear.in_features * linear.out_features);
      split.largest_linear = std::max(split.largest_linear, matrix);
      layer_linear += matrix * static_cast<double>(linear.copies);
    }
    split.layer_linear = std::max(split.layer_linear, layer_linear);
    split.layer_lora = std::max(split.layer_lora, group_lora);
  }
  split.head = static_cast<double>(counts.lm_head > 0 ? counts.lm_head : counts.embedding);
  if (is_target(setup, "lm_head")) {
    split.lora += static_cast<double>(setup.lora_rank) *
                  static_cast<double>(arch.hidden_size + arch.vocab_size);
  }
  split.trainable = setup.method == Method::Full ? static_cast<double>(counts.total) : split.lora;
  return split;
}

}  // namespace ftcost::vram_detail
