// Colours of the html charts, chosen to stay distinguishable with colour-blindness
// (docs/report.md).
#pragma once

#include <array>
#include <string_view>

namespace ftcost::render::html {

/// Provider colours: Okabe & Ito's palette for colour-blind readers (Color Universal Design,
/// 2008) without its black, which the chart keeps for the Pareto front and rank rings; yellow
/// last, as it shows least on white.
inline constexpr std::array<std::string_view, 7> kProviderColors{
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442"};

/// The colour of providers beyond the seventh (the legend groups them as "other providers").
inline constexpr std::string_view kOtherProviderColor = "#A6A6A6";

/// A fill and the text colour that reads on it (contrast ratio 4.5 or more).
struct Swatch {
  std::string_view fill;
  std::string_view ink;
};

/// The colour of a memory component by its name (MemoryComponent::name, "allocator cache",
/// "CUDA context", or "phase total (allocated)"): Paul Tol's "muted" qualitative scheme
/// (colour-blind safe; personal.sron.nl/~pault) for nine tensor components, two colours of his
/// "light" scheme for the ZeRO-only ones (master_weights, fp32_gradients), greys for what is not
/// a tensor, Tol's bright blue for phase totals, a dark grey for unknown names.
[[nodiscard]] Swatch component_swatch(std::string_view name) noexcept;

}  // namespace ftcost::render::html
