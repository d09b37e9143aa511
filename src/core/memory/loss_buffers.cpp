// Logits and cross-entropy buffers: b x s x vocab, the term 128k-vocabulary models make large.
#include "memory_terms.hpp"

namespace ftcost::memory_detail {

namespace {

constexpr double kTorchtuneLossChunks = 8;  // CEWithChunkedOutputLoss num_output_chunks

LossBuffers fused_loss(const TrainingSetup& setup, double tokens, double logits, double c,
                       double hidden) {
  if (setup.framework == Framework::Torchtune) {
    // Chunked CE: the output projection makes every bf16 chunk up front (a list the loss
    // consumes). Compiled (the recipe compiles compute_cross_entropy, upcast and CE together),
    // Inductor fuses the fp32 upcast into the softmax reductions and the partitioner recomputes
    // it in backward, so no fp32 chunk is materialized; backward adds one chunk's 16-bit grad.
    // Eager keeps each chunk's fp32 log-softmax too.
    if (setup.compiled) {
      return {c * logits, c * logits + c * logits / kTorchtuneLossChunks};
    }
    return {(c + 4) * logits, 4 * logits + 2 * 4 * logits / kTorchtuneLossChunks};
  }
  // Cut Cross-Entropy (Wijmans et al. 2024; Unsloth, Axolotl's plugin) and Liger's fused
  // linear-CE never hold the logits: an fp32 log-sum-exp per token and a hidden-size grad.
  return {4 * tokens, 4 * tokens + c * tokens * hidden};
}

}  // namespace

LossBuffers loss_buffers(const MemoryContext& context) {
  const ModelArch& arch = context.arch;
  const TrainingSetup& setup = context.setup;
  const double c = context.traits.compute_bytes;
  const double tokens = static_cast<double>(setup.seq_len * setup.micro_batch);
  const double logits = tokens * static_cast<double>(arch.vocab_size);  // elements
  if (setup.loss == Loss::Fused) {
    return fused_loss(setup, tokens, logits, c, static_cast<double>(arch.hidden_size));
  }
  const SetupTraits& traits = context.traits;
  if (traits.logits_upcast_in_model) {
    // Transformers before 4.46: the model upcasts, so the outputs hold fp32 logits (the 16-bit
    // ones are dropped); forward adds the shifted contiguous copy and the saved log-softmax,
    // backward the nll and log-softmax gradients next to the held logits.
    return {(4 + 4 + 4) * logits, (4 + 4 + 4 + 4) * logits};
  }
  if (traits.hf_loss) {
    // Transformers: 16-bit logits (kept by the returned outputs), their fp32 upcast, the
    // shifted contiguous copy, and the saved fp32 log-softmax; backward swaps the upcast and
    // copy for the nll and log-softmax gradients (both fp32).
    return {(c + 4 + 4 + 4) * logits, (c + 4 + 4 + 4) * logits};
  }
  if (setup.compiled) {
    // fp32 logits from the eager output layer; the compiled CE saves only its input.
    return {(c + 4) * logits, (4 + 4 + c) * logits};
  }
  // torchtune eager: fp32 logits and the saved log-softmax; backward adds the nll and
  // log-softmax gradients after the recipe drops the logits.
  return {(4 + 4) * logits, (4 + 4 + 4) * logits};
}

}  // namespace ftcost::memory_detail
