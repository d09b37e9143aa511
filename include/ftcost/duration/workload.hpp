// The training work as the user states it (--tokens, --samples/--avg-tokens, --dataset, --epochs).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/duration/duration_estimate.hpp"

namespace ftcost {

/// English text averages about 4 characters per token with GPT/Llama-style BPE tokenizers
/// (OpenAI, "What are tokens and how to count them?"); used until a real tokenizer is wired in.
inline constexpr double kCharsPerToken = 4.0;

/// Tokens assumed when no workload flag is given: 50M tokens, one epoch (docs/duration-model.md).
inline constexpr double kDefaultDatasetTokens = 50e6;

/// Bounds on the workload flags (docs/duration-model.md#workload). They reject typos and absurd
/// values (an extra "e", a unit slip), not real datasets: 1e15 tokens is ~70x Llama 3's
/// pretraining corpus.
inline constexpr double kMinDatasetTokens = 1;     ///< --tokens and --samples x --avg-tokens
inline constexpr double kMaxDatasetTokens = 1e15;  ///< tokens per epoch
inline constexpr std::int64_t kMaxSamples = 1'000'000'000'000;  ///< --samples
inline constexpr double kMinAvgTokens = 1;                      ///< --avg-tokens, tokens per sample
inline constexpr double kMaxAvgTokens = 1e7;                    ///< --avg-tokens
inline constexpr double kMinEpochs = 0.01;                      ///< --epochs
inline constexpr double kMaxEpochs = 1000;                      ///< --epochs

inline constexpr double kMaxEvalShare = 10;          ///< --eval-share: eval tokens / epoch tokens
inline constexpr double kMaxStartupSeconds = 86400;  ///< --startup-s: a day

/// Upper bound on --global-batch, so an absurd value is rejected rather than overflowing the
/// per-GPU batch arithmetic (sequences).
inline constexpr std::int64_t kMaxGlobalBatchSequences = 1'000'000'000;

/// What a dataset file holds: counted samples and characters of text.
struct DatasetStats {
  std::int64_t samples = 0;  ///< records with text (JSONL lines, JSON array items, text lines)
  std::int64_t samples_without_text = 0;  ///< JSON records with no string value, not counted
  double text_chars = 0;  ///< characters in every string value (JSON) or line (text)
  /// Each sample's tokens (its characters / kCharsPerToken, rounded, at least 1) as a histogram
  /// ascending by tokens; empty when not counted per sample.
  std::vector<LengthCount> sample_lengths;
};

/// Adds one sample of `chars` characters to `lengths` (a histogram ascending by tokens) at
/// kCharsPerToken; call finish_lengths once all are added.
void add_sample_length(std::vector<LengthCount>& lengths, double chars);

/// Sorts and merges the bins add_sample_length appended.
void finish_lengths(std::vector<LengthCount>& lengths);

/// The workload flags as given (any may be absent).
struct WorkloadRequest {
  std::optional<double> tokens;             ///< --tokens
  std::optional<std::int64_t> samples;      ///< --samples
  std::optional<double> avg_tokens;         ///< --avg-tokens (tokens per sample)
  std::optional<DatasetStats> dataset;      ///< --dataset, already counted
  std::optional<double> epochs;             ///< --epochs
  std::int64_t global_batch_sequences = 0;  ///< --global-batch (0: keep the setup's)
  std::optional<Packing> packing;           ///< --packing (default off)
  std::optional<double> eval_share;         ///< --eval-share (default 0)
  std::optional<double> startup_s;          ///< --startup-s (default by --compile)
};

/// The workload plus what was assumed to build it.
struct ResolvedWorkload {
  Workload workload;
  std::vector<Assumption> assumptions;
};

/// Parses a token count: a positive number with an optional k, M, B or T suffix (10^3 ... 10^12),
/// e.g. "50M", "1.2B", "750k", "2e6". Throws InputError("", flag, ...) otherwise.
[[nodiscard]] double parse_token_count(std::string_view text, std::string_view flag);

/// Builds the workload: --tokens, or --samples x --avg-tokens, or a dataset's characters /
/// kCharsPerToken, else kDefaultDatasetTokens (stated as an assumption); times --epochs
/// (default 1); --packing (default off, every supported framework's default) with the dataset's
/// sample lengths or --avg-tokens, else an assumption that sequences are full. Throws InputError
/// (ExitCode::Usage) for conflicting, missing-partner or non-positive values.
[[nodiscard]] ResolvedWorkload resolve_workload(const WorkloadRequest& request);

}  // namespace ftcost
