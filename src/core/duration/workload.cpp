// Turning the workload flags into a token count (docs/duration-model.md#workload).
#include "ftcost/duration/workload.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "ftcost/base/decimal_text.hpp"
#include "ftcost/base/error.hpp"
#include "ftcost/base/number_text.hpp"

namespace ftcost {
namespace {

double suffix_multiplier(char suffix) {
  switch (std::tolower(static_cast<unsigned char>(suffix))) {
    case 'k':
      return 1e3;
    case 'm':
      return 1e6;
    case 'b':
    case 'g':
      return 1e9;
    case 't':
      return 1e12;
    default:
      return 0;
  }
}

std::string sample_count_text(std::int64_t samples) {
  return std::to_string(samples) + (samples == 1 ? " sample" : " samples");
}

// 1.2B, 35M, 12k, or the plain count below 1000 tokens (never "0k").
std::string count_text(double value) {
  if (value >= 1e9) {
    const long tenths = std::lround(value / 1e8);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "B";
  }
  if (value >= 1e6) {
    return std::to_string(std::lround(value / 1e6)) + "M";
  }
  if (value >= 1e3) {
    return std::to_string(std::lround(value / 1e3)) + "k";
  }
  return std::to_string(std::lround(value));
}

void require_positive(double value, std::string_view flag, std::string_view what) {
  if (!(value > 0) || !std::isfinite(value)) {
    throw InputError("", std::string(flag), std::string(what) + " must be > 0",
                     "a positive number");
  }
}

// Packing decides whether samples shorter than --seq-len cost padding; without their lengths the
// model can only assume full sequences, and says so.
void resolve_packing(const WorkloadRequest& request, ResolvedWorkload& resolved) {
  Workload& workload = resolved.workload;
  workload.packing = request.packing.value_or(Packing::Off);
  if (request.dataset) {
    workload.sample_lengths = request.dataset->sample_lengths;
  }
  if (request.avg_tokens) {
    workload.avg_sample_tokens = *request.avg_tokens;
  }
  if (workload.packing == Packing::On) {
    return;
  }
  const bool lengths_known = !workload.sample_lengths.empty() || workload.avg_sample_tokens;
  if (!lengths_known) {
    resolved.assumptions.push_back(
        {.text = "sample lengths unknown (no --dataset or --avg-tokens): every sequence assumed "
                 "full to --seq-len, as with --packing on",
         .source = "docs/duration-model.md#padding"});
  } else if (!request.packing) {
    resolved.assumptions.push_back(
        {.text = "--packing off (default of hf/TRL, axolotl, torchtune and unsloth): samples are "
                 "padded, not concatenated",
         .source = "docs/duration-model.md#padding"});
  }
  if (workload.avg_sample_tokens && workload.sample_lengths.empty()) {
    resolved.assumptions.push_back(
        {.text = "every sample assumed " + short_number(*workload.avg_sample_tokens) +
                 " tokens long (--avg-tokens gives no spread): no padding waste counted",
         .source = "docs/duration-model.md#padding"});
  }
}

}  // namespace

void add_sample_length(std::vector<LengthCount>& lengths, double chars) {
  const auto tokens = std::max<std::int64_t>(1, std::llround(chars / kCharsPerToken));
  if (!lengths.empty() && lengths.back().tokens == tokens) {
    ++lengths.back().samples;
    return;
  }
  lengths.push_back({.tokens = tokens, .samples = 1});
}

void finish_lengths(std::vector<LengthCount>& lengths) {
  std::sort(lengths.begin(), lengths.end(),
            [](const LengthCount& a, const LengthCount& b) { return a.tokens < b.tokens; });
  std::vector<LengthCount> merged;
  for (const LengthCount& bin : lengths) {
    if (!merged.empty() && merged.back().tokens == bin.tokens) {
      merged.back().samples += bin.samples;
    } else {
      merged.push_back(bin);
    }
  }
  lengths = std::move(merged);
}

double parse_token_count(std::string_view text, std::string_view flag) {
  const std::string accepted = "a number of tokens from " + bound_text(kMinDatasetTokens) + " to " +
                               bound_text(kMaxDatasetTokens) +
                               " with an optional k, M, B or T suffix, e.g. 50M or 1.2B";
  std::string_view body = text;
  double multiplier = 1;
  if (!body.empty() && std::isalpha(static_cast<unsigned char>(body.back())) != 0 &&
      body.back() != 'e' && body.back() != 'E') {
    multiplier = suffix_multiplier(body.back());
    body.remove_suffix(1);
  }
  const ParsedDecimal<double> parsed = parse_decimal_number(body);
  if (text.empty()) {
    throw InputError("", std::string(flag), "empty value", accepted);
  }
  if (multiplier == 0 || parsed.status == DecimalStatus::NotNumber ||
      parsed.status == DecimalStatus::Empty) {
    throw InputError("", std::string(flag), "'" + std::string(text) + "' is not a token count",
                     accepted);
  }
  const double tokens = parsed.value * multiplier;
  if (parsed.status == DecimalStatus::OutOfRange || !(tokens >= kMinDatasetTokens) ||
      !(tokens <= kMaxDatasetTokens)) {
    throw InputError("", std::string(flag), "'" + std::string(text) + "' is out of range",
                     accepted);
  }
  return tokens;
}

ResolvedWorkload resolve_workload(const WorkloadRequest& request) {
  const int sources =
      (request.tokens ? 1 : 0) + (request.samples ? 1 : 0) + (request.dataset ? 1 : 0);
  if (sources > 1) {
    throw InputError("", "--tokens", "give only one of --tokens, --samples, --dataset");
  }
  if (request.samples.has_value() != request.avg_tokens.has_value()) {
    throw InputError("", request.samples ? "--avg-tokens" : "--samples",
                     "--samples and --avg-tokens go together", "both, or --tokens N");
  }
  ResolvedWorkload resolved;
  Workload& workload = resolved.workload;
  workload.global_batch_sequences = request.global_batch_sequences;
  if (request.tokens) {
    require_positive(*request.tokens, "--tokens", "tokens");
    workload.dataset_tokens = *request.tokens;
  } else if (request.samples) {
    require_positive(static_cast<double>(*request.samples), "--samples", "samples");
    require_positive(*request.avg_tokens, "--avg-tokens", "tokens per sample");
    workload.dataset_tokens = static_cast<double>(*request.samples) * *request.avg_tokens;
    if (workload.dataset_tokens > kMaxDatasetTokens) {
      throw InputError("", "--samples",
                       "--samples x --avg-tokens is " + short_number(workload.dataset_tokens) +
                           " tokens, out of range",
                       "at most " + bound_text(kMaxDatasetTokens) + " tokens per epoch");
    }
  } else if (request.dataset) {
    workload.dataset_tokens = request.dataset->text_chars / kCharsPerToken;
    require_positive(workload.dataset_tokens, "--dataset", "dataset text");
    resolved.assumptions.push_back(
        {.text = sample_count_text(request.dataset->samples) + ", " +
                 count_text(workload.dataset_tokens) + " tokens estimated at " +
                 "4 characters per token (no tokenizer run)",
         .source = "docs/duration-model.md#workload (OpenAI tokenizer guide)"});
    if (const std::int64_t empty = request.dataset->samples_without_text; empty > 0) {
      resolved.assumptions.push_back(
          {.text = std::to_string(empty) + (empty == 1 ? " record has" : " records have") +
                   " no text value and " + (empty == 1 ? "is" : "are") + " left out of the samples",
           .source = "docs/duration-model.md#workload",
           .warning = true});
    }
  } else {
    workload.dataset_tokens = kDefaultDatasetTokens;
    resolved.assumptions.push_back(
        {.text = "no --tokens, --samples or --dataset: assumed a 50M-token dataset",
         .source = "docs/duration-model.md#workload"});
  }
  workload.epochs = request.epochs.value_or(1);
  require_positive(workload.epochs, "--epochs", "epochs");
  resolve_packing(request, resolved);
  workload.eval_share = request.eval_share.value_or(0);
  if (!(workload.eval_share >= 0) || workload.eval_share > kMaxEvalShare) {
    throw InputError("", "--eval-share", "eval share must be from 0 to 10",
                     "a share of each epoch's tokens, e.g. 0.05");
  }
  workload.startup_s = request.startup_s;
  if (workload.startup_s &&
      (!(*workload.startup_s >= 0) || *workload.startup_s > kMaxStartupSeconds)) {
    throw InputError("", "--startup-s", "startup must be from 0 to 86400 seconds",
                     "seconds, e.g. 120");
  }
  return resolved;
}

}  // namespace ftcost
