// How many of the tokens a micro-batch processes are real: padding to the longest sample in an
// unpacked micro-batch, and truncation at --seq-len (docs/duration-model.md#padding).
#pragma once

#include <cstdint>
#include <vector>

#include "ftcost/duration/duration_estimate.hpp"

namespace ftcost {

/// What one sequence of a micro-batch holds on average, in tokens.
struct SequenceFill {
  double processed_tokens = 0;  ///< tokens the GPU runs per sequence, padding included (> 0)
  double useful_tokens = 0;     ///< real tokens per sequence (<= processed_tokens)
  bool measured = false;        ///< true when taken from --dataset's measured lengths
  [[nodiscard]] double efficiency() const noexcept { return useful_tokens / processed_tokens; }
};

/// Expected length of the longest of `micro_batch` samples drawn independently from `lengths`
/// (ascending histogram), each truncated to `seq_len` tokens: sum over bins of
/// min(l, seq_len) x (F(l)^b - F(l-)^b), F the cumulative share of samples. Returns 0 for an
/// empty histogram.
[[nodiscard]] double expected_longest_tokens(const std::vector<LengthCount>& lengths,
                                             std::int64_t seq_len, std::int64_t micro_batch);

/// Mean sample length in `lengths` with each sample truncated to `seq_len` tokens (0 if empty).
[[nodiscard]] double mean_truncated_tokens(const std::vector<LengthCount>& lengths,
                                           std::int64_t seq_len);

/// The fill of a `micro_batch` x `seq_len` micro-batch under `workload`:
/// - packing on, or nothing known about sample lengths: every sequence is `seq_len` real tokens;
/// - packing off with measured lengths: padded to the expected longest of the micro-batch
///   (expected_longest_tokens), real tokens the truncated mean (mean_truncated_tokens);
/// - packing off with --avg-tokens only: every sample min(avg, seq_len) tokens, no padding
///   (equal lengths: the spread is unknown).
/// Source: docs/duration-model.md#padding.
[[nodiscard]] SequenceFill sequence_fill(const Workload& workload, std::int64_t seq_len,
                                         std::int64_t micro_batch);

/// Real tokens trained per epoch: the dataset's tokens, less what truncation at `seq_len` drops
/// from unpacked samples: measured lengths each cut to `seq_len`, or --avg-tokens samples cut
/// to it; packed or of unknown length, nothing is dropped.
[[nodiscard]] double trained_tokens_per_epoch(const Workload& workload, std::int64_t seq_len);

}  // namespace ftcost
