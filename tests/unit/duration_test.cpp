// The duration model: FLOPs per token, step time orderings, scaling and the configuration search.
#include "ftcost/duration/duration.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "ftcost/base/error.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/model/params.hpp"
#include "ftcost/setup/setup_traits.hpp"

namespace {

using ftcost::GradCkpt;
using ftcost::Method;

// Llama 3.1 8B from its config.json: hidden 4096, 32 layers, 32 heads, 8 KV heads, head_dim 128,
// intermediate 14336, vocab 128256, untied (8,030,261,248 parameters).
ftcost::ModelArch llama_8b() {
  ftcost::BlockGroup group{
      .layers = 32,
      .linears = {{.name = "q_proj", .in_features = 4096, .out_features = 4096},
                  {.name = "k_proj", .in_features = 4096, .out_features = 1024},
                  {.name = "v_proj", .in_features = 4096, .out_features = 1024},
                  {.name = "o_proj", .in_features = 4096, .out_features = 4096},
                  {.name = "gate_proj", .in_features = 4096, .out_features = 14336},
                  {.name = "up_proj", .in_features = 4096, .out_features = 14336},
                  {.name = "down_proj", .in_features = 14336, .out_features = 4096}},
      .other_params = 2LL * 4096,
      .mlp_hidden = 14336};
  ftcost::ModelArch arch;
  arch.id = "llama-3.1-8b";
  arch.hidden_size = 4096;
  arch.num_layers = 32;
  arch.num_heads = 32;
  arch.num_kv_heads = 8;
  arch.head_dim = 128;
  arch.vocab_size = 128256;
  arch.blocks = {group};
  arch.embedding_params = 128256LL * 4096;
  arch.lm_head_params = 128256LL * 4096;
  arch.final_params = 4096;
  return arch;
}

ftcost::TrainingSetup qlora_setup() {
  ftcost::TrainingSetup setup;
  setup.method = Method::Qlora;
  setup.seq_len = 2048;
  setup.micro_batch = 2;
  setup.grad_ckpt = GradCkpt::Full;
  setup.lora_rank = 16;
  setup.lora_targets = {"q_proj",    "k_proj",  "v_proj",   "o_proj",
                        "gate_proj", "up_proj", "down_proj"};
  return setup;
}

double tokens_per_s(const ftcost::TrainingSetup& setup, const std::string& gpu) {
  const auto step =
      ftcost::step_time(llama_8b(), setup, ftcost::resolve_gpu(gpu, ftcost::default_gpus()), {});
  return step.tokens / step.total_s;
}

}  // namespace

TEST_CASE("full fine-tuning costs 3 forward passes of 2 FLOPs per weight plus attention",
          "[duration]") {
  auto setup = qlora_setup();
  setup.method = Method::Full;
  setup.grad_ckpt = GradCkpt::None;
  // Matmul weights: 32 layers x 218,103,808 + lm_head 525,336,576 = 7,504,658,432.
  // Forward: 2 x 7,504,658,432 + attention 4 x 32 x 2048 x 4096 (1,073,741,824)
  //        = 16,083,058,688; full training = 3 x forward = 48,249,176,064.
  const auto flops = ftcost::flops_per_token(llama_8b(), setup);
  CHECK(flops.forward == 16083058688.0);
  CHECK(flops.total() == 48249176064.0);
  CHECK(flops.recompute == 0);
}

TEST_CASE("LoRA skips weight gradients of the frozen base and recomputes one forward",
          "[duration]") {
  auto setup = qlora_setup();
  setup.method = Method::Lora;
  // Adapters r=16 on all 7 projections: 16 x 81,920 x 32 layers = 41,943,040 parameters.
  CHECK(ftcost::lora_params(llama_8b(), setup).active == 41943040.0);
  // Backward: 2 x 7,504,658,432 + 2 x 1,073,741,824 + 6 x 41,943,040 = 17,408,458,752;
  // with recompute the total is 16,083,058,688 x 2 + 17,408,458,752 = 49,574,576,128.
  const auto flops = ftcost::flops_per_token(llama_8b(), setup);
  CHECK(flops.backward == 17408458752.0);
  CHECK(flops.total() == 49574576128.0);
}

TEST_CASE("the same job runs faster on H100 than on A100, and on A100 than on RTX 4090",
          "[duration]") {
  const auto setup = qlora_setup();
  CHECK(tokens_per_s(setup, "h100-sxm") > tokens_per_s(setup, "a100-80gb-sxm"));
  CHECK(tokens_per_s(setup, "a100-80gb-sxm") > tokens_per_s(setup, "rtx-4090"));
}

TEST_CASE("QLoRA is slower than LoRA at equal settings", "[duration]") {
  auto lora = qlora_setup();
  lora.method = Method::Lora;
  // LoRA on a 16-bit base: a LoRA setup that kept --quant nf4-dq would be QLoRA in all but name,
  // and both models (setup_traits().quantized_base) treat it so.
  lora.quant = ftcost::Quant::None;
  for (const char* gpu : {"rtx-3090", "rtx-4090", "a100-80gb-sxm", "h100-sxm"}) {
    INFO(gpu);
    CHECK(tokens_per_s(qlora_setup(), gpu) < tokens_per_s(lora, gpu));
  }
}

TEST_CASE("the Unsloth profile is faster than plain Hugging Face", "[duration]") {
  auto unsloth = qlora_setup();
  unsloth.framework = ftcost::Framework::Unsloth;
  for (const char* gpu : {"rtx-3090", "rtx-4090", "a100-80gb-sxm", "h100-sxm"}) {
    INFO(gpu);
    CHECK(tokens_per_s(unsloth, gpu) > tokens_per_s(qlora_setup(), gpu));
  }
}

TEST_CASE("GPUs without bf16 or FlashAttention 2 switch to fp16 and SDPA and say so",
          "[duration]") {
  auto setup = qlora_setup();
  const auto assumptions =
      ftcost::adapt_to_gpu(setup, ftcost::resolve_gpu("t4", ftcost::default_gpus()));
  CHECK(setup.precision == ftcost::Precision::Fp16Mixed);
  CHECK(setup.attention == ftcost::Attention::Sdpa);
  CHECK(assumptions.size() == 2);
  // Nothing was asked for explicitly, so neither change is a warning.
  CHECK_FALSE(assumptions[0].warning);
  CHECK_FALSE(assumptions[1].warning);
}

TEST_CASE("overriding an explicit --precision or --attention is a warning", "[duration]") {
  auto setup = qlora_setup();
  setup.precision = ftcost::Precision::Bf16True;
  setup.attention = ftcost::Attention::Flash;
  const auto v100 = ftcost::resolve_gpu("v100-pcie-16gb", ftcost::default_gpus());
  const auto assumptions = ftcost::adapt_to_gpu(
      setup, v100,
      {.precision = ftcost::Precision::Bf16True, .attention = ftcost::Attention::Flash});
  REQUIRE(assumptions.size() == 2);
  CHECK(assumptions[0].warning);
  CHECK_THAT(assumptions[0].text,
             Catch::Matchers::EndsWith("has no bf16: training in fp16 mixed precision instead of "
                                       "--precision bf16-true"));
  CHECK(assumptions[1].warning);
  CHECK_THAT(assumptions[1].text, Catch::Matchers::EndsWith(
                                      "using PyTorch SDPA attention instead of --attention flash"));
}

namespace {

// A stand-in memory model: 10 GiB fixed + 1 GiB per 2048-token sequence without
// checkpointing, a quarter of that with it.
ftcost::MemoryNeed fake_peak_bytes(const ftcost::TrainingSetup& setup) {
  const double per_sequence = setup.grad_ckpt == GradCkpt::None ? 1.0 : 0.25;
  const double bytes =
      ftcost::gib_to_bytes(10 + per_sequence * static_cast<double>(setup.micro_batch));
  return {.fit_bytes = bytes, .reserved_bytes = bytes};
}

// A workload of `tokens` tokens, one epoch, `global` sequences per step (0: the setup's).
ftcost::Workload tokens_workload(double tokens, std::int64_t global) {
  ftcost::Workload workload;
  workload.dataset_tokens = tokens;
  workload.global_batch_sequences = global;
  return workload;
}

ftcost::DurationEstimate run_on(const std::string& gpu, std::int64_t gpus, std::int64_t global) {
  return ftcost::estimate_duration_with(llama_8b(), qlora_setup(), {},
                                        ftcost::resolve_gpu(gpu, ftcost::default_gpus()), gpus,
                                        tokens_workload(50e6, global), fake_peak_bytes);
}

}  // namespace

TEST_CASE("the search takes the largest micro-batch that fits and keeps the global batch",
          "[duration]") {
  // RTX 4090 (23.65 GiB): without checkpointing 10 + 8 = 18 GiB fits at micro-batch 8;
  // 16 would need 26 GiB. With checkpointing 16 fits (14 GiB) but recomputes a forward.
  const auto run = run_on("rtx-4090", 1, 16);
  REQUIRE(run.fits);
  CHECK(run.setup.micro_batch * run.setup.grad_accum == 16);
  CHECK(run.peak_reserved_gib <= run.capacity_gib);
  CHECK(run.steady_train_hours == Approx(50e6 / run.tokens_per_s_total / 3600));
  CHECK(run.train_hours == Approx(run.steady_train_hours + 60.0 / 3600));
}

TEST_CASE("checkpointing is used only when nothing fits without it", "[duration]") {
  // RTX A4000 (15.84 GiB): without checkpointing 10 + 4 = 14 GiB fits micro-batch 4, so no
  // recomputation even though micro-batch 16 would fit with it (10 + 4 = 14 GiB).
  const auto a4000 = run_on("rtx-a4000", 1, 16);
  REQUIRE(a4000.fits);
  CHECK(a4000.setup.grad_ckpt == GradCkpt::None);
  CHECK(a4000.setup.micro_batch == 4);
  CHECK(a4000.setup.grad_accum == 4);
  // T4 (14.75 GiB) but with a 14 GiB base: nothing fits without it, 14 + 0.25 x 2 does with it.
  const auto tight = [](const ftcost::TrainingSetup& setup) {
    const double bytes = fake_peak_bytes(setup).fit_bytes + ftcost::gib_to_bytes(4);
    return ftcost::MemoryNeed{.fit_bytes = bytes, .reserved_bytes = bytes};
  };
  const auto t4 = ftcost::estimate_duration_with(llama_8b(), qlora_setup(), {},
                                                 ftcost::resolve_gpu("t4", ftcost::default_gpus()),
                                                 1, tokens_workload(1e6, 16), tight);
  REQUIRE(t4.fits);
  CHECK(t4.setup.grad_ckpt == GradCkpt::Full);
  CHECK(t4.setup.micro_batch == 2);
}

TEST_CASE("a job that fits nowhere reports why instead of a time", "[duration]") {
  const auto huge = [](const ftcost::TrainingSetup&) {
    return ftcost::MemoryNeed{.fit_bytes = ftcost::gib_to_bytes(100), .reserved_bytes = 0};
  };
  const auto run = ftcost::estimate_duration_with(
      llama_8b(), qlora_setup(), {}, ftcost::resolve_gpu("rtx-4090", ftcost::default_gpus()), 1,
      tokens_workload(1e6, 0), huge);
  CHECK_FALSE(run.fits);
  CHECK(run.why_not == "needs 100.00 GiB per GPU, has 23.65 GiB");
}

TEST_CASE("more GPUs never make the wall time longer", "[duration]") {
  for (const char* gpu : {"rtx-4090", "a100-80gb-sxm", "h100-sxm"}) {
    double previous_hours = 1e30;
    for (const std::int64_t gpus : {1, 2, 4, 8, 16}) {
      INFO(gpu << " x" << gpus);
      const auto run = run_on(gpu, gpus, 64);
      REQUIRE(run.fits);
      CHECK(run.train_hours <= previous_hours);
      previous_hours = run.train_hours;
    }
  }
}

TEST_CASE("a non-positive workload is a usage error", "[duration]") {
  const auto gpu = ftcost::resolve_gpu("rtx-4090", ftcost::default_gpus());
  CHECK_THROWS_WITH(ftcost::estimate_duration_with(llama_8b(), qlora_setup(), {}, gpu, 1,
                                                   tokens_workload(0, 0), fake_peak_bytes),
                    Catch::Contains("training tokens must be > 0"));
}

TEST_CASE("padding of unpacked samples lowers useful tokens/s and steers the micro-batch",
          "[duration][padding]") {
  // 9 in 10 samples are 64 tokens, 1 in 10 fills 2048: a micro-batch of 8 is padded to ~1,195
  // tokens per sequence for ~262 real ones, so smaller micro-batches train real tokens faster.
  ftcost::Workload skewed = tokens_workload(262e3, 16);
  skewed.sample_lengths = {{.tokens = 64, .samples = 900}, {.tokens = 2048, .samples = 100}};
  const auto gpu = ftcost::resolve_gpu("rtx-4090", ftcost::default_gpus());
  const auto searched = ftcost::estimate_duration_with(llama_8b(), qlora_setup(), {}, gpu, 1,
                                                       skewed, fake_peak_bytes);
  ftcost::SetupRequest eight;
  eight.micro_batch = 8;
  const auto fixed = ftcost::estimate_duration_with(llama_8b(), qlora_setup(), eight, gpu, 1,
                                                    skewed, fake_peak_bytes);
  REQUIRE(searched.fits);
  REQUIRE(fixed.fits);
  // Timed at whole tokens: the ceiling of the expected longest sample, 64 x 0.9^8 + 2048 x
  // (1 - 0.9^8) = 1,195.4 -> 1,196.
  CHECK(fixed.sequence_tokens == std::ceil(64 * std::pow(0.9, 8) + 2048 * (1 - std::pow(0.9, 8))));
  CHECK(fixed.padding_efficiency == Approx(262.4 / fixed.sequence_tokens).epsilon(1e-3));
  CHECK(fixed.useful_tokens_per_s_per_gpu ==
        Approx(fixed.tokens_per_s_per_gpu * fixed.padding_efficiency).epsilon(1e-12));
  CHECK(searched.setup.micro_batch < 8);
  CHECK(searched.useful_tokens_per_s_per_gpu > fixed.useful_tokens_per_s_per_gpu);
  // Hours follow the real tokens: 900 x 64 + 100 x 2048 = 262,400 per epoch.
  CHECK(searched.steady_train_hours ==
        Approx(262400 / searched.useful_tokens_per_s_per_gpu / 3600).epsilon(1e-9));
}

TEST_CASE("GPU generations scale by achievable, not datasheet, peaks", "[duration]") {
  // Same QLoRA setup on both cards. The datasheets put the H100 SXM at 989.5 / 165.2 = 5.99x an
  // RTX 4090; the measured GEMM rates at 794.5 / 168.4 = 4.72x and triad bandwidth at
  // 2970 / 912 = 3.26x. Step time mixes both, so the ratio lies between those two.
  const double ratio =
      tokens_per_s(qlora_setup(), "h100-sxm") / tokens_per_s(qlora_setup(), "rtx-4090");
  CHECK(ratio > 2970.0 / 912);
  CHECK(ratio < 794.5 / 168.4);
}

TEST_CASE("CPU offload times the host copies and the host optimizer step", "[duration]") {
  // Llama 3.1 8B full fine-tune, FSDP over 8 GPUs, 2 micro-batches per step.
  ftcost::TrainingSetup setup = qlora_setup();
  setup.method = Method::Full;
  setup.quant = ftcost::Quant::None;
  setup.gpus = 8;
  setup.sharding = ftcost::Sharding::Fsdp;
  setup.grad_accum = 2;
  const auto gpu = ftcost::resolve_gpu("a100-80gb-sxm", ftcost::default_gpus());
  const double shard = static_cast<double>(ftcost::count_params(llama_8b()).total) / 8;
  const auto resident = ftcost::step_time(llama_8b(), setup, gpu, {});
  CHECK(resident.offload_s == 0);
  CHECK(resident.optimizer_s > 0);

  // Optimizer offload: 2 B gradients down per micro-batch and 2 B weights up per step over
  // 25 GB/s, and 30 B per parameter of host memory traffic at 25 GB/s, for the GPU's shard.
  setup.cpu_offload = ftcost::CpuOffload::Optimizer;
  const auto optimizer = ftcost::step_time(llama_8b(), setup, gpu, {});
  CHECK(optimizer.optimizer_s == 0);
  CHECK(optimizer.offload_s == Approx(shard * (2 * 2 + 30 + 2) / 25e9));

  // Parameter offload: instead of the updated weights, every pass of every micro-batch brings
  // the 2 B weight shard up (forward, backward and the recompute of checkpointing: 3 passes).
  setup.cpu_offload = ftcost::CpuOffload::Params;
  const auto params = ftcost::step_time(llama_8b(), setup, gpu, {});
  CHECK(params.offload_s == Approx(shard * (2 * 2 + 30 + 2 * 3 * 2) / 25e9));
  CHECK(params.total_s > resident.total_s);
}
