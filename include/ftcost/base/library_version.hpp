// A library release number typed on the command line (major.minor[.patch]), for mechanisms that
// changed between releases of the training stack.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ftcost {

/// A release as major.minor; the patch level is accepted on input and ignored (no memory
/// mechanism ftcost models changed in a patch release).
struct LibraryVersion {
  int major = 0;
  int minor = 0;
  // clang-tidy 14 reads the literal 0 of the defaulted <=>'s comparison category as a null
  // pointer (llvm/llvm-project#46235).
  auto operator<=>(const LibraryVersion&) const = default;  // NOLINT(modernize-use-nullptr)
};

/// The first Transformers release whose causal-LM heads return 16-bit logits and upcast them to
/// fp32 inside the loss (`ForCausalLMLoss`); 4.31–4.45 upcast inside the model's forward, so the
/// returned outputs hold fp32 logits (Transformers PRs #31292, #33902; the 4.45 note "remove the
/// float() operation in v4.46"). docs/memory-model.md#logits.
inline constexpr LibraryVersion kTransformersUpcastInLoss{4, 46};

/// Parses "4.38", "4.45.2" (digits only, 1–3 per part; patch ignored). Returns nullopt for
/// anything else: "", "4", "v4.38", "4.x", "4.38.0.dev0", "4.38 ".
[[nodiscard]] std::optional<LibraryVersion> parse_library_version(std::string_view text);

/// "4.38": the form stated in output.
[[nodiscard]] std::string version_text(const LibraryVersion& version);

}  // namespace ftcost
