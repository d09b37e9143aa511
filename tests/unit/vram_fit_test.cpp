// same_step_split: the micro-batch and accumulation that fit with the same optimizer step.
#include <catch2/catch.hpp>
#include <set>

#include "ftcost/memory/memory.hpp"
#include "ftcost/memory/memory_fit.hpp"
#include "vram_fixtures.hpp"

using Catch::Matchers::WithinRel;
using namespace ftcost;
using test::gib_of;
using test::preset;
using test::resolved;

TEST_CASE("the same-step split keeps micro-batch x accumulation and fits", "[vram]") {
  const ModelArch& arch = preset("llama-3.1-8b");
  // HF defaults: 8 x 1024 tokens per step. On a 4090 (23.65 GiB usable) micro-batch 7 is the
  // largest that fits; 7 does not divide 8, so 4 x 2 keeps the step.
  const TrainingSetup defaults = resolved(arch, SetupRequest{.method = Method::Qlora});
  const auto split = same_step_split(arch, defaults, gib_to_bytes(23.65));
  REQUIRE(split);
  CHECK(split->micro_batch == 4);
  CHECK(split->grad_accum == 2);
  // For any capacity the split fits, keeps the step, and no larger divisor of the step fits.
  SetupRequest full{.method = Method::Full, .micro_batch = 4, .grad_accum = 3};
  const TrainingSetup setup = resolved(preset("llama-3.2-1b"), full);
  std::set<std::int64_t> micro_batches_seen;
  for (int step = 0; step <= 18; ++step) {  // 8, 12, ..., 80 GiB
    const double gib = 8.0 + 4.0 * step;
    const auto found = same_step_split(preset("llama-3.2-1b"), setup, gib_to_bytes(gib));
    micro_batches_seen.insert(found ? found->micro_batch : 0);
    if (!found) {
      continue;
    }
    INFO(gib);
    CHECK(found->micro_batch * found->grad_accum == 12);
    TrainingSetup chosen = setup;
    chosen.micro_batch = found->micro_batch;
    chosen.grad_accum = found->grad_accum;
    CHECK(fits(preset("llama-3.2-1b"), chosen, gib_to_bytes(gib)));
    for (const std::int64_t larger : {6, 12}) {
      if (larger > found->micro_batch) {
        chosen.micro_batch = larger;
        chosen.grad_accum = 12 / larger;
        CHECK_FALSE(fits(preset("llama-3.2-1b"), chosen, gib_to_bytes(gib)));
      }
    }
  }
  // The sweep crosses from nothing fitting (0) through smaller splits to the whole step.
  CHECK(micro_batches_seen.count(0) == 1);
  CHECK(micro_batches_seen.count(12) == 1);
  CHECK(micro_batches_seen.size() >= 3);
}

TEST_CASE("the same-step split never accumulates under optimizer-in-backward", "[vram]") {
  const ModelArch& arch = preset("llama-3.1-8b");
  SetupRequest r{.method = Method::Full, .micro_batch = 8, .grad_accum = 1};
  r.framework = Framework::Torchtune;
  r.optimizer_in_backward = true;
  const TrainingSetup setup = resolved(arch, r);
  const double peak = fit_bytes(estimate_memory(arch, setup));
  CHECK_FALSE(same_step_split(arch, setup, peak * 0.99).has_value());
  const auto at_peak = same_step_split(arch, setup, peak);
  REQUIRE(at_peak);
  CHECK(at_peak->micro_batch == 8);
  CHECK(at_peak->grad_accum == 1);
}
