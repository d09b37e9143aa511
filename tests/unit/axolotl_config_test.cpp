// Reading an Axolotl config as the setup (--from-config): keys, defaults, errors, flag overlay.
#include "ftcost/load/axolotl_config.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "ftcost/base/error.hpp"

using Catch::Matchers::Contains;

TEST_CASE("an Axolotl QLoRA config becomes ftcost's setup", "[axolotl]") {
  const auto config = ftcost::parse_axolotl_config(R"(
base_model: meta-llama/Llama-3.1-8B
adapter: qlora
load_in_4bit: true
lora_r: 16
lora_alpha: 32
lora_target_linear: true
sequence_len: 4096
sample_packing: true
micro_batch_size: 2
gradient_accumulation_steps: 8
num_epochs: 3
optimizer: paged_adamw_8bit
learning_rate: 0.0002
gradient_checkpointing: true
attn_implementation: flash_attention_2
bf16: auto
datasets:
  - path: tatsu-lab/alpaca
    type: alpaca
)",
                                                   "a.yaml", ".");
  CHECK(config.model == "meta-llama/Llama-3.1-8B");
  const ftcost::SetupRequest& r = config.request;
  CHECK(r.framework == ftcost::Framework::Axolotl);
  CHECK(r.method == ftcost::Method::Qlora);
  CHECK(r.quant == ftcost::Quant::Nf4Dq);  // Axolotl's QLoRA loader double-quantizes
  CHECK(r.lora_rank == 16);
  REQUIRE(r.lora_targets);
  CHECK(*r.lora_targets == std::vector<std::string>{"all-linear"});
  CHECK(r.seq_len == 4096);
  CHECK(r.micro_batch == 2);
  CHECK(r.grad_accum == 8);
  CHECK(r.optimizer == ftcost::Optimizer::PagedAdamW8bit);
  CHECK(r.grad_ckpt == ftcost::GradCkpt::Full);
  CHECK(r.attention == ftcost::Attention::Flash);
  CHECK(r.precision == ftcost::Precision::Bf16Mixed);
  CHECK(config.epochs == 3);
  CHECK(config.packing == ftcost::Packing::On);
  // Keys without a memory or speed effect are named, not silently dropped.
  REQUIRE(config.notes.size() == 1);
  CHECK_THAT(config.notes[0].text,
             Contains("lora_alpha") && Contains("learning_rate") && Contains("datasets"));
}

TEST_CASE("a DeepSpeed file named by the config sets the ZeRO stage and offload", "[axolotl]") {
  const auto dir = std::filesystem::temp_directory_path() / "ftcost-axolotl-ds";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "ds.json")
      << R"({"zero_optimization": {"stage": 3, "offload_param": {"device": "cpu"}}})";
  const auto config = ftcost::parse_axolotl_config(
      "base_model: x/y\ndeepspeed: ds.json\nbfloat16: true\n", "b.yaml", dir.string());
  CHECK(config.request.method == ftcost::Method::Full);
  CHECK(config.request.sharding == ftcost::Sharding::Zero3);
  CHECK(config.request.cpu_offload == ftcost::CpuOffload::Params);
  CHECK(config.request.precision == ftcost::Precision::Bf16True);
  CHECK(config.request.seq_len == 512);  // Axolotl's default, stated
  REQUIRE(config.notes.size() == 2);
  CHECK_THAT(config.notes[0].text, Contains("full fine-tuning"));
  CHECK_THAT(config.notes[1].text, Contains("Axolotl's default 512"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad Axolotl configs name the file and key", "[axolotl]") {
  auto [text, message] = GENERATE(table<std::string, std::string>({
      {"adapter: lora\n", "c.yaml: /base_model: missing"},
      {"base_model: m\nadapter: ia3\n", "c.yaml: /adapter: 'ia3' is not modelled"},
      {"base_model: m\nmicro_batch_size: 0\n", "/micro_batch_size: must be >= 1"},
      {"base_model: m\noptimizer: lion_8bit\n", "/optimizer: 'lion_8bit' is not modelled"},
      {"base_model: [unclosed\n", "c.yaml:2:1: invalid YAML"},
      {"- a list\n", "not a YAML mapping"},
      {"base_model: a\nbase_model: b\n", "c.yaml: /base_model: duplicate key"},
      {"base_model: m\ndeepspeed: missing.json\n", "c.yaml: /deepspeed: ./missing.json"},
  }));
  try {
    (void)ftcost::parse_axolotl_config(text, "c.yaml", ".");
    FAIL("expected InputError");
  } catch (const ftcost::InputError& error) {
    CHECK_THAT(error.what(), Contains(message));
    CHECK(error.exit_code() == ftcost::ExitCode::InvalidData);
  }
}

TEST_CASE("typed flags win over the config and are named when they differ", "[axolotl]") {
  ftcost::SetupRequest config;
  config.micro_batch = 2;
  config.seq_len = 4096;
  ftcost::SetupRequest flags;
  flags.micro_batch = 4;
  flags.seq_len = 4096;
  const auto notes = ftcost::overlay_flags(config, flags, "a.yaml");
  CHECK(config.micro_batch == 4);
  REQUIRE(notes.size() == 1);  // the same seq-len is no override
  CHECK(notes[0].text == "--micro-batch overrides the value in a.yaml");
}
