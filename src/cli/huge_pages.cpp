// Large allocations ask the kernel for transparent huge pages.
//
// A 100,000-offer catalog touches ~70 MB of heap; with 4 KiB pages that is ~18,000 page faults,
// and a fault costs ~10 us on the virtual machines ftcost runs on: a third of the run
// (docs/design.md#start-up). Where transparent huge pages are in "madvise" mode (the default of
// Debian and most distributions), a block marked MADV_HUGEPAGE is faulted in 2 MiB at a time.
// glibc does the same for every block when started with GLIBC_TUNABLES=glibc.malloc.hugetlb=1;
// ftcost cannot rely on its users' environment, so it marks its own large blocks. Small blocks
// are untouched: the default plan's start-up allocates none this large.
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

#if !defined(__SANITIZE_ADDRESS__)  // the sanitizers bring their own operator new

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Marking is worth a system call only for blocks that span several huge pages.
constexpr std::size_t kMarkedBytes = 4 * kHugePage;

void prefer_huge_pages(void* block, std::size_t bytes) noexcept {
  // The whole huge pages inside the block, found by offsets from its start (no integer-to-
  // pointer casts).
  auto* const start = static_cast<char*>(block);
  const auto address = reinterpret_cast<std::uintptr_t>(block);
  const std::size_t skip = (kHugePage - address % kHugePage) % kHugePage;
  if (bytes <= skip + kHugePage) {
    return;
  }
  const std::size_t length = (bytes - skip) / kHugePage * kHugePage;
  // Advice only: where huge pages are off or unavailable, the block keeps 4 KiB pages.
  (void)madvise(start + skip, length, MADV_HUGEPAGE);
}

}  // namespace

void* operator new(std::size_t bytes) {
  void* block = std::malloc(bytes == 0 ? 1 : bytes);
  if (block == nullptr) {
    throw std::bad_alloc();
  }
  if (bytes >= kMarkedBytes) {
    prefer_huge_pages(block, bytes);
  }
  return block;
}

void operator delete(void* block) noexcept {
  std::free(block);
}

void operator delete(void* block, std::size_t /*bytes*/) noexcept {
  std::free(block);
}

#endif
