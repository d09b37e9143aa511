// From live tensors to what PyTorch reserves and what nvidia-smi shows.
#include "memory_terms.hpp"

namespace ftcost::memory_detail {

void apply_allocator(MemoryEstimate& estimate, double paged_bytes) {
  // The caching allocator rounds blocks and cannot always reuse freed ones for larger
  // requests; calibrated on measured allocated-vs-reserved pairs (docs/memory-model.md#allocator).
  estimate.peak_reserved_bytes = estimate.peak_allocated_bytes * (1 + kAllocatorOverhead);
  estimate.paged_optimizer_bytes = paged_bytes;
  estimate.device_total_bytes = estimate.peak_reserved_bytes + kCudaContextBytes + paged_bytes;
}

}  // namespace ftcost::memory_detail
