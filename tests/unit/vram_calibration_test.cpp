// The memory model against published measured runs (bench/data/calibration.csv).
#include <catch2/catch.hpp>

#include "ftcost/memory/memory.hpp"
#include "vram_fixtures.hpp"

using Catch::Matchers::WithinRel;
using namespace ftcost;
using test::gib_of;
using test::preset;
using test::resolved;

namespace {

/// Answer.AI fsdp_qlora's train.py recipe on 2 x 2048-token GPUs (bench rows aa-*): "bf16"
/// (bf16-true), torch AdamW, LoRA r64 on q/k/v/gate/up/down, reentrant checkpointing, SDPA.
SetupRequest fsdp_qlora_recipe(Method method, std::int64_t micro_batch, Sharding sharding) {
  SetupRequest r{.method = method,
                 .precision = Precision::Bf16True,
                 .optimizer = Optimizer::AdamW,
                 .seq_len = 2048,
                 .micro_batch = micro_batch,
                 .grad_accum = 1,
                 .grad_ckpt = GradCkpt::Full,
                 .attention = Attention::Sdpa,
                 .lora_rank = 64};
  r.lora_targets =
      std::vector<std::string>{"q_proj", "k_proj", "v_proj", "gate_proj", "up_proj", "down_proj"};
  r.loss = Loss::Standard;
  r.gpus = 2;
  r.sharding = sharding;
  r.framework = Framework::Hf;
  return r;
}

}  // namespace

// Published measured runs (bench/data/calibration.csv). Tolerances: 5% for torchtune's
// "Peak Memory Active" ablation rows (same recipe measured within one table, trust high);
// 10% for fsdp_qlora's reserved figures, where the caching allocator's reserve varies with
// allocation order (the same page shows reserved 1.12x allocated).
TEST_CASE("Llama 3.2 3B full fine-tune without checkpointing: 60.0 GiB allocated (tt-19)",
          "[vram]") {
  const ModelArch& arch = preset("llama-3.2-3b");
  SetupRequest r{.method = Method::Full,
                 .precision = Precision::Bf16True,
                 .optimizer = Optimizer::AdamW,
                 .seq_len = 4096,
                 .micro_batch = 2,
                 .grad_accum = 1,
                 .grad_ckpt = GradCkpt::None,
                 .attention = Attention::Sdpa};
  r.loss = Loss::Standard;
  r.framework = Framework::Torchtune;
  const MemoryEstimate e = estimate_memory(arch, resolved(arch, r));
  CHECK_THAT(gib_of(e.peak_allocated_bytes), WithinRel(60.0, 0.05));
}

TEST_CASE("Llama 3.2 3B with compile, chunked CE and checkpointing: 24.9 GiB (tt-22)", "[vram]") {
  const ModelArch& arch = preset("llama-3.2-3b");
  SetupRequest r{.method = Method::Full,
                 .precision = Precision::Bf16True,
                 .optimizer = Optimizer::AdamW,
                 .seq_len = 4096,
                 .micro_batch = 2,
                 .grad_accum = 1,
                 .grad_ckpt = GradCkpt::Full,
                 .attention = Attention::Sdpa};
  r.loss = Loss::Fused;
  r.framework = Framework::Torchtune;
  r.compiled = true;
  const MemoryEstimate e = estimate_memory(arch, resolved(arch, r));
  CHECK_THAT(gib_of(e.peak_allocated_bytes), WithinRel(24.9, 0.05));
}

TEST_CASE("Llama 2 7B LoRA r8 on q,v at 2 x 512 tokens: 14.50 GiB reserved (tt-28)", "[vram]") {
  const ModelArch& arch = preset("llama-2-7b");
  SetupRequest r{.method = Method::Lora,
                 .precision = Precision::Bf16True,
                 .optimizer = Optimizer::AdamW,
                 .seq_len = 512,
                 .micro_batch = 2,
                 .grad_accum = 64,
                 .grad_ckpt = GradCkpt::Full,
                 .attention = Attention::Sdpa,
                 .lora_rank = 8};
  r.lora_targets = std::vector<std::string>{"qv"};
  r.loss = Loss::Standard;
  r.framework = Framework::Torchtune;
  const MemoryEstimate e = estimate_memory(arch, resolved(arch, r));
  CHECK_THAT(gib_of(e.peak_reserved_bytes), WithinRel(14.50, 0.05));
}

TEST_CASE("Llama 2 7B LoRA r64 under DDP on 2 GPUs, 4 x 2048: 22.04 GiB reserved (aa-05)",
          "[vram]") {
  const ModelArch& arch = preset("llama-2-7b");
  SetupRequest r = fsdp_qlora_recipe(Method::Lora, 4, Sharding::Ddp);
  r.transformers_version = LibraryVersion{4, 38};
  const MemoryEstimate e = estimate_memory(arch, resolved(arch, r));
  CHECK_THAT(gib_of(e.peak_reserved_bytes), WithinRel(22.04, 0.10));
}

TEST_CASE("Llama 2 7B QLoRA, FSDP on 2 GPUs, 10 x 2048, Transformers 4.38: 20.97 GiB (aa-07)",
          "[vram]") {
  const ModelArch& arch = preset("llama-2-7b");
  SetupRequest r = fsdp_qlora_recipe(Method::Qlora, 10, Sharding::Fsdp);
  r.quant = Quant::Nf4Dq;
  r.transformers_version = LibraryVersion{4, 38};
  const MemoryEstimate e = estimate_memory(arch, resolved(arch, r));
  CHECK_THAT(gib_of(e.peak_reserved_bytes), WithinRel(20.97, 0.10));
}
