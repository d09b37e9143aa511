// offer_caveats: contradicting and partial prices in a catalog.
#include "ftcost/catalog/consistency.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <tuple>
#include <vector>

#include "ftcost/base/number_text.hpp"

namespace ftcost {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Phrases catalogs use for a price that is the GPU alone (data/providers.json's GCP and Modal
// notes, SkyPilot's GCP accelerator rows).
bool partial_price_note(std::string_view note) {
  constexpr std::array<std::string_view, 7> kPhrases{
      "accelerator-only", "accelerator only", "gpu-only",        "gpu only",
      "billed on top",    "excludes host",    "without the host"};
  const std::string text = lower(note);
  return std::any_of(kPhrases.begin(), kPhrases.end(), [&](std::string_view phrase) {
    return text.find(phrase) != std::string::npos;
  });
}

std::string path(std::size_t index, const Offer& offer) {
  return "/offers/" + std::to_string(index) + " (" + offer_key(offer) + ")";
}

std::string usd(double value) {
  return short_number(value) + " $/h";
}

}  // namespace

namespace {

// Offers compared with each other: same provider, GPU and region.
bool same_group(const Offer& x, const Offer& y) {
  return x.provider == y.provider && x.gpu == y.gpu && x.region == y.region;
}

// The caveats of offer `a`, one per kind in CaveatKind order, each naming the first (lowest
// index) contradicting offer among `group` (ascending indices of a's group, a included).
void add_caveats_of(const std::vector<Offer>& offers, const std::vector<std::size_t>& group,
                    std::size_t a, std::vector<OfferCaveat>& out) {
  const Offer& x = offers[a];
  for (const std::size_t b : group) {
    const Offer& y = offers[b];
    if (x.tier == Tier::Spot && y.tier == Tier::OnDemand && x.gpus == y.gpus &&
        x.instance_type == y.instance_type && x.usd_per_hour > y.usd_per_hour) {
      out.push_back({a, b, CaveatKind::SpotAboveOnDemand,
                     path(a, x) + " costs " + usd(x.usd_per_hour) + ", above the on-demand " +
                         path(b, y) + " at " + usd(y.usd_per_hour)});
      break;
    }
  }
  for (const std::size_t b : group) {
    const Offer& y = offers[b];
    if (x.tier == y.tier && x.gpus > y.gpus &&
        usd_per_gpu_hour(x) < kPerGpuMixupRatio * usd_per_gpu_hour(y)) {
      out.push_back({a, b, CaveatKind::PerGpuAsInstance,
                     path(a, x) + " costs " + usd(usd_per_gpu_hour(x)) +
                         " per GPU, under half the smaller " + path(b, y) + " at " +
                         usd(usd_per_gpu_hour(y)) +
                         " per GPU: is its price per GPU rather than per instance?"});
      break;
    }
  }
  if (partial_price_note(x.note)) {
    out.push_back({a, a, CaveatKind::PartialPrice,
                   path(a, x) + ": the price leaves out the host (" + x.note.substr(0, 120) + ")"});
  }
}

}  // namespace

std::vector<OfferCaveat> offer_caveats(const Catalog& catalog) {
  const auto& offers = catalog.offers;
  // Grouped once by (provider, gpu, region): the comparisons only look inside a group.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < offers.size(); ++i) {
    groups[{offers[i].provider, offers[i].gpu, offers[i].region}].push_back(i);
  }
  std::vector<OfferCaveat> caveats;
  for (std::size_t a = 0; a < offers.size(); ++a) {
    add_caveats_of(offers, groups.at({offers[a].provider, offers[a].gpu, offers[a].region}), a,
                   caveats);
  }
  return caveats;
}

std::vector<OfferCaveat> offer_caveats(const Catalog& catalog,
                                       const std::vector<std::size_t>& which) {
  const auto& offers = catalog.offers;
  std::vector<std::size_t> sorted = which;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  // Many offers (--top 0 on an imported catalog): group the catalog once instead of one scan
  // per offer, which is quadratic (100,000 rows took 50 s).
  constexpr std::size_t kScannedOffers = 64;
  if (sorted.size() > kScannedOffers) {
    std::vector<OfferCaveat> all = offer_caveats(catalog);
    std::erase_if(all, [&](const OfferCaveat& caveat) {
      return !std::binary_search(sorted.begin(), sorted.end(), caveat.offer);
    });
    return all;
  }
  std::vector<OfferCaveat> caveats;
  for (const std::size_t a : sorted) {
    // A few offers: one scan each is cheaper than grouping the whole catalog.
    std::vector<std::size_t> group;
    for (std::size_t b = 0; b < offers.size(); ++b) {
      if (same_group(offers[a], offers[b])) {
        group.push_back(b);
      }
    }
    add_caveats_of(offers, group, a, caveats);
  }
  return caveats;
}

}  // namespace ftcost
