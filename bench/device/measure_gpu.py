#!/usr/bin/env python3
"""Peak GPU memory and tokens/s of LoRA and full fine-tuning steps on one GPU, for
bench/data/calibration.csv (rows h2-*; docs/duration-model.md#own-measurements).

Models are built from their published config values with random weights (no downloads: the
measuring machine has no network); weights do not change memory or speed. The loop is PEFT's
method_comparison style: model in bf16 (bf16-true), torch AdamW (foreach), SDPA attention, the
Transformers loss (logits upcast to fp32), LoRA adapters in fp32 (peft autocast_adapter_dtype),
non-reentrant gradient checkpointing where stated, fixed-length random token sequences (no
padding). Each case reports max_memory_allocated/reserved over the whole case (weights
included) and tokens/s over the steps after warm-up.

Usage: python3 bench/device/measure_gpu.py OUT_DIR [BUDGET_SECONDS]
"""
import gc
import json
import os
import sys
import time

import torch
import transformers
import peft
from transformers import AutoConfig, AutoModelForCausalLM
from peft import LoraConfig, get_peft_model

LLAMA = dict(model_type="llama", rms_norm_eps=1e-5, rope_theta=500000.0,
             max_position_embeddings=131072, vocab_size=128256)
ARCH = {
    "llama-3.1-8b": dict(LLAMA, hidden_size=4096, intermediate_size=14336, num_hidden_layers=32,
                         num_attention_heads=32, num_key_value_heads=8, tie_word_embeddings=False),
    "llama-3.2-1b": dict(LLAMA, hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                         num_attention_heads=32, num_key_value_heads=8, head_dim=64,
                         tie_word_embeddings=True),
    "llama-3.2-3b": dict(LLAMA, hidden_size=3072, intermediate_size=8192, num_hidden_layers=28,
                         num_attention_heads=24, num_key_value_heads=8, head_dim=128,
                         tie_word_embeddings=True),
    "qwen2.5-7b": dict(model_type="qwen2", hidden_size=3584, intermediate_size=18944,
                       num_hidden_layers=28, num_attention_heads=28, num_key_value_heads=4,
                       vocab_size=152064, max_position_embeddings=32768, rope_theta=1000000.0,
                       rms_norm_eps=1e-6, tie_word_embeddings=False),
}
TARGETS = {"qv": ["q_proj", "v_proj"],
           "all": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]}

# (model, method, seq_len, micro_batch, checkpointing, lora_rank, lora_targets)
CASES = [
    ("llama-3.1-8b", "lora", 2048, 4, False, 16, "all"),
    ("llama-3.1-8b", "lora", 2048, 8, True, 16, "qv"),
    ("llama-3.1-8b", "full", 2048, 2, True, None, None),
    ("llama-3.2-1b", "full", 2048, 8, False, None, None),
    ("llama-3.2-3b", "full", 2048, 4, False, None, None),
    ("qwen2.5-7b", "lora", 2048, 4, True, 16, "all"),
    ("llama-3.2-1b", "lora", 4096, 4, False, 16, "all"),
    ("llama-3.1-8b", "lora", 8192, 1, True, 16, "qv"),
    ("llama-3.1-8b", "lora", 16384, 1, True, 16, "qv"),
    ("llama-3.2-3b", "lora", 1024, 16, False, 16, "qv"),
    ("llama-3.1-8b", "lora", 32768, 1, True, 16, "qv"),
    ("qwen2.5-7b", "full", 1024, 4, True, None, None),
]
# The second batch: long context on a small model (logits dominate), fp32 weights under autocast
# (bf16-mixed), fused AdamW, and small steps where launch overhead shows.
# (model, method, seq_len, micro_batch, checkpointing, lora_rank, lora_targets, precision, fused)
CASES_2 = [
    ("llama-3.2-1b", "lora", 32768, 1, True, 16, "qv"),
    ("llama-3.2-3b", "full", 2048, 4, False, None, None, "bf16-mixed"),
    ("llama-3.2-3b", "full", 2048, 4, False, None, None, "bf16-true", True),
    ("llama-3.1-8b", "lora", 2048, 1, True, 16, "all"),
    ("llama-3.1-8b", "lora", 4096, 2, False, 16, "all"),
    ("qwen2.5-7b", "lora", 1024, 8, False, 16, "qv"),
    ("llama-3.2-1b", "full", 1024, 4, False, None, None),
    ("llama-3.2-1b", "lora", 65536, 1, True, 16, "qv"),
    ("llama-3.1-8b", "lora", 65536, 1, True, 16, "qv"),
]
GIB = 2 ** 30


def measure(model_id, method, seq, mb, ckpt, rank, targets, precision="bf16-true", fused=False):
    gc.collect()
    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats()
    start_alloc = torch.cuda.memory_allocated()
    t0 = time.perf_counter()
    cfg = AutoConfig.for_model(**ARCH[model_id])
    cfg.use_cache = False
    with torch.device("cuda"):
        # bf16-mixed: fp32 weights, gradients and AdamW states; matmuls under bf16 autocast.
        weights = torch.float32 if precision == "bf16-mixed" else torch.bfloat16
        model = AutoModelForCausalLM.from_config(cfg, dtype=weights, attn_implementation="sdpa")
    if ckpt:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    if method == "lora":
        model = get_peft_model(model, LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=0.0,
                                                 target_modules=TARGETS[targets],
                                                 task_type="CAUSAL_LM"))
    model.train()
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=1e-5, fused=fused or None)
    ids = torch.randint(0, cfg.vocab_size, (mb, seq), device="cuda")
    long_run = seq * mb >= 16384 and seq >= 8192
    warm, timed = (1, 2) if seq >= 65536 else (2, 3) if long_run else (3, 5)
    times = []
    for _ in range(warm + timed):
        torch.cuda.synchronize()
        t = time.perf_counter()
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=precision == "bf16-mixed"):
            loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        torch.cuda.synchronize()
        times.append(time.perf_counter() - t)
    step_s = sorted(times[warm:])[len(times[warm:]) // 2]
    result = dict(
        tokens_per_s=mb * seq / step_s, step_s=step_s, step_times_s=times,
        peak_allocated_gib=(torch.cuda.max_memory_allocated() - start_alloc) / GIB,
        peak_reserved_gib=torch.cuda.max_memory_reserved() / GIB,
        trainable_params=sum(p.numel() for p in trainable),
        total_params=sum(p.numel() for p in model.parameters()),
        case_s=time.perf_counter() - t0)
    del model, optimizer, trainable, ids, loss
    return result


def main():
    out_dir = sys.argv[1]
    budget_s = float(sys.argv[2]) if len(sys.argv) > 2 else 300
    os.makedirs(out_dir, exist_ok=True)
    began = time.perf_counter()
    props = torch.cuda.get_device_properties(0)
    env = dict(gpu=torch.cuda.get_device_name(0), total_memory_mib=props.total_memory // 2 ** 20,
               torch=torch.__version__, transformers=transformers.__version__,
               peft=peft.__version__, cuda=torch.version.cuda,
               flash_sdp=torch.backends.cuda.flash_sdp_enabled())
    try:
        import subprocess
        env["nvidia_smi"] = subprocess.run(
            ["nvidia-smi", "--query-gpu=name,power.limit,clocks.max.sm,driver_version",
             "--format=csv,noheader"], capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception as error:  # the measurement does not depend on it
        env["nvidia_smi"] = repr(error)
    print(json.dumps(env), flush=True)
    with open(os.path.join(out_dir, "results.jsonl"), "w") as out:
        out.write(json.dumps(dict(environment=env)) + "\n")
        for case in CASES_2 if os.environ.get("BATCH") == "2" else CASES:
            if time.perf_counter() - began > budget_s:
                print("budget spent; skipping", case, flush=True)
                continue
            row = dict(zip(["model", "method", "seq_len", "micro_batch", "grad_ckpt",
                            "lora_rank", "lora_targets", "precision", "fused_adamw"], case))
            try:
                row.update(measure(*case))
            except torch.cuda.OutOfMemoryError as error:
                row.update(oom=True, peak_reserved_gib=torch.cuda.max_memory_reserved() / GIB,
                           error=str(error)[:300])
            except Exception as error:  # record and go on: one broken case must not cost the rest
                row.update(error=repr(error)[:500])
            print(json.dumps(row), flush=True)
            out.write(json.dumps(row) + "\n")
            out.flush()
            gc.collect()
            torch.cuda.empty_cache()


if __name__ == "__main__":
    main()
