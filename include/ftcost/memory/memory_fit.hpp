// The largest micro-batch and the longest sequence that fit a given amount of GPU memory.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ftcost/memory/memory.hpp"
#include "ftcost/model/model.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// The bytes of `estimate` that must stay within a GPU's usable memory: nvidia-smi's device total
/// (context included) minus paged optimizer state, which CUDA managed memory can evict to host
/// RAM. The one fit rule of `vram`, `time` and `plan`. Source: docs/memory-model.md#allocator.
[[nodiscard]] double fit_bytes(const MemoryEstimate& estimate) noexcept;

/// Whether `setup` fits `capacity_bytes` of usable GPU memory: fit_bytes(estimate_memory(...)) <=
/// capacity_bytes.
[[nodiscard]] bool fits(const ModelArch& arch, const TrainingSetup& setup, double capacity_bytes);

/// The largest micro-batch (1 .. kMaxMicroBatch) with which `setup` fits `capacity_bytes`, or
/// nullopt when even micro-batch 1 does not. Binary search over a non-decreasing estimate, so it
/// always terminates (at most ~17 estimates).
[[nodiscard]] std::optional<std::int64_t> largest_micro_batch(const ModelArch& arch,
                                                              TrainingSetup setup,
                                                              double capacity_bytes);

/// The longest sequence (1 .. kMaxSeqLen tokens, and at most arch.max_position_embeddings when the
/// model states it: the context it was trained for, RoPE scaling included in that figure) with
/// which `setup` fits `capacity_bytes`, or nullopt when even 1 token does not. Binary search, at
/// most ~24 estimates.
[[nodiscard]] std::optional<std::int64_t> longest_seq_len(const ModelArch& arch,
                                                          TrainingSetup setup,
                                                          double capacity_bytes);

/// A micro-batch and the gradient accumulation that go with it.
struct BatchSplit {
  std::int64_t micro_batch = 1;  ///< sequences per GPU per forward/backward
  std::int64_t grad_accum = 1;   ///< micro-batches per optimizer step
};

/// The largest micro-batch that divides `setup`'s sequences per optimizer step
/// (micro_batch × grad_accum) and fits `capacity_bytes` with the accumulation that keeps that
/// step, so the training recipe (effective batch) is unchanged. Each candidate is checked with
/// fits(): accumulation keeps a gradient set alive between micro-batches, so a smaller
/// micro-batch with more accumulation is not always smaller. Accumulation stays 1 under
/// optimizer_in_backward (torchtune rejects both together). nullopt when no divisor fits.
/// At most one estimate per divisor of the step (a few thousand for the largest steps allowed).
[[nodiscard]] std::optional<BatchSplit> same_step_split(const ModelArch& arch, TrainingSetup setup,
                                                        double capacity_bytes);

}  // namespace ftcost
