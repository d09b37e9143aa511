// The intern pool behind Text: records bump-allocated in 64 KiB chunks, found again through an
// open-addressing hash table of record pointers.
#include "ftcost/base/text.hpp"

#include <cstring>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <vector>

namespace ftcost {
namespace {

using text_detail::Header;

class Pool {
 public:
  const Header* intern(std::string_view text) {
    if (text.size() > UINT32_MAX) {
      throw std::length_error("Text: longer than 4 GiB");
    }
    if (2 * (used_ + 1) > slots_.size()) {
      grow();
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(text)&mask;; i = (i + 1) & mask) {
      const Header* slot = slots_[i];
      if (slot == nullptr) {
        slots_[i] = store(text);
        ++used_;
        return slots_[i];
      }
      if (Text(slot).view() == text) {
        return slot;
      }
    }
  }

  [[nodiscard]] std::size_t bytes() const noexcept {
    return chunk_bytes_ + slots_.size() * sizeof(const Header*);
  }

 private:
  static constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

  // A record: the header, the characters, a NUL; rounded up to the header's alignment.
  const Header* store(std::string_view text) {
    const std::size_t bytes = (sizeof(Header) + text.size() + 1 + alignof(Header) - 1) /
                              alignof(Header) * alignof(Header);
    if (bytes > left_) {
      const std::size_t chunk = std::max(kChunkBytes, bytes);
      // Header is a plain uint32 wrapper: storage of Header elements gives the alignment.
      chunks_.push_back(std::make_unique<Header[]>(chunk / sizeof(Header)));
      next_ = reinterpret_cast<char*>(chunks_.back().get());  // NOLINT: raw record storage
      left_ = chunk;
      chunk_bytes_ += chunk;
    }
    auto* header = reinterpret_cast<Header*>(next_);  // NOLINT: raw record storage
    header->size = static_cast<std::uint32_t>(text.size());
    char* chars = reinterpret_cast<char*>(header + 1);  // NOLINT: raw record storage
    std::memcpy(chars, text.data(), text.size());
    chars[text.size()] = '\0';
    next_ += bytes;
    left_ -= bytes;
    return header;
  }

  void grow() {
    std::vector<const Header*> old(std::max<std::size_t>(1024, slots_.size() * 2), nullptr);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Header* record : old) {
      if (record == nullptr) {
        continue;
      }
      std::size_t i = std::hash<std::string_view>{}(Text(record).view()) & mask;
      while (slots_[i] != nullptr) {
        i = (i + 1) & mask;
      }
      slots_[i] = record;
    }
  }

  std::vector<std::unique_ptr<Header[]>> chunks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t chunk_bytes_ = 0;
  std::vector<const Header*> slots_;
  std::size_t used_ = 0;
};

// Never destroyed: a Text may be read by another static object's destructor.
Pool& pool() {
  static auto* const instance = new Pool;  // NOLINT(cppcoreguidelines-owning-memory)
  return *instance;
}

}  // namespace

Text::Text(std::string_view text) : header_(&text_detail::kEmpty.header) {
  if (!text.empty()) {
    header_ = pool().intern(text);
  }
}

std::size_t Text::pool_bytes() noexcept {
  return pool().bytes();
}

std::ostream& operator<<(std::ostream& out, Text text) {
  return out << text.view();
}

}  // namespace ftcost
