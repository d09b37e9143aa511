// axolotl.yaml: exactly the setup the estimate assumed, as an Axolotl config
// (docs/launch.md#axolotl).
#include <yaml-cpp/yaml.h>

#include <array>
#include <utility>

#include "engine_names.hpp"
#include "launch_plan.hpp"

namespace ftcost::render::launch {
namespace {

std::string optimizer_name(Optimizer optimizer) {
  switch (optimizer) {
    case Optimizer::AdamW:
      return "adamw_torch";
    case Optimizer::AdamW8bit:
      return "adamw_bnb_8bit";
    case Optimizer::PagedAdamW:
      return "paged_adamw_32bit";
    case Optimizer::PagedAdamW8bit:
      return "paged_adamw_8bit";
    case Optimizer::Sgd:
      return "sgd";
    case Optimizer::Adafactor:
      return "adafactor";
  }
  return "adamw_torch";
}

std::string attention_name(Attention attention) {
  switch (attention) {
    case Attention::Flash:
      return "flash_attention_2";
    case Attention::Sdpa:
      return "sdpa";
    case Attention::Eager:
      return "eager";
  }
  return "sdpa";
}

// FSDP wraps each decoder layer: Transformers' class name per model_type.
std::optional<std::string> decoder_layer_class(const std::string& family) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kClasses{
      {{"llama", "LlamaDecoderLayer"},
       {"mistral", "MistralDecoderLayer"},
       {"mixtral", "MixtralDecoderLayer"},
       {"qwen2", "Qwen2DecoderLayer"},
       {"qwen3", "Qwen3DecoderLayer"},
       {"qwen3_moe", "Qwen3MoeDecoderLayer"},
       {"gemma2", "Gemma2DecoderLayer"},
       {"gemma3_text", "Gemma3DecoderLayer"},
       {"phi3", "Phi3DecoderLayer"},
       {"olmo2", "Olmo2DecoderLayer"}}};
  return lookup(family, kClasses);
}

// The first setting Axolotl cannot express, as a refusal; nullopt when all can be.
std::optional<LaunchRefusal> inexpressible(const LaunchPlan& plan) {
  const TrainingSetup& setup = plan.row->run.setup;
  auto refusal = [](std::string field, std::string why) {
    return LaunchRefusal{.file = "axolotl.yaml",
                         .engine = "Axolotl",
                         .field = std::move(field),
                         .why = std::move(why)};
  };
  if (setup.framework == Framework::Torchtune || setup.framework == Framework::Unsloth) {
    return refusal("base_model", "the plan was estimated for --framework " +
                                     std::string(name_of(setup.framework)) +
                                     ", not the Transformers Trainer Axolotl runs");
  }
  if (setup.optimizer_in_backward) {
    return refusal("optimizer", "Axolotl has no optimizer-in-backward (--optimizer-in-bwd)");
  }
  if (setup.quant == Quant::GptqInt4) {
    return refusal("gptq",
                   "a GPTQ base needs a pre-quantized repository, not " + plan.input.model_repo);
  }
  if (setup.sharding == Sharding::Fsdp && setup.grad_ckpt == GradCkpt::Offload) {
    return refusal("fsdp_config.activation_checkpointing",
                   "--grad-ckpt offload under FSDP has no Axolotl form ftcost has modelled");
  }
  if (setup.cpu_offload != CpuOffload::None && !plan.deepspeed &&
      !(setup.sharding == Sharding::Fsdp && setup.cpu_offload == CpuOffload::Params)) {
    return refusal("fsdp_config.offload_params",
                   "--cpu-offload " + std::string(name_of(setup.cpu_offload)) +
                       " with --sharding " + std::string(name_of(setup.sharding)) +
                       " has no Axolotl form (DeepSpeed ZeRO, or FSDP with params)");
  }
  return std::nullopt;
}

void write_precision(YAML::Emitter& out, Precision precision) {
  const bool pure_bf16 = precision == Precision::Bf16True;
  out << YAML::Key << "bf16" << YAML::Value << (precision == Precision::Bf16Mixed);
  out << YAML::Key << "fp16" << YAML::Value << (precision == Precision::Fp16Mixed);
  if (pure_bf16) {
    // Weights, gradients and optimizer states in bf16, no fp32 master copy.
    out << YAML::Key << "bfloat16" << YAML::Value << true;
  }
}

void write_adapter(YAML::Emitter& out, const TrainingSetup& setup) {
  if (setup.method == Method::Full) {
    return;
  }
  // Axolotl's "qlora" is a 4-bit base; LoRA on an 8-bit base is its "lora" + load_in_8bit.
  const bool four_bit = setup.quant == Quant::Nf4 || setup.quant == Quant::Nf4Dq;
  out << YAML::Key << "adapter" << YAML::Value << (four_bit ? "qlora" : "lora");
  if (four_bit) {
    out << YAML::Key << "load_in_4bit" << YAML::Value << true;
    out << YAML::Key << "bnb_config_kwargs" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "bnb_4bit_quant_type" << YAML::Value << "nf4";
    out << YAML::Key << "bnb_4bit_use_double_quant" << YAML::Value << (setup.quant == Quant::Nf4Dq);
    out << YAML::EndMap;
  } else if (setup.quant == Quant::Int8) {
    out << YAML::Key << "load_in_8bit" << YAML::Value << true;
  }
  out << YAML::Key << "lora_r" << YAML::Value << setup.lora_rank;
  out << YAML::Key << "lora_alpha" << YAML::Value << 2 * setup.lora_rank;
  out << YAML::Comment("alpha and dropout do not change memory or speed: yours to tune");
  out << YAML::Key << "lora_dropout" << YAML::Value << 0.0;
  out << YAML::Key << "lora_target_modules" << YAML::Value << YAML::Flow << setup.lora_targets;
}

void write_sharding(YAML::Emitter& out, const LaunchPlan& plan, const std::string& layer) {
  const TrainingSetup& setup = plan.row->run.setup;
  if (plan.deepspeed) {
    out << YAML::Key << "deepspeed" << YAML::Value << "ds_config.json";
  } else if (setup.sharding == Sharding::Fsdp) {
    out << YAML::Key << "fsdp_version" << YAML::Value << 2;
    out << YAML::Key << "fsdp_config" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "auto_wrap_policy" << YAML::Value << "TRANSFORMER_BASED_WRAP";
    out << YAML::Key << "transformer_layer_cls_to_wrap" << YAML::Value << layer;
    out << YAML::Key << "reshard_after_forward" << YAML::Value << true;
    out << YAML::Key << "offload_params" << YAML::Value
        << (setup.cpu_offload == CpuOffload::Params);
    out << YAML::Key << "state_dict_type" << YAML::Value << "SHARDED_STATE_DICT";
    out << YAML::Key << "activation_checkpointing" << YAML::Value
        << (setup.grad_ckpt != GradCkpt::None);
    out << YAML::EndMap;
  }
}

}  // namespace

std::optional<LaunchFile> axolotl_config(const LaunchPlan& plan,
                                         std::vector<LaunchRefusal>& refused) {
  if (auto refusal = inexpressible(plan)) {
    refused.push_back(std::move(*refusal));
    return std::nullopt;
  }
  const TrainingSetup& setup = plan.row->run.setup;
  std::string layer;
  if (setup.sharding == Sharding::Fsdp) {
    const auto found = decoder_layer_class(plan.input.model_family);
    if (!found) {
      refused.push_back(
          {.file = "axolotl.yaml",
           .engine = "Axolotl",
           .field = "fsdp_config.transformer_layer_cls_to_wrap",
           .why = "no known decoder-layer class for model type '" + plan.input.model_family + "'"});
      return std::nullopt;
    }
    layer = *found;
  }
  const PlanContext& context = plan.report->context;

  YAML::Emitter out;
  out.SetDoublePrecision(6);
  out << YAML::Comment(plan.header) << YAML::Newline;
  out << YAML::Comment(
      "every key below is the setup ftcost estimated; change one and the "
      "estimate no longer holds");
  if (setup.framework == Framework::Hf) {
    out << YAML::Newline
        << YAML::Comment(
               "estimated for --framework hf (TRL): Axolotl keeps the non-quantized "
               "weights in 16 bits where TRL upcasts them to fp32, so under Axolotl the "
               "peak is lower; plan with --framework axolotl for Axolotl's own figures");
  }
  if (plan.input.model_repo_is_local) {
    out << YAML::Newline
        << YAML::Comment(
               "base_model is the directory of the config.json ftcost read: replace it "
               "with the model's Hugging Face id or its path on the node");
  }
  out << YAML::BeginMap;
  out << YAML::Key << "base_model" << YAML::Value << plan.input.model_repo;
  write_adapter(out, setup);
  out << YAML::Key << "sequence_len" << YAML::Value << setup.seq_len;
  const bool packed = context.packing == Packing::On;
  out << YAML::Key << "sample_packing" << YAML::Value << packed;
  out << YAML::Key << "pad_to_sequence_len" << YAML::Value << packed;
  out << YAML::Key << "micro_batch_size" << YAML::Value << setup.micro_batch;
  out << YAML::Key << "gradient_accumulation_steps" << YAML::Value << setup.grad_accum;
  out << YAML::Key << "num_epochs" << YAML::Value << context.epochs;
  out << YAML::Key << "optimizer" << YAML::Value << optimizer_name(setup.optimizer);
  out << YAML::Key << "learning_rate" << YAML::Value << 0.0002;
  out << YAML::Comment("not estimated: yours to tune");
  if (setup.sharding != Sharding::Fsdp) {
    if (setup.grad_ckpt == GradCkpt::Offload) {
      out << YAML::Key << "gradient_checkpointing" << YAML::Value << "offload";
    } else {
      out << YAML::Key << "gradient_checkpointing" << YAML::Value
          << (setup.grad_ckpt == GradCkpt::Full);
    }
  }
  out << YAML::Key << "attn_implementation" << YAML::Value << attention_name(setup.attention);
  write_precision(out, setup.precision);
  if (setup.loss == Loss::Fused) {
    out << YAML::Key << "plugins" << YAML::Value << YAML::BeginSeq
        << "axolotl.integrations.liger.LigerPlugin" << YAML::EndSeq;
    out << YAML::Key << "liger_fused_linear_cross_entropy" << YAML::Value << true;
  }
  if (setup.compiled) {
    out << YAML::Key << "torch_compile" << YAML::Value << true;
  }
  write_sharding(out, plan, layer);
  out << YAML::Key << "datasets" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
  out << YAML::Key << "path" << YAML::Value << "REPLACE_WITH_YOUR_DATASET";
  out << YAML::Key << "type" << YAML::Value << "completion";
  out << YAML::EndMap << YAML::EndSeq;
  out << YAML::Key << "output_dir" << YAML::Value << plan.checkpoint_dir;
  if (plan.save_steps) {
    out << YAML::Key << "save_steps" << YAML::Value << *plan.save_steps;
    out << YAML::Comment(plan.report->request.checkpoint_every_hours
                             ? "the plan's fixed spot checkpoint interval (--checkpoint-every), "
                               "in optimizer steps"
                             : "the plan's spot checkpoint interval (Daly), in optimizer steps");
  }
  out << YAML::Key << "save_total_limit" << YAML::Value << plan.report->request.keep_checkpoints;
  out << YAML::Key << "auto_resume_from_checkpoints" << YAML::Value << true;
  out << YAML::EndMap;
  return LaunchFile{.name = "axolotl.yaml", .text = std::string(out.c_str()) + "\n"};
}

}  // namespace ftcost::render::launch
