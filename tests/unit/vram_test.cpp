// The memory model: hand-computed components and properties every estimate has.
#include <catch2/catch.hpp>
#include <numeric>

#include "core/memory/memory_terms.hpp"
#include "ftcost/memory/memory.hpp"
#include "vram_fixtures.hpp"

using Catch::Matchers::WithinRel;
using namespace ftcost;
using test::gib_of;
using test::preset;
using test::resolved;

namespace {

void check_invariants(const MemoryEstimate& e) {
  const double sum =
      std::accumulate(e.components.begin(), e.components.end(), 0.0,
                      [](double s, const MemoryComponent& c) { return s + c.bytes; });
  CHECK_THAT(sum, WithinRel(e.peak_allocated_bytes, 1e-9));
  for (const PhaseMemory& p : e.phases) {
    CHECK(p.allocated_bytes <= e.peak_allocated_bytes);
    CHECK(std::isfinite(p.allocated_bytes));
  }
  CHECK(e.peak_reserved_bytes >= e.peak_allocated_bytes);
  CHECK(e.device_total_bytes > e.peak_reserved_bytes);
}

}  // namespace

TEST_CASE("NF4 with double quantization costs 0.5159 bytes per parameter", "[vram]") {
  // 4-bit code + 8-bit absmax per 64 values + fp32 constant per 256 blocks:
  // 0.5 + 1/64 + 4/16384 = 0.515869140625 (QLoRA paper, sec. 3).
  CHECK(ftcost::quantized_bytes_per_param(Quant::Nf4Dq) == 0.515869140625);
  // Without double quantization the fp32 absmax per 64 values adds 4/64: 0.5625.
  CHECK(ftcost::quantized_bytes_per_param(Quant::Nf4) == 0.5625);
}

TEST_CASE("QLoRA keeps Llama 3.1 8B's embeddings and lm_head in bf16 beside NF4 linears",
          "[vram]") {
  const ModelArch& arch = preset("llama-3.1-8b");
  const TrainingSetup setup =
      resolved(arch, {.method = Method::Qlora, .framework = Framework::Torchtune});
  // Block linears 32 x 218,103,808 = 6,979,321,856 at 0.515869140625 B = 3,600,416,768 B;
  // the other 1,050,939,392 weights (embedding, lm_head, norms) at 2 B = 2,101,878,784 B.
  const auto terms = test::static_terms_of(arch, setup);
  CHECK_THAT(terms.frozen_weights, WithinRel(5'702'295'552.0, 1e-12));
}

TEST_CASE("gradient accumulation adds one gradient set, never one per micro-batch", "[vram]") {
  const ModelArch& arch = preset("llama-3.2-3b");
  SetupRequest request{.method = Method::Full, .framework = Framework::Torchtune};
  request.grad_accum = 1;
  const double one = estimate_memory(arch, resolved(arch, request)).peak_allocated_bytes;
  request.grad_accum = 2;
  const double two = estimate_memory(arch, resolved(arch, request)).peak_allocated_bytes;
  request.grad_accum = 64;
  const double many = estimate_memory(arch, resolved(arch, request)).peak_allocated_bytes;
  CHECK(two >= one);
  CHECK(many == two);
}

TEST_CASE("QLoRA <= LoRA <= full fine-tuning for the same setup", "[vram]") {
  for (const char* id : {"llama-3.1-8b", "llama-2-7b", "mistral-small-24b", "qwen3-30b-a3b"}) {
    const ModelArch& arch = preset(id);
    auto peak = [&](Method method) {
      SetupRequest r{.method = method, .framework = Framework::Hf};
      if (method != Method::Full) {
        r.lora_targets = std::vector<std::string>{"all-linear"};
      }
      const MemoryEstimate e = estimate_memory(arch, resolved(arch, r));
      check_invariants(e);
      return e.peak_allocated_bytes;
    };
    INFO(id);
    CHECK(peak(Method::Qlora) <= peak(Method::Lora));
    CHECK(peak(Method::Lora) <= peak(Method::Full));
  }
}

TEST_CASE("memory never decreases with sequence length or micro-batch", "[vram]") {
  const ModelArch& arch = preset("llama-3.1-8b");
  const auto framework = GENERATE(Framework::Hf, Framework::Unsloth, Framework::Torchtune);
  const auto attention = GENERATE(Attention::Flash, Attention::Eager);
  double previous = 0;
  for (std::int64_t seq = 128; seq <= 65536; seq *= 2) {
    SetupRequest r{.method = Method::Qlora, .seq_len = seq, .micro_batch = 1};
    r.attention = attention;
    r.framework = framework;
    const double peak = estimate_memory(arch, resolved(arch, r)).peak_allocated_bytes;
    CHECK(peak >= previous);
    previous = peak;
  }
  previous = 0;
  for (std::int64_t batch = 1; batch <= 64; batch *= 2) {
    SetupRequest r{.method = Method::Lora, .micro_batch = batch};
    r.framework = framework;
    const double peak = estimate_memory(arch, resolved(arch, r)).peak_allocated_bytes;
    CHECK(peak >= previous);
    previous = peak;
  }
}

TEST_CASE("per-GPU memory does not grow with more GPUs under zero3 or fsdp", "[vram]") {
  const ModelArch& arch = preset("llama-3.1-70b");
  const auto sharding = GENERATE(Sharding::Zero3, Sharding::Fsdp);
  const auto method = GENERATE(Method::Full, Method::Lora, Method::Qlora);
  double previous = std::numeric_limits<double>::infinity();
  for (std::int64_t gpus = 2; gpus <= 64; gpus *= 2) {
    SetupRequest r{.method = method, .gpus = gpus, .sharding = sharding};
    const double peak = estimate_memory(arch, resolved(arch, r)).peak_allocated_bytes;
    CHECK(peak <= previous);
    previous = peak;
  }
}

TEST_CASE("compiled chunked CE holds the 16-bit logits list and no fp32 chunk", "[vram]") {
  const ModelArch& arch = preset("llama-3.2-3b");
  SetupRequest r{.method = Method::Full, .seq_len = 4096, .micro_batch = 2};
  r.loss = Loss::Fused;
  r.framework = Framework::Torchtune;
  r.compiled = true;
  const auto buffers = test::loss_buffers_of(arch, resolved(arch, r));
  // 8,192 tokens x 128,256 vocabulary = 1,050,673,152 logits. Forward: the bf16 chunks,
  // 2 B each = 2,101,346,304 B (Inductor fuses the fp32 upcast into the CE reductions).
  // Backward adds one chunk's bf16 gradient: x (1 + 1/8) = 2,364,014,592 B.
  CHECK(buffers.forward == 2'101'346'304.0);
  CHECK(buffers.backward == 2'364'014'592.0);
}

TEST_CASE("FSDP1 with CPU param offload keeps the whole unsharded root unit on the GPU", "[vram]") {
  const ModelArch& arch = preset("llama-2-7b");
  SetupRequest r{.method = Method::Lora, .lora_rank = 64, .gpus = 2};
  r.lora_targets =
      std::vector<std::string>{"q_proj", "k_proj", "v_proj", "gate_proj", "up_proj", "down_proj"};
  r.sharding = Sharding::Fsdp;
  r.framework = Framework::Hf;
  // One block: 4 x 4096^2 + 3 x 4096 x 11008 = 202,375,168 bf16 weights = 404,750,336 B, plus
  // fp32 adapters 64 x (3 x 8192 + 2 x 15104 + 15104) = 4,472,832 x 4 B = 17,891,328 B:
  // unit 422,641,664 B, two in flight 845,283,328 B. Root: 2 x 32000 x 4096 embeddings +
  // 65 x 4096 norms = 262,410,240 bf16 weights = 524,820,480 B.
  r.cpu_offload = CpuOffload::None;
  const TrainingSetup sharded = resolved(arch, r);
  // Without offload the local half of the root is already among the resident weights.
  CHECK(test::gathered_unit_bytes_of(arch, sharded) == 845'283'328.0 + 524'820'480.0 / 2);
  r.cpu_offload = CpuOffload::Params;
  const TrainingSetup offloaded = resolved(arch, r);
  CHECK(test::gathered_unit_bytes_of(arch, offloaded) == 845'283'328.0 + 524'820'480.0);
}

TEST_CASE("Transformers before 4.46 holds fp32 logits in the outputs", "[vram]") {
  const ModelArch& arch = preset("llama-2-7b");
  SetupRequest r{.method = Method::Qlora, .seq_len = 2048, .micro_batch = 10};
  r.loss = Loss::Standard;
  r.framework = Framework::Hf;
  // 20,480 tokens x 32,000 vocabulary = 655,360,000 logits. Current releases: 16-bit held
  // logits + fp32 upcast + shifted copy + log-softmax = 14 B each, in both phases.
  const auto current = test::loss_buffers_of(arch, resolved(arch, r));
  CHECK(current.forward == 655'360'000.0 * 14);
  CHECK(current.backward == 655'360'000.0 * 14);
  // 4.38: fp32 held logits + shifted copy + log-softmax = 12 B; backward adds the nll and
  // log-softmax gradients next to the held logits and the saved log-softmax = 16 B.
  r.transformers_version = LibraryVersion{4, 38};
  const auto legacy = test::loss_buffers_of(arch, resolved(arch, r));
  CHECK(legacy.forward == 655'360'000.0 * 12);
  CHECK(legacy.backward == 655'360'000.0 * 16);
  r.transformers_version = LibraryVersion{4, 46};
  CHECK(test::loss_buffers_of(arch, resolved(arch, r)).backward == current.backward);
  // torchtune and Unsloth never run Transformers' causal-LM forward: the release changes nothing.
  r.transformers_version = LibraryVersion{4, 38};
  const auto framework = GENERATE(Framework::Torchtune, Framework::Unsloth);
  r.framework = framework;
  const auto with_version = test::loss_buffers_of(arch, resolved(arch, r));
  r.transformers_version.reset();
  CHECK(with_version.backward == test::loss_buffers_of(arch, resolved(arch, r)).backward);
}
