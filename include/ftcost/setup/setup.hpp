// The training configuration a memory or duration estimate is made for (plain data + name tables).
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftcost/base/library_version.hpp"
#include "ftcost/base/names.hpp"

namespace ftcost {

/// What is trained: every weight, LoRA adapters on a frozen 16-bit base, or adapters on a
/// quantized base (QLoRA, Dettmers et al. 2023).
enum class Method { Full, Lora, Qlora };

/// Lightning's precision names: "-true" keeps weights, gradients and optimizer states in that
/// dtype; "-mixed" keeps fp32 master weights and computes in the low-precision dtype.
enum class Precision { Bf16True, Bf16Mixed, Fp16Mixed, Fp32True };

/// Optimizer; "paged" variants keep state in CUDA managed memory outside PyTorch's allocator
/// (bitsandbytes), "8bit" variants keep blockwise-quantized state (Dettmers et al. 2022).
enum class Optimizer { AdamW, AdamW8bit, PagedAdamW, PagedAdamW8bit, Sgd, Adafactor };

/// Activation (gradient) checkpointing: none, recompute each block, or keep the block inputs
/// in host RAM ("offload").
enum class GradCkpt { None, Full, Offload };

/// Attention kernel; only Eager materializes the s×s score matrix.
enum class Attention { Flash, Sdpa, Eager };

/// Storage of the frozen base weights under LoRA.
enum class Quant { None, Nf4, Nf4Dq, Int8, GptqInt4 };

/// Loss: Standard materializes the full b·s·vocab logits and upcasts them to fp32 (HF);
/// Fused computes cross-entropy in chunks (Unsloth, Liger, torchtune).
enum class Loss { Standard, Fused };

/// Data parallelism and sharding across GPUs.
enum class Sharding { None, Ddp, Zero1, Zero2, Zero3, Fsdp };

/// What is kept in host RAM instead of GPU memory.
enum class CpuOffload { None, Optimizer, Params };

/// Training stack; each sets documented defaults for the other flags (docs/memory-model.md).
enum class Framework { Hf, Unsloth, Axolotl, Torchtune };

/// The fields of a training configuration, named as their flags are (name_of(SetupField::SeqLen)
/// == "seq-len"), so defaults, searched fields and errors say which field they concern.
enum class SetupField {
  Method,
  Precision,
  Optimizer,
  SeqLen,
  MicroBatch,
  GradAccum,
  GradCkpt,
  Attention,
  LoraRank,
  LoraTargets,
  Quant,
  Loss,
  Gpus,
  Sharding,
  CpuOffload,
  Framework,
  Compiled,
  OptimizerInBackward,
  TransformersVersion,
};

/// A set of SetupFields, e.g. the ones the duration search chooses itself.
class SetupFields {
 public:
  constexpr SetupFields() = default;
  constexpr SetupFields(std::initializer_list<SetupField> fields) {
    for (const SetupField field : fields) {
      bits_ |= bit(field);
    }
  }
  [[nodiscard]] constexpr bool contains(SetupField field) const noexcept {
    return (bits_ & bit(field)) != 0;
  }

 private:
  static constexpr std::uint32_t bit(SetupField field) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(field);
  }
  std::uint32_t bits_ = 0;
};

/// The command-line flag of `field`: "--" + name_of(field), e.g. "--seq-len"; what errors about
/// a field name as their `where`.
[[nodiscard]] std::string flag_of(SetupField field);

/// A fully resolved training configuration (every field set; see resolve_setup for defaults).
struct TrainingSetup {
  Method method = Method::Qlora;
  Precision precision = Precision::Bf16Mixed;
  Optimizer optimizer = Optimizer::AdamW;
  std::int64_t seq_len = 2048;   ///< tokens per sequence, >= 1
  std::int64_t micro_batch = 1;  ///< sequences per GPU per forward/backward, >= 1
  std::int64_t grad_accum = 1;   ///< micro-batches per optimizer step, >= 1
  GradCkpt grad_ckpt = GradCkpt::Full;
  Attention attention = Attention::Flash;
  std::int64_t lora_rank = 16;  ///< LoRA rank r, >= 1 (ignored for Method::Full)
  /// LoRA target module names as in HF (q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj,
  /// down_proj, lm_head); already expanded from presets such as "all-linear".
  std::vector<std::string> lora_targets;
  Quant quant = Quant::Nf4Dq;
  Loss loss = Loss::Standard;
  std::int64_t gpus = 1;  ///< data-parallel GPU count, >= 1
  Sharding sharding = Sharding::None;
  CpuOffload cpu_offload = CpuOffload::None;
  Framework framework = Framework::Hf;
  /// torch.compile of each block and of the loss (torchtune's `compile: True`): fused kernels
  /// save fewer tensors (docs/memory-model.md#compile).
  bool compiled = false;
  /// torchtune's optimizer_in_bwd: each parameter is stepped as soon as its gradient exists, so
  /// no full gradient buffer is ever held (docs/memory-model.md#gradients).
  bool optimizer_in_backward = false;
  /// The Transformers release the model code comes from (frameworks hf and axolotl); unset means
  /// a current release (4.46 or later). Before 4.46 the model returns fp32 logits
  /// (docs/memory-model.md#logits).
  std::optional<LibraryVersion> transformers_version{};
};

/// What the user asked for: unset fields take the framework's documented defaults
/// (resolve_setup), and the configuration search (duration model) may choose micro_batch,
/// grad_accum and grad_ckpt when they are unset.
struct SetupRequest {
  std::optional<Method> method{};
  std::optional<Precision> precision{};
  std::optional<Optimizer> optimizer{};
  std::optional<std::int64_t> seq_len{};
  std::optional<std::int64_t> micro_batch{};
  std::optional<std::int64_t> grad_accum{};
  std::optional<GradCkpt> grad_ckpt{};
  std::optional<Attention> attention{};
  std::optional<std::int64_t> lora_rank{};
  /// As typed: a preset (all-linear, qkvo, qv, qkv) or a list of module names.
  std::optional<std::vector<std::string>> lora_targets{};
  std::optional<Quant> quant{};
  std::optional<Loss> loss{};
  std::optional<std::int64_t> gpus{};
  std::optional<Sharding> sharding{};
  std::optional<CpuOffload> cpu_offload{};
  std::optional<Framework> framework{};
  std::optional<bool> compiled{};
  std::optional<bool> optimizer_in_backward{};
  std::optional<LibraryVersion> transformers_version{};
};

template <>
struct EnumNames<SetupField> {
  static constexpr std::array<std::pair<SetupField, std::string_view>, 19> kEntries{
      {{SetupField::Method, "method"},
       {SetupField::Precision, "precision"},
       {SetupField::Optimizer, "optimizer"},
       {SetupField::SeqLen, "seq-len"},
       {SetupField::MicroBatch, "micro-batch"},
       {SetupField::GradAccum, "grad-accum"},
       {SetupField::GradCkpt, "grad-ckpt"},
       {SetupField::Attention, "attention"},
       {SetupField::LoraRank, "lora-rank"},
       {SetupField::LoraTargets, "lora-targets"},
       {SetupField::Quant, "quant"},
       {SetupField::Loss, "loss"},
       {SetupField::Gpus, "gpus"},
       {SetupField::Sharding, "sharding"},
       {SetupField::CpuOffload, "cpu-offload"},
       {SetupField::Framework, "framework"},
       {SetupField::Compiled, "compile"},
       {SetupField::OptimizerInBackward, "optimizer-in-bwd"},
       {SetupField::TransformersVersion, "transformers-version"}}};
};

template <>
struct EnumNames<Method> {
  static constexpr std::array<std::pair<Method, std::string_view>, 3> kEntries{
      {{Method::Full, "full"}, {Method::Lora, "lora"}, {Method::Qlora, "qlora"}}};
};
template <>
struct EnumNames<Precision> {
  static constexpr std::array<std::pair<Precision, std::string_view>, 4> kEntries{
      {{Precision::Bf16True, "bf16-true"},
       {Precision::Bf16Mixed, "bf16-mixed"},
       {Precision::Fp16Mixed, "16-mixed"},
       {Precision::Fp32True, "32-true"}}};
};
template <>
struct EnumNames<Optimizer> {
  static constexpr std::array<std::pair<Optimizer, std::string_view>, 6> kEntries{
      {{Optimizer::AdamW, "adamw"},
       {Optimizer::AdamW8bit, "adamw-8bit"},
       {Optimizer::PagedAdamW, "paged-adamw"},
       {Optimizer::PagedAdamW8bit, "paged-adamw-8bit"},
       {Optimizer::Sgd, "sgd"},
       {Optimizer::Adafactor, "adafactor"}}};
};
template <>
struct EnumNames<GradCkpt> {
  static constexpr std::array<std::pair<GradCkpt, std::string_view>, 3> kEntries{
      {{GradCkpt::None, "none"}, {GradCkpt::Full, "full"}, {GradCkpt::Offload, "offload"}}};
};
template <>
struct EnumNames<Attention> {
  static constexpr std::array<std::pair<Attention, std::string_view>, 3> kEntries{
      {{Attention::Flash, "flash"}, {Attention::Sdpa, "sdpa"}, {Attention::Eager, "eager"}}};
};
template <>
struct EnumNames<Quant> {
  static constexpr std::array<std::pair<Quant, std::string_view>, 5> kEntries{
      {{Quant::None, "none"},
       {Quant::Nf4, "nf4"},
       {Quant::Nf4Dq, "nf4-dq"},
       {Quant::Int8, "int8"},
       {Quant::GptqInt4, "gptq-int4"}}};
};
template <>
struct EnumNames<Loss> {
  static constexpr std::array<std::pair<Loss, std::string_view>, 2> kEntries{
      {{Loss::Standard, "standard"}, {Loss::Fused, "fused"}}};
};
template <>
struct EnumNames<Sharding> {
  static constexpr std::array<std::pair<Sharding, std::string_view>, 6> kEntries{
      {{Sharding::None, "none"},
       {Sharding::Ddp, "ddp"},
       {Sharding::Zero1, "zero1"},
       {Sharding::Zero2, "zero2"},
       {Sharding::Zero3, "zero3"},
       {Sharding::Fsdp, "fsdp"}}};
};
template <>
struct EnumNames<CpuOffload> {
  static constexpr std::array<std::pair<CpuOffload, std::string_view>, 3> kEntries{
      {{CpuOffload::None, "none"},
       {CpuOffload::Optimizer, "optimizer"},
       {CpuOffload::Params, "params"}}};
};
template <>
struct EnumNames<Framework> {
  static constexpr std::array<std::pair<Framework, std::string_view>, 4> kEntries{
      {{Framework::Hf, "hf"},
       {Framework::Unsloth, "unsloth"},
       {Framework::Axolotl, "axolotl"},
       {Framework::Torchtune, "torchtune"}}};
};

}  // namespace ftcost
