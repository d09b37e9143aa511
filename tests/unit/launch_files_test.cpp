// Launch files: every emitted YAML/JSON file re-parsed and checked field by field against the plan.
#include "ftcost/render/launch_files.hpp"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "ftcost/base/error.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// A hand-made plan row: QLoRA of Llama 3.1 8B on one spot RTX 4090 at Vast.ai.
ftcost::PlanRow spot_row() {
  ftcost::PlanRow row;
  row.offer.provider = "vast";
  row.offer.gpu = "rtx-4090";
  row.offer.gpus = 1;
  row.offer.tier = ftcost::Tier::Spot;
  row.offer.usd_per_hour = 0.113;
  row.provider_name = "Vast.ai";
  row.instances = 1;
  row.gpus_total = 1;
  row.disk_gb = 16.2;
  row.wall_hours = 6.4;
  row.p90_wall_hours = 6.6;
  row.cost.compute_usd = 1.5;
  row.interruption.emplace();
  row.interruption->checkpoint_interval_hours = 0.5;
  ftcost::TrainingSetup& setup = row.run.setup;
  setup.method = ftcost::Method::Qlora;
  setup.quant = ftcost::Quant::Nf4Dq;
  setup.precision = ftcost::Precision::Bf16Mixed;
  setup.seq_len = 1024;
  setup.micro_batch = 1;
  setup.grad_accum = 8;
  setup.grad_ckpt = ftcost::GradCkpt::None;
  setup.attention = ftcost::Attention::Sdpa;
  setup.lora_rank = 8;
  setup.lora_targets = {"q_proj", "v_proj"};
  row.run.step_s = 3.6;  // 0.5 h / 3.6 s = 500 optimizer steps between checkpoints
  row.run.fits = true;
  return row;
}

ftcost::render::PlanReport report_of(ftcost::PlanRow row) {
  ftcost::render::PlanReport report;
  report.plan.rows.push_back(std::move(row));
  report.context.model_id = "llama-3.1-8b";
  report.context.model_name = "Llama 3.1 8B";
  report.context.epochs = 2;
  report.request.keep_checkpoints = 2;
  return report;
}

ftcost::render::LaunchInput input() {
  return {.rank = 1,
          .model_repo = "meta-llama/Llama-3.1-8B",
          .model_family = "llama",
          .ftcost_version = "9.9.9",
          .gpu_memory_gb = 24};
}

const ftcost::render::LaunchFile* file_named(const ftcost::render::LaunchBundle& bundle,
                                             const std::string& name) {
  for (const auto& file : bundle.files) {
    if (file.name == name) {
      return &file;
    }
  }
  return nullptr;
}

YAML::Node yaml_of(const ftcost::render::LaunchBundle& bundle, const std::string& name) {
  const auto* file = file_named(bundle, name);
  REQUIRE(file != nullptr);
  CHECK_THAT(file->text, StartsWith("# ftcost 9.9.9, plan #1: llama-3.1-8b"));
  return YAML::Load(file->text);
}

}  // namespace

TEST_CASE("a spot QLoRA plan becomes a SkyPilot task with the plan's resources", "[launch]") {
  const auto bundle = ftcost::render::launch_bundle(report_of(spot_row()), input());
  CHECK(bundle.refused.empty());
  // Spot with checkpoints on the volume: an engine's retry restarts from scratch, unlike the
  // resume the plan costed, and --emit says so.
  REQUIRE(bundle.warnings.size() == 1);
  CHECK_THAT(bundle.warnings[0], Contains("restarts from scratch"));
  const YAML::Node sky = yaml_of(bundle, "sky.yaml");
  CHECK(sky["name"].as<std::string>() == "ftcost-llama-3-1-8b-qlora");
  CHECK(sky["num_nodes"].as<int>() == 1);
  CHECK(sky["resources"]["accelerators"].as<std::string>() == "RTX4090:1");
  CHECK(sky["resources"]["infra"].as<std::string>() == "vast");
  CHECK(sky["resources"]["use_spot"].as<bool>());
  // The plan's 16.2 GB volume plus 50 GB for the OS and environment, rounded up.
  CHECK(sky["resources"]["disk_size"].as<int>() == 67);
  CHECK(sky["resources"]["job_recovery"]["strategy"].as<std::string>() == "EAGER_NEXT_REGION");
  CHECK(sky["envs"]["HF_TOKEN"].IsNull());
  CHECK(sky["run"].as<std::string>() == "axolotl train axolotl.yaml\n");  // a literal block
  CHECK_FALSE(sky["file_mounts"]);  // checkpoints to the volume: no bucket
}

TEST_CASE("the same plan becomes a dstack task with a per-instance price cap", "[launch]") {
  const auto bundle = ftcost::render::launch_bundle(report_of(spot_row()), input());
  const YAML::Node task = yaml_of(bundle, "task.dstack.yml");
  CHECK(task["type"].as<std::string>() == "task");
  CHECK(task["resources"]["gpu"].as<std::string>() == "RTX4090:24GB:1");
  CHECK(task["resources"]["disk"].as<std::string>() == "67GB..");
  CHECK(task["backends"][0].as<std::string>() == "vastai");
  CHECK(task["spot_policy"].as<std::string>() == "spot");
  CHECK(task["max_price"].as<double>() == Approx(0.12));  // 0.113 rounded up to the cent
  CHECK(task["retry"]["on_events"][1].as<std::string>() == "interruption");
  CHECK(task["retry"]["duration"].as<std::string>() == "14h");  // 2 x 6.6 h, rounded up
  CHECK(task["files"][0].as<std::string>() == "axolotl.yaml");
}

TEST_CASE("the Axolotl config carries exactly the estimated setup", "[launch]") {
  const auto bundle = ftcost::render::launch_bundle(report_of(spot_row()), input());
  const YAML::Node config = yaml_of(bundle, "axolotl.yaml");
  CHECK(config["base_model"].as<std::string>() == "meta-llama/Llama-3.1-8B");
  CHECK(config["adapter"].as<std::string>() == "qlora");
  CHECK(config["load_in_4bit"].as<bool>());
  CHECK(config["bnb_config_kwargs"]["bnb_4bit_use_double_quant"].as<bool>());
  CHECK(config["lora_r"].as<int>() == 8);
  CHECK(config["lora_target_modules"].size() == 2);
  CHECK(config["lora_target_modules"][1].as<std::string>() == "v_proj");
  CHECK(config["sequence_len"].as<int>() == 1024);
  CHECK_FALSE(config["sample_packing"].as<bool>());
  CHECK(config["micro_batch_size"].as<int>() == 1);
  CHECK(config["gradient_accumulation_steps"].as<int>() == 8);
  CHECK(config["num_epochs"].as<double>() == 2);
  CHECK(config["optimizer"].as<std::string>() == "adamw_torch");
  CHECK_FALSE(config["gradient_checkpointing"].as<bool>());
  CHECK(config["attn_implementation"].as<std::string>() == "sdpa");
  CHECK(config["bf16"].as<bool>());
  CHECK(config["save_steps"].as<int>() == 500);  // 0.5 h / 3.6 s
  CHECK(config["save_total_limit"].as<int>() == 2);
  CHECK(config["auto_resume_from_checkpoints"].as<bool>());
  // No bucket: checkpoints stay in the job's working directory, writable without root.
  CHECK(config["output_dir"].as<std::string>() == "ckpt/ftcost-llama-3-1-8b-qlora");
  CHECK_FALSE(config["deepspeed"]);
  CHECK(file_named(bundle, "ds_config.json") == nullptr);
  const auto plan = nlohmann::json::parse(file_named(bundle, "plan.json")->text);
  CHECK(plan.at("plans").size() == 1);
}

TEST_CASE("a multi-node ZeRO-3 full fine-tune gets torchrun and a DeepSpeed config", "[launch]") {
  ftcost::PlanRow row = spot_row();
  row.offer.provider = "aws";
  row.offer.gpu = "h100-sxm";
  row.offer.gpus = 8;
  row.offer.tier = ftcost::Tier::OnDemand;
  row.interruption.reset();
  row.instances = 2;
  row.gpus_total = 16;
  row.run.setup.method = ftcost::Method::Full;
  row.run.setup.quant = ftcost::Quant::None;
  row.run.setup.sharding = ftcost::Sharding::Zero3;
  row.run.setup.gpus = 16;
  row.run.setup.grad_ckpt = ftcost::GradCkpt::Full;
  row.run.setup.micro_batch = 2;
  auto in = input();
  in.gpu_memory_gb = 80;
  const auto bundle = ftcost::render::launch_bundle(report_of(row), in);
  CHECK(bundle.warnings.empty());  // on-demand: nothing to resume
  const YAML::Node sky = yaml_of(bundle, "sky.yaml");
  CHECK(sky["num_nodes"].as<int>() == 2);
  CHECK(sky["resources"]["accelerators"].as<std::string>() == "H100:8");
  CHECK_FALSE(sky["resources"]["use_spot"].as<bool>());
  CHECK_FALSE(sky["resources"]["job_recovery"]);
  CHECK_THAT(sky["run"].as<std::string>(),
             Contains("--nnodes \"$SKYPILOT_NUM_NODES\"") && Contains("--launcher torchrun"));
  const YAML::Node task = yaml_of(bundle, "task.dstack.yml");
  CHECK(task["nodes"].as<int>() == 2);
  CHECK(task["resources"]["gpu"].as<std::string>() == "H100:80GB:8");
  CHECK(task["spot_policy"].as<std::string>() == "on-demand");
  CHECK_FALSE(task["retry"]);
  const YAML::Node config = yaml_of(bundle, "axolotl.yaml");
  CHECK_FALSE(config["adapter"]);
  CHECK(config["deepspeed"].as<std::string>() == "ds_config.json");
  CHECK(config["gradient_checkpointing"].as<bool>());
  CHECK_FALSE(config["save_steps"]);  // on-demand: saved at the end only
  const auto* ds = file_named(bundle, "ds_config.json");
  REQUIRE(ds != nullptr);
  const auto json = nlohmann::json::parse(ds->text);
  CHECK(json.at("zero_optimization").at("stage") == 3);
  CHECK(json.at("train_micro_batch_size_per_gpu") == 2);
  CHECK(json.at("gradient_accumulation_steps") == 8);
  CHECK(json.at("bf16").at("enabled") == true);
  CHECK_FALSE(json.at("zero_optimization").contains("offload_param"));
}

TEST_CASE("what an engine cannot express is refused, naming the engine and field", "[launch]") {
  ftcost::PlanRow row = spot_row();
  row.offer.provider = "tensordock";
  row.offer.tier = ftcost::Tier::OnDemand;
  row.interruption.reset();
  const auto tensordock = ftcost::render::launch_bundle(report_of(row), input());
  REQUIRE(tensordock.refused.size() == 1);
  CHECK(tensordock.refused[0].file == "sky.yaml");
  CHECK(tensordock.refused[0].field == "resources.infra");
  CHECK(file_named(tensordock, "task.dstack.yml") != nullptr);

  row = spot_row();
  row.run.setup.framework = ftcost::Framework::Torchtune;
  const auto torchtune = ftcost::render::launch_bundle(report_of(row), input());
  // Without axolotl.yaml the engines' files would run nothing: they are refused too.
  REQUIRE(torchtune.refused.size() == 3);
  CHECK(torchtune.refused[0].engine == "Axolotl");
  CHECK_THAT(torchtune.refused[0].why, Contains("--framework torchtune"));
  CHECK(torchtune.refused[1].file == "sky.yaml");
  CHECK(torchtune.refused[2].field == "commands");
  CHECK(file_named(torchtune, "axolotl.yaml") == nullptr);
  CHECK(file_named(torchtune, "sky.yaml") == nullptr);
  CHECK(file_named(torchtune, "plan.json") != nullptr);

  row = spot_row();
  row.run.setup.sharding = ftcost::Sharding::Fsdp;
  auto unknown_family = input();
  unknown_family.model_family = "falcon";
  const auto fsdp = ftcost::render::launch_bundle(report_of(row), unknown_family);
  REQUIRE(fsdp.refused.size() == 3);
  CHECK(fsdp.refused[0].field == "fsdp_config.transformer_layer_cls_to_wrap");
}

TEST_CASE("LoRA on an 8-bit base is Axolotl's lora adapter with load_in_8bit", "[launch]") {
  ftcost::PlanRow row = spot_row();
  row.run.setup.quant = ftcost::Quant::Int8;  // --method qlora --quant int8
  const YAML::Node config =
      yaml_of(ftcost::render::launch_bundle(report_of(row), input()), "axolotl.yaml");
  CHECK(config["adapter"].as<std::string>() == "lora");
  CHECK(config["load_in_8bit"].as<bool>());
  CHECK_FALSE(config["load_in_4bit"]);
}

TEST_CASE("a rank that is not a plan is a usage error on --pick", "[launch]") {
  auto in = input();
  in.rank = 2;
  CHECK_THROWS_WITH(ftcost::render::launch_bundle(report_of(spot_row()), in),
                    Contains("plan #2 does not exist (1 plans ranked)"));
}
