// Look-ups on a loaded catalog.
#include "ftcost/catalog/catalog.hpp"

namespace ftcost {

const Provider* Catalog::find_provider(std::string_view id) const noexcept {
  for (const Provider& provider : providers) {
    if (provider.id == id) {
      return &provider;
    }
  }
  return nullptr;
}

const CheckpointStore* Catalog::find_store(std::string_view id) const noexcept {
  for (const CheckpointStore& store : checkpoint_stores) {
    if (store.id == id) {
      return &store;
    }
  }
  return nullptr;
}

std::string offer_key(const Offer& offer) {
  std::string key = offer.provider + "/" + offer.gpu + "/x" + std::to_string(offer.gpus) + "/" +
                    std::string(name_of(offer.tier));
  if (!offer.instance_type.empty()) {
    key += "/" + offer.instance_type;
  }
  if (!offer.region.empty()) {
    key += "@" + offer.region;
  }
  return key;
}

}  // namespace ftcost
