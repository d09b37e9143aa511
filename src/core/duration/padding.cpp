// Padding and truncation of unpacked micro-batches (docs/duration-model.md#padding).
#include "ftcost/duration/padding.hpp"

#include <algorithm>
#include <cmath>

namespace ftcost {
namespace {

double total_samples(const std::vector<LengthCount>& lengths) {
  double samples = 0;
  for (const LengthCount& bin : lengths) {
    samples += static_cast<double>(bin.samples);
  }
  return samples;
}

double truncated(std::int64_t tokens, std::int64_t seq_len) {
  return static_cast<double>(std::min(tokens, seq_len));
}

}  // namespace

double expected_longest_tokens(const std::vector<LengthCount>& lengths, std::int64_t seq_len,
                               std::int64_t micro_batch) {
  const double samples = total_samples(lengths);
  if (samples <= 0) {
    return 0;
  }
  const auto draws = static_cast<double>(micro_batch);
  double below = 0;         // share of samples shorter than the current bin
  double previous_cdf = 0;  // F(l-)^b
  double expected = 0;
  for (const LengthCount& bin : lengths) {
    below += static_cast<double>(bin.samples) / samples;
    const double cdf = std::pow(std::min(below, 1.0), draws);
    expected += truncated(bin.tokens, seq_len) * (cdf - previous_cdf);
    previous_cdf = cdf;
  }
  return expected;
}

double mean_truncated_tokens(const std::vector<LengthCount>& lengths, std::int64_t seq_len) {
  const double samples = total_samples(lengths);
  if (samples <= 0) {
    return 0;
  }
  double tokens = 0;
  for (const LengthCount& bin : lengths) {
    tokens += truncated(bin.tokens, seq_len) * static_cast<double>(bin.samples);
  }
  return tokens / samples;
}

SequenceFill sequence_fill(const Workload& workload, std::int64_t seq_len,
                           std::int64_t micro_batch) {
  const auto full = static_cast<double>(seq_len);
  if (workload.packing == Packing::On) {
    return {.processed_tokens = full, .useful_tokens = full};
  }
  if (!workload.sample_lengths.empty()) {
    return {
        .processed_tokens = expected_longest_tokens(workload.sample_lengths, seq_len, micro_batch),
        .useful_tokens = mean_truncated_tokens(workload.sample_lengths, seq_len),
        .measured = true};
  }
  if (workload.avg_sample_tokens) {
    const double each = std::min(*workload.avg_sample_tokens, full);
    return {.processed_tokens = each, .useful_tokens = each};
  }
  return {.processed_tokens = full, .useful_tokens = full};
}

double trained_tokens_per_epoch(const Workload& workload, std::int64_t seq_len) {
  if (workload.packing == Packing::On) {
    return workload.dataset_tokens;
  }
  if (workload.sample_lengths.empty()) {
    // --avg-tokens: every sample that long, cut to --seq-len; --tokens: lengths unknown.
    const double each = workload.avg_sample_tokens.value_or(0);
    const auto limit = static_cast<double>(seq_len);
    return each > limit ? workload.dataset_tokens * limit / each : workload.dataset_tokens;
  }
  return mean_truncated_tokens(workload.sample_lengths, seq_len) *
         total_samples(workload.sample_lengths);
}

}  // namespace ftcost
