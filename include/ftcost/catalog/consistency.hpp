// Catalog consistency beyond the schema: prices that contradict each other or leave part of the
// machine out (docs/catalog.md#consistency).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftcost/base/names.hpp"
#include "ftcost/catalog/catalog.hpp"

namespace ftcost {

/// What is doubtful about an offer's price.
enum class CaveatKind {
  SpotAboveOnDemand,  ///< the spot price exceeds the on-demand price of the same instance
  PerGpuAsInstance,   ///< a larger instance costs under half per GPU what a smaller one does:
                      ///< likely a per-GPU price given as the instance's
  PartialPrice,       ///< the price leaves out the host (accelerator-only, CPU/RAM billed apart)
};

template <>
struct EnumNames<CaveatKind> {
  static constexpr std::array<std::pair<CaveatKind, std::string_view>, 3> kEntries{
      {{CaveatKind::SpotAboveOnDemand, "spot-above-on-demand"},
       {CaveatKind::PerGpuAsInstance, "per-gpu-as-instance"},
       {CaveatKind::PartialPrice, "partial-price"}}};
};

/// One doubtful offer price: the offer (index into Catalog::offers), the one it contradicts
/// (or the same index for a partial price) and a sentence naming both JSON paths.
struct OfferCaveat {
  std::size_t offer = 0;
  std::size_t other = 0;
  CaveatKind kind = CaveatKind::PartialPrice;
  std::string text;  ///< "/offers/12 (aws/h100-sxm/x8/spot) costs 60 $/h, above the on-demand
                     ///< /offers/11 at 55 $/h"
};

/// Ratio of per-GPU prices under which a larger instance's price is taken for a per-GPU figure
/// (bulk discounts between instance sizes of one GPU stay within about 10%; half is not a
/// discount).
inline constexpr double kPerGpuMixupRatio = 0.5;

/// The offers of `catalog` whose prices contradict another offer or leave out the host, pure:
/// spot above on-demand for the same provider, GPU, count, instance type and region; a larger
/// instance of the same provider, GPU, tier and region below kPerGpuMixupRatio of a smaller one's
/// per-GPU price; and a note that says the price is accelerator-only or bills CPU/RAM apart.
/// Offers are in catalog order; each doubtful offer is listed once per kind, naming the first
/// (lowest-index) offer it contradicts.
[[nodiscard]] std::vector<OfferCaveat> offer_caveats(const Catalog& catalog);

/// offer_caveats for the offers at indices `which` only (the plans a ranking shows), without
/// checking the rest of the catalog; the same caveats those offers get from the whole check.
[[nodiscard]] std::vector<OfferCaveat> offer_caveats(const Catalog& catalog,
                                                     const std::vector<std::size_t>& which);

}  // namespace ftcost
