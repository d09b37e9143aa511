// resolve_setup: framework defaults, LoRA target presets and bad-input messages.
#include "ftcost/setup/resolve.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "ftcost/base/error.hpp"
#include "ftcost/load/model_load.hpp"

using Catch::Matchers::Contains;
using namespace ftcost;

namespace {

const ModelArch& llama8b() {
  return default_model_presets().front();  // llama-3.1-8b is the first preset
}

std::string error_of(const SetupRequest& request) {
  try {
    (void)resolve_setup(llama8b(), request);
  } catch (const InputError& error) {
    CHECK(error.exit_code() == ExitCode::Usage);
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("torchtune defaults: bf16-true, chunked loss, q/v adapters of rank 8", "[resolve]") {
  const ResolvedSetup r =
      resolve_setup(llama8b(), {.method = Method::Lora, .framework = Framework::Torchtune});
  CHECK(r.setup.precision == Precision::Bf16True);
  CHECK(r.setup.loss == Loss::Fused);
  CHECK(r.setup.lora_rank == 8);
  CHECK(r.setup.lora_targets == std::vector<std::string>{"q_proj", "v_proj"});
  CHECK(r.setup.quant == Quant::None);
  CHECK_FALSE(r.assumptions().empty());
}

TEST_CASE("Unsloth defaults: offloaded checkpointing, fused loss, 8-bit AdamW", "[resolve]") {
  const ResolvedSetup r = resolve_setup(llama8b(), {.framework = Framework::Unsloth});
  CHECK(r.setup.method == Method::Qlora);
  CHECK(r.setup.quant == Quant::Nf4Dq);
  CHECK(r.setup.grad_ckpt == GradCkpt::Offload);
  CHECK(r.setup.loss == Loss::Fused);
  CHECK(r.setup.optimizer == Optimizer::AdamW8bit);
  CHECK(r.setup.lora_targets.size() == 7);
}

TEST_CASE("explicit flags win over framework defaults", "[resolve]") {
  SetupRequest request{.framework = Framework::Unsloth};
  request.loss = Loss::Standard;
  request.grad_ckpt = GradCkpt::None;
  const ResolvedSetup r = resolve_setup(llama8b(), request);
  CHECK(r.setup.loss == Loss::Standard);
  CHECK(r.setup.grad_ckpt == GradCkpt::None);
}

TEST_CASE("impossible combinations name the flag and what is accepted", "[resolve]") {
  CHECK(error_of({.method = Method::Full, .quant = Quant::Nf4}) ==
        "--quant: 'nf4' needs --method lora or qlora (full fine-tuning trains every weight "
        "unquantized; use --quant none)");
  CHECK_THAT(error_of({.method = Method::Qlora, .quant = Quant::None}),
             Contains("--quant: 'none' contradicts --method qlora"));
  CHECK_THAT(error_of({.method = Method::Full, .lora_rank = 16}),
             Contains("--lora-rank: only applies to --method lora or qlora"));
  CHECK_THAT(error_of({.gpus = 4, .sharding = Sharding::None}),
             Contains("--sharding: 'none' cannot run on --gpus 4"));
  CHECK_THAT(error_of({.cpu_offload = CpuOffload::Params}),
             Contains("--cpu-offload: 'params' needs --sharding zero3 or fsdp"));
}

TEST_CASE("numbers out of range are rejected with the accepted range", "[resolve]") {
  CHECK(error_of({.seq_len = 0}) == "--seq-len: must be an integer from 1 to 10000000 (got 0)");
  CHECK_THAT(error_of({.micro_batch = -3}), Contains("--micro-batch"));
  CHECK_THAT(error_of({.lora_rank = 1'000'000}), Contains("--lora-rank"));
}

TEST_CASE("an unknown LoRA module gets a did-you-mean", "[resolve]") {
  SetupRequest request;
  request.lora_targets = std::vector<std::string>{"q_proj", "gate_prj"};
  CHECK_THAT(error_of(request), Contains("--lora-targets: unknown module 'gate_prj'"));
  CHECK_THAT(error_of(request), Contains("did you mean 'gate_proj'?"));
}

TEST_CASE("a sequence beyond the model's context is a warning, not an error", "[resolve]") {
  const auto& presets = default_model_presets();
  const auto llama2 = std::find_if(presets.begin(), presets.end(),
                                   [](const ModelArch& arch) { return arch.id == "llama-2-7b"; });
  REQUIRE(llama2 != presets.end());
  REQUIRE(llama2->max_position_embeddings == 4096);  // Llama 2's config.json
  const auto count_warnings = [](const ResolvedSetup& r) {
    const std::vector<Assumption> all = r.assumptions();
    return std::count_if(all.begin(), all.end(), [](const Assumption& a) { return a.warning; });
  };
  const ResolvedSetup beyond = resolve_setup(*llama2, {.seq_len = 100'000});
  REQUIRE(count_warnings(beyond) == 1);
  const std::vector<Assumption> beyond_notes = beyond.assumptions();
  const auto warning = std::find_if(beyond_notes.begin(), beyond_notes.end(),
                                    [](const Assumption& a) { return a.warning; });
  CHECK(warning->text ==
        "--seq-len 100000 is beyond llama-2-7b's context of 4096 tokens: the estimate assumes it "
        "runs (e.g. with RoPE scaling)");
  CHECK(count_warnings(resolve_setup(*llama2, {.seq_len = 4096})) == 0);
}

TEST_CASE("a LoRA rank above every targeted module's smaller dimension is an error", "[resolve]") {
  // Llama 3.1 8B: q/o_proj 4096×4096, k/v_proj 4096→1024, MLP 4096↔14336; the largest
  // min(in, out) over all-linear targets is 4096, over k/v alone 1024.
  CHECK(error_of({.method = Method::Lora, .lora_rank = 65'536}) ==
        "--lora-rank: 65536 is larger than the smaller dimension of every targeted module (at "
        "most 4096 for llama-3.1-8b)");
  CHECK(error_of({.method = Method::Lora,
                  .lora_rank = 2048,
                  .lora_targets = std::vector<std::string>{"k_proj", "v_proj"}}) ==
        "--lora-rank: 2048 is larger than the smaller dimension of every targeted module (at "
        "most 1024 for llama-3.1-8b)");
  CHECK(resolve_setup(llama8b(), {.method = Method::Lora, .lora_rank = 4096}).setup.lora_rank ==
        4096);
}
