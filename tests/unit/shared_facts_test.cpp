// The memory model, the duration model and the artifact sizes agree on every quantity they share
// (adapter parameters, base weight bytes, shard fractions): one home, setup/setup_traits.
#include <catch2/catch.hpp>

#include "ftcost/duration/duration.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/memory/memory.hpp"
#include "ftcost/plan/artifacts.hpp"
#include "ftcost/setup/setup_traits.hpp"
#include "vram_fixtures.hpp"

using namespace ftcost;
using Catch::Matchers::WithinRel;
using test::preset;
using test::resolved;

namespace {

// r = 16 on every block linear (HF's own default is r = 8 on q_proj and v_proj).
SetupRequest lora_all_linear(SetupRequest request) {
  request.lora_rank = 16;
  request.lora_targets = std::vector<std::string>{"all-linear"};
  return request;
}

double component(const MemoryEstimate& estimate, const std::string& name) {
  for (const MemoryComponent& part : estimate.components) {
    if (part.name == name) {
      return part.bytes;
    }
  }
  return 0;
}

const Gpu& h100() {
  return resolve_gpu("h100-sxm", default_gpus());
}

}  // namespace

TEST_CASE("Adapter parameters: by hand, and the same in memory and in the artifacts",
          "[shared-facts]") {
  SECTION("Llama 3.1 8B, r = 16 on all seven projections") {
    const TrainingSetup setup =
        resolved(preset("llama-3.1-8b"), lora_all_linear({.method = Method::Lora}));
    // 16 x (q 8192 + k 5120 + v 5120 + o 8192 + gate 18432 + up 18432 + down 18432) = 16 x
    // 81,920 = 1,310,720 per layer, x 32 layers = 41,943,040; dense, so active == stored.
    const LoraParams params = lora_params(preset("llama-3.1-8b"), setup);
    CHECK(params.stored == 41'943'040.0);
    CHECK(params.active == 41'943'040.0);
  }
  SECTION("Mixtral 8x7B: every expert stores adapters, a token trains two") {
    const ModelArch& arch = preset("mixtral-8x7b");
    const TrainingSetup setup = resolved(arch, lora_all_linear({.method = Method::Lora}));
    // Attention 16 x (8192 + 5120 + 5120 + 8192) = 425,984; one expert's three projections
    // 3 x 16 x (4096 + 14336) = 884,736. Stored: 425,984 + 8 x 884,736 = 7,503,872 per layer;
    // active: 425,984 + 2 x 884,736 = 2,195,456 per layer; x 32 layers.
    const LoraParams params = lora_params(arch, setup);
    CHECK(params.stored == 7'503'872.0 * 32);
    CHECK(params.active == 2'195'456.0 * 32);
  }
  SECTION("memory, checkpoint and adapter file hold the same stored adapters") {
    const ModelArch& arch = preset("mixtral-8x7b");
    const TrainingSetup setup =
        resolved(arch, lora_all_linear({.method = Method::Lora, .optimizer = Optimizer::AdamW}));
    const double stored = lora_params(arch, setup).stored;
    const SetupTraits traits = setup_traits(setup);
    REQUIRE(traits.trainable_bytes == 4);  // PEFT's fp32 adapters under bf16-mixed
    const MemoryEstimate memory = estimate_memory(arch, setup);
    const ArtifactSizes artifacts = artifact_sizes(arch, setup, 1e6);
    CHECK(component(memory, "weights_trainable") == stored * 4);
    CHECK(component(memory, "optimizer_states") == stored * 8);  // AdamW: two fp32 moments
    CHECK(artifacts.adapter_bytes == stored * 4);
    CHECK(artifacts.checkpoint_bytes == stored * (4 + 8));
  }
}

TEST_CASE("Base weight bytes: the memory model's frozen base is what FSDP gathers in time",
          "[shared-facts]") {
  const ModelArch& arch = preset("llama-3.1-8b");
  const auto quant = GENERATE(Quant::Nf4, Quant::Nf4Dq, Quant::Int8, Quant::GptqInt4);
  SetupRequest request{.method = Method::Qlora, .quant = quant};
  request.framework = Framework::Axolotl;  // no fp32 upcast of the non-quantized weights
  const TrainingSetup one_gpu = resolved(arch, request);
  const double frozen = component(estimate_memory(arch, one_gpu), "weights_frozen");
  // Llama 3.1 8B: 6,979,321,856 block-linear weights at the quant's bytes, the other
  // 1,050,939,392 (embeddings, lm_head, norms) in bf16.
  CHECK_THAT(
      frozen,
      WithinRel(6'979'321'856.0 * quantized_bytes_per_param(quant) + 1'050'939'392.0 * 2, 1e-12));
  // Two GPUs with FSDP: each micro-batch all-gathers the base for forward, recompute and
  // backward (3 passes) and reduce-scatters the 16-bit adapter gradients; each GPU moves
  // (n-1)/n of it over the link.
  request.gpus = 2;
  request.sharding = Sharding::Fsdp;
  request.grad_ckpt = GradCkpt::Full;
  request.grad_accum = 1;
  const TrainingSetup two_gpus = resolved(arch, request);
  const StepTime step = step_time(arch, two_gpus, h100(), {});
  const double moved = 0.5 * (3 * frozen + lora_params(arch, two_gpus).stored * 2);
  CHECK_THAT(step.communication_s * link_gb_per_s(h100(), 2, {}) * 1e9, WithinRel(moved, 1e-12));
}

TEST_CASE("Shard fractions: ZeRO stages divide optimizer state in memory and update in time",
          "[shared-facts]") {
  const ModelArch& arch = preset("llama-3.2-1b");
  const auto sharding = GENERATE(Sharding::Ddp, Sharding::Zero1, Sharding::Zero2, Sharding::Zero3);
  SetupRequest request{.method = Method::Full, .optimizer = Optimizer::AdamW, .gpus = 4};
  request.sharding = sharding;
  const TrainingSetup four = resolved(arch, request);
  request.gpus = 1;
  request.sharding = Sharding::None;
  const TrainingSetup one = resolved(arch, request);
  const double memory_share = component(estimate_memory(arch, four), "optimizer_states") /
                              component(estimate_memory(arch, one), "optimizer_states");
  const double time_share =
      step_time(arch, four, h100(), {}).optimizer_s / step_time(arch, one, h100(), {}).optimizer_s;
  const double expected = zero_stage(sharding) >= 1 ? 0.25 : 1.0;
  CHECK_THAT(memory_share, WithinRel(expected, 1e-12));
  CHECK_THAT(time_share, WithinRel(expected, 1e-12));
}
