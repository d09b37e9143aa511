// Largest micro-batch and longest sequence that fit: binary search over the memory model.
#include "ftcost/memory/memory_fit.hpp"

#include <algorithm>
#include <functional>
#include <vector>

#include "ftcost/memory/memory.hpp"
#include "ftcost/setup/resolve.hpp"

namespace ftcost {

namespace {

/// The largest value in [1, upper] for which `ok` holds, assuming `ok` is monotone
/// (true then false); nullopt when ok(1) is false.
std::optional<std::int64_t> largest_true(std::int64_t upper,
                                         const std::function<bool(std::int64_t)>& ok) {
  if (!ok(1)) {
    return std::nullopt;
  }
  std::int64_t good = 1;
  std::int64_t bad = upper + 1;
  while (bad - good > 1) {
    const std::int64_t mid = good + (bad - good) / 2;
    (ok(mid) ? good : bad) = mid;
  }
  return good;
}

/// Every divisor of `n` (n >= 1), largest first.
std::vector<std::int64_t> divisors_descending(std::int64_t n) {
  std::vector<std::int64_t> found;
  for (std::int64_t d = 1; d * d <= n; ++d) {
    if (n % d == 0) {
      found.push_back(d);
      if (d != n / d) {
        found.push_back(n / d);
      }
    }
  }
  std::sort(found.begin(), found.end(), std::greater<>());
  return found;
}

}  // namespace

double fit_bytes(const MemoryEstimate& estimate) noexcept {
  // Paged optimizer state can be evicted to host memory, so it does not decide the fit.
  return estimate.device_total_bytes - estimate.paged_optimizer_bytes;
}

bool fits(const ModelArch& arch, const TrainingSetup& setup, double capacity_bytes) {
  return fit_bytes(estimate_memory(arch, setup, MemoryDetail::Totals)) <= capacity_bytes;
}

std::optional<std::int64_t> largest_micro_batch(const ModelArch& arch, TrainingSetup setup,
                                                double capacity_bytes) {
  return largest_true(kMaxMicroBatch, [&](std::int64_t batch) {
    setup.micro_batch = batch;
    return fits(arch, setup, capacity_bytes);
  });
}

std::optional<std::int64_t> longest_seq_len(const ModelArch& arch, TrainingSetup setup,
                                            double capacity_bytes) {
  // Positions beyond the model's context are not trained, however much memory is left.
  const std::int64_t limit = arch.max_position_embeddings > 0
                                 ? std::min(kMaxSeqLen, arch.max_position_embeddings)
                                 : kMaxSeqLen;
  return largest_true(limit, [&](std::int64_t tokens) {
    setup.seq_len = tokens;
    return fits(arch, setup, capacity_bytes);
  });
}

std::optional<BatchSplit> same_step_split(const ModelArch& arch, TrainingSetup setup,
                                          double capacity_bytes) {
  const std::int64_t step = setup.micro_batch * setup.grad_accum;
  for (const std::int64_t micro : divisors_descending(step)) {
    const std::int64_t accum = step / micro;
    if (micro > kMaxMicroBatch || accum > kMaxGradAccum ||
        (setup.optimizer_in_backward && accum > 1)) {
      continue;
    }
    setup.micro_batch = micro;
    setup.grad_accum = accum;
    if (fits(arch, setup, capacity_bytes)) {
      return BatchSplit{.micro_batch = micro, .grad_accum = accum};
    }
  }
  return std::nullopt;
}

}  // namespace ftcost
