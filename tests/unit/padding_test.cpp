// Padding and truncation of unpacked micro-batches, against hand-computed expectations.
#include "ftcost/duration/padding.hpp"

#include <catch2/catch.hpp>

namespace {

// Half the samples 100 tokens long, half 300.
ftcost::Workload two_lengths(ftcost::Packing packing) {
  ftcost::Workload workload;
  workload.dataset_tokens = 400;
  workload.packing = packing;
  workload.sample_lengths = {{.tokens = 100, .samples = 1}, {.tokens = 300, .samples = 1}};
  return workload;
}

}  // namespace

TEST_CASE("the longest of a micro-batch follows the length distribution", "[padding]") {
  const auto lengths = two_lengths(ftcost::Packing::Off).sample_lengths;
  // One sample: the mean. Two: both short with probability 1/4, so 100/4 + 300 x 3/4 = 250.
  CHECK(ftcost::expected_longest_tokens(lengths, 2048, 1) == Approx(200));
  CHECK(ftcost::expected_longest_tokens(lengths, 2048, 2) == Approx(250));
  // Eight: all short with probability 1/256.
  CHECK(ftcost::expected_longest_tokens(lengths, 2048, 8) ==
        Approx(100.0 / 256 + 300 * 255.0 / 256));
  // Truncated at 200 tokens: 100/4 + 200 x 3/4 = 175.
  CHECK(ftcost::expected_longest_tokens(lengths, 200, 2) == Approx(175));
  CHECK(ftcost::mean_truncated_tokens(lengths, 200) == Approx(150));
  CHECK(ftcost::expected_longest_tokens({}, 2048, 2) == 0);
}

TEST_CASE("unpacked micro-batches pay for padding; packed ones do not", "[padding]") {
  const auto padded = ftcost::sequence_fill(two_lengths(ftcost::Packing::Off), 2048, 2);
  CHECK(padded.measured);
  CHECK(padded.processed_tokens == Approx(250));
  CHECK(padded.useful_tokens == Approx(200));
  CHECK(padded.efficiency() == Approx(0.8));

  const auto packed = ftcost::sequence_fill(two_lengths(ftcost::Packing::On), 2048, 2);
  CHECK(packed.processed_tokens == 2048);
  CHECK(packed.efficiency() == 1);
}

TEST_CASE("without measured lengths the fill is full or the stated average", "[padding]") {
  ftcost::Workload unknown;
  unknown.dataset_tokens = 1e6;
  CHECK(ftcost::sequence_fill(unknown, 1024, 4).processed_tokens == 1024);

  ftcost::Workload average = unknown;
  average.avg_sample_tokens = 300;
  const auto fill = ftcost::sequence_fill(average, 1024, 4);
  CHECK(fill.processed_tokens == 300);
  CHECK(fill.efficiency() == 1);
  // An average above --seq-len is cut to it.
  CHECK(ftcost::sequence_fill(average, 256, 4).processed_tokens == 256);
}

TEST_CASE("truncation at --seq-len removes tokens from an unpacked epoch", "[padding]") {
  // 100 + min(300, 200) = 300 of 400 tokens survive; packing keeps them all.
  CHECK(ftcost::trained_tokens_per_epoch(two_lengths(ftcost::Packing::Off), 200) == Approx(300));
  CHECK(ftcost::trained_tokens_per_epoch(two_lengths(ftcost::Packing::On), 200) == 400);
  CHECK(ftcost::trained_tokens_per_epoch(two_lengths(ftcost::Packing::Off), 4096) == Approx(400));
}
