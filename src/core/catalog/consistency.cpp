// offer_caveats: contradicting and partial prices in a catalog.
#include "ftcost/catalog/consistency.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <tuple>

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

std::vector<OfferCaveat> offer_caveats(const Catalog& catalog) {
  std::vector<OfferCaveat> caveats;
  const auto& offers = catalog.offers;
  // Offers grouped by (provider, gpu, region): the comparisons only look inside a group.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < offers.size(); ++i) {
    groups[{offers[i].provider, offers[i].gpu, offers[i].region}].push_back(i);
    if (partial_price_note(offers[i].note)) {
      caveats.push_back({i, i, CaveatKind::PartialPrice,
                         path(i, offers[i]) + ": the price leaves out the host (" +
                             offers[i].note.substr(0, 120) + ")"});
    }
  }
  for (const auto& [key, members] : groups) {
    for (const std::size_t a : members) {
      const Offer& x = offers[a];
      for (const std::size_t b : members) {
        const Offer& y = offers[b];
        if (x.tier == Tier::Spot && y.tier == Tier::OnDemand && x.gpus == y.gpus &&
            x.instance_type == y.instance_type && x.usd_per_hour > y.usd_per_hour) {
          caveats.push_back({a, b, CaveatKind::SpotAboveOnDemand,
                             path(a, x) + " costs " + usd(x.usd_per_hour) +
                                 ", above the on-demand " + path(b, y) + " at " +
                                 usd(y.usd_per_hour)});
        }
        if (x.tier == y.tier && x.gpus > y.gpus &&
            usd_per_gpu_hour(x) < kPerGpuMixupRatio * usd_per_gpu_hour(y)) {
          caveats.push_back({a, b, CaveatKind::PerGpuAsInstance,
                             path(a, x) + " costs " + usd(usd_per_gpu_hour(x)) +
                                 " per GPU, under half the smaller " + path(b, y) + " at " +
                                 usd(usd_per_gpu_hour(y)) +
                                 " per GPU: is its price per GPU rather than per instance?"});
        }
      }
    }
  }
  std::sort(caveats.begin(), caveats.end(), [](const OfferCaveat& p, const OfferCaveat& q) {
    return std::tie(p.offer, p.kind, p.other) < std::tie(q.offer, q.kind, q.other);
  });
  // One caveat per offer and kind: the first contradicting offer is enough to name.
  caveats.erase(std::unique(caveats.begin(), caveats.end(),
                            [](const OfferCaveat& p, const OfferCaveat& q) {
                              return p.offer == q.offer && p.kind == q.kind;
                            }),
                caveats.end());
  return caveats;
}

}  // namespace ftcost
