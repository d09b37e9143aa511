// The defaults table: what TRL/Transformers, Unsloth, Axolotl and torchtune do out of the box.
#include "setup/framework_defaults.hpp"

namespace ftcost::defaults_detail {

namespace {

// Sources: docs/memory-model.md#framework-defaults quotes each one.
const FrameworkDefaults kHf{
    {Precision::Bf16Mixed, "TRL SFTConfig bf16=True with fp32 master weights"},
    {Optimizer::AdamW, "Transformers TrainingArguments optim=adamw_torch"},
    {1024, "TRL SFTConfig max_length=1024"},
    {8, "Transformers TrainingArguments per_device_train_batch_size=8"},
    {1, "Transformers TrainingArguments gradient_accumulation_steps=1"},
    {GradCkpt::Full, "TRL SFTConfig gradient_checkpointing=True"},
    {Attention::Sdpa, "Transformers attn_implementation default 'sdpa'"},
    {8, "PEFT LoraConfig r=8"},
    {"qv", "PEFT default target_modules for Llama-family models: q_proj, v_proj"},
    {Quant::Nf4Dq, "QLoRA recipe: bnb_4bit_quant_type=nf4, bnb_4bit_use_double_quant=True"},
    {Loss::Standard, "Transformers ForCausalLMLoss"},
    {Sharding::Ddp, "Accelerate multi-GPU default: DistributedDataParallel"}};

const FrameworkDefaults kUnsloth{
    {Precision::Bf16Mixed, "Unsloth notebooks: bf16 autocast, fp32 adapters"},
    {Optimizer::AdamW8bit, "Unsloth notebooks optim='adamw_8bit'"},
    {2048, "Unsloth notebooks max_seq_length=2048"},
    {2, "Unsloth notebooks per_device_train_batch_size=2"},
    {4, "Unsloth notebooks gradient_accumulation_steps=4"},
    {GradCkpt::Offload, "Unsloth use_gradient_checkpointing='unsloth' (offloaded)"},
    {Attention::Flash, "Unsloth uses FlashAttention-2/xformers kernels"},
    {16, "Unsloth notebooks r=16"},
    {"all-linear", "Unsloth notebooks target q,k,v,o,gate,up,down"},
    {Quant::Nf4Dq, "Unsloth bnb-4bit checkpoints (NF4, double quantization)"},
    {Loss::Fused, "Unsloth fused cross-entropy (Cut Cross-Entropy)"},
    {Sharding::Ddp, "multi-GPU Unsloth runs under DDP"}};

const FrameworkDefaults kAxolotl{
    {Precision::Bf16Mixed, "Axolotl bf16: auto with fp32 adapters under autocast"},
    {Optimizer::AdamW8bit, "Axolotl example configs optimizer: adamw_bnb_8bit"},
    {2048, "Axolotl example configs sequence_len: 2048"},
    {2, "Axolotl example configs micro_batch_size: 2"},
    {1, "Axolotl gradient_accumulation_steps default 1"},
    {GradCkpt::Full, "Axolotl example configs gradient_checkpointing: true"},
    {Attention::Flash, "Axolotl example configs flash_attention: true"},
    {32, "Axolotl example configs lora_r: 32"},
    {"all-linear", "Axolotl example configs lora_target_linear: true"},
    {Quant::Nf4Dq, "Axolotl load_in_4bit with bnb_4bit_use_double_quant default True"},
    {Loss::Standard, "Axolotl without the Cut Cross-Entropy plugin"},
    {Sharding::Ddp, "Axolotl multi-GPU default: DDP via Accelerate"}};

const FrameworkDefaults kTorchtune{
    {Precision::Bf16True, "torchtune configs dtype: bf16 (weights, grads, states in bf16)"},
    {Optimizer::AdamW, "torchtune configs optimizer torch.optim.AdamW"},
    {2048, "torchtune packed datasets at max_seq_len 2048"},
    {2, "torchtune llama3_1 configs batch_size: 2"},
    {1, "torchtune single-device configs gradient_accumulation_steps: 1"},
    {GradCkpt::Full, "torchtune configs enable_activation_checkpointing: True"},
    {Attention::Sdpa, "torchtune attention via F.scaled_dot_product_attention"},
    {8, "torchtune llama3_1 LoRA configs lora_rank: 8"},
    {"qv", "torchtune llama3_1 LoRA configs lora_attn_modules: [q_proj, v_proj]"},
    {Quant::Nf4Dq, "torchtune QLoRA: torchao NF4 with double-quantized scalers"},
    {Loss::Fused, "torchtune configs loss: CEWithChunkedOutputLoss"},
    {Sharding::Fsdp, "torchtune distributed recipes: FSDP full shard"}};

}  // namespace

const FrameworkDefaults& framework_defaults(Framework framework) {
  switch (framework) {
    case Framework::Hf:
      return kHf;
    case Framework::Unsloth:
      return kUnsloth;
    case Framework::Axolotl:
      return kAxolotl;
    case Framework::Torchtune:
      return kTorchtune;
  }
  return kHf;
}

}  // namespace ftcost::defaults_detail
