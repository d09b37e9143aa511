// Catalog files: reading with a size cap, merging --catalog-add overlays, and the age check.
#include <algorithm>
#include <map>

#include "catalog_json.hpp"
#include "catalog_offers_fast.hpp"
#include "ftcost/base/error.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "json_reader.hpp"

namespace ftcost {
namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<std::int64_t> digits(std::string_view text) {
  if (text.empty()) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

bool leap(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

std::int64_t days_in_month(std::int64_t year, std::int64_t month) {
  constexpr std::int64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

template <class Item, class Key>
void merge_by(std::vector<Item>& base, const std::vector<Item>& overlay, Key key) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < base.size(); ++i) {
    index.emplace(key(base[i]), i);
  }
  for (const Item& item : overlay) {
    if (auto it = index.find(key(item)); it != index.end()) {
      base[it->second] = item;
    } else {
      index.emplace(key(item), base.size());
      base.push_back(item);
    }
  }
}

// A provider redefined by an overlay replaces the built-in one whole: if it drops "spot", the
// spot offers it already had would have no interruption rules to cost them with.
void check_redefined_spot_rules(const Catalog& merged, const Catalog& overlay,
                                const std::string& overlay_origin) {
  for (std::size_t i = 0; i < overlay.providers.size(); ++i) {
    const Provider& provider = overlay.providers[i];
    if (provider.spot) {
      continue;
    }
    for (const Offer& offer : merged.offers) {
      if (offer.provider == provider.id && offer.tier == Tier::Spot) {
        throw InputError(overlay_origin, "/providers/" + std::to_string(i),
                         "redefines '" + provider.id +
                             "' without \"spot\", but the catalog has its "
                             "spot offer " +
                             offer_key(offer),
                         "keep the provider's \"spot\" block", ExitCode::InvalidData);
      }
    }
  }
}

// An overlay's provider may name stores of the catalog it extends or of its own file.
void check_overlay_store_references(const Catalog& merged, const Catalog& overlay,
                                    const std::string& overlay_origin) {
  for (std::size_t i = 0; i < overlay.providers.size(); ++i) {
    const auto& stores = overlay.providers[i].free_transfer_to_stores;
    for (std::size_t j = 0; j < stores.size(); ++j) {
      if (merged.find_store(stores[j]) == nullptr) {
        throw InputError(
            overlay_origin,
            "/providers/" + std::to_string(i) + "/free_transfer_to_stores/" + std::to_string(j),
            "unknown checkpoint store '" + stores[j] + "'",
            "a checkpoint store of the catalog or of this file", ExitCode::InvalidData);
      }
    }
  }
}

}  // namespace

std::optional<std::int64_t> days_from_date(std::string_view date) noexcept {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) {
    return std::nullopt;
  }
  const auto year = digits(date.substr(0, 4));
  std::int64_t month = 1;
  std::int64_t day = 1;
  if (date.size() >= 7) {
    const auto m = date[4] == '-' ? digits(date.substr(5, 2)) : std::nullopt;
    if (!m || *m < 1 || *m > 12) {
      return std::nullopt;
    }
    month = *m;
  }
  if (date.size() == 10) {
    const auto d = date[7] == '-' ? digits(date.substr(8, 2)) : std::nullopt;
    if (!year || !d || *d < 1 || *d > days_in_month(*year, month)) {
      return std::nullopt;
    }
    day = *d;
  }
  if (!year || *year < 1970) {
    return std::nullopt;
  }
  return days_from_civil(*year, month, day);
}

Catalog load_catalog_file(const std::string& path, const std::vector<std::string>& known_gpus,
                          CatalogRole role) {
  if (auto fast = load::read_catalog_offers_fast(path, kMaxCatalogBytes, known_gpus)) {
    try {
      return load::parse_catalog_text(fast->rest, path, known_gpus, role, &fast->offers);
    } catch (const InputError&) {
      // Read again the checked way below, so the message and its line:column are the same as
      // for any other file.
    }
  }
  return parse_catalog(load::read_text_file(path, kMaxCatalogBytes), path, known_gpus, role);
}

Catalog merge_catalogs(Catalog base, const Catalog& overlay, const std::string& overlay_origin) {
  merge_by(base.providers, overlay.providers, [](const Provider& p) { return p.id; });
  merge_by(base.checkpoint_stores, overlay.checkpoint_stores,
           [](const CheckpointStore& s) { return s.id; });
  for (std::size_t i = 0; i < overlay.offers.size(); ++i) {
    const Offer& offer = overlay.offers[i];
    const Provider* provider = base.find_provider(offer.provider);
    const std::string where = "/offers/" + std::to_string(i);
    if (provider == nullptr) {
      throw InputError(overlay_origin, where + "/provider",
                       "unknown provider '" + offer.provider + "'",
                       "a provider of the catalog or of this file", ExitCode::InvalidData);
    }
    if (offer.tier == Tier::Spot && !provider->spot) {
      throw InputError(overlay_origin, where + "/tier",
                       "provider '" + offer.provider + "' has no spot rules",
                       "add \"spot\" to the provider, or use on-demand", ExitCode::InvalidData);
    }
  }
  merge_by(base.offers, overlay.offers, [](const Offer& o) { return offer_key(o); });
  base.unpriced.insert(base.unpriced.end(), overlay.unpriced.begin(), overlay.unpriced.end());
  check_redefined_spot_rules(base, overlay, overlay_origin);
  check_overlay_store_references(base, overlay, overlay_origin);
  if (!overlay.as_of.empty()) {
    base.as_of = std::max(base.as_of, overlay.as_of);
  }
  return base;
}

StaleOffers stale_offers(const std::vector<Offer>& offers, std::int64_t today_days,
                         std::int64_t max_age_days) {
  std::map<std::string, std::size_t> stale_by_provider;
  StaleOffers stale;
  for (const Offer& offer : offers) {
    const std::int64_t age = today_days - days_from_date(offer.as_of).value_or(today_days);
    if (age < 0 && stale.future.empty()) {
      stale.future = offer_key(offer) + " " + offer.as_of;
      if (max_age_days < 0) {
        break;  // only the first future date was asked for
      }
    }
    if (max_age_days >= 0 && age > max_age_days) {
      ++stale.count;
      ++stale_by_provider[offer.provider];
      if (age > stale.oldest_days) {
        stale.oldest_days = age;
        stale.oldest = offer.provider + " " + offer.as_of;
      }
    }
  }
  for (const auto& [provider, count] : stale_by_provider) {
    stale.by_provider +=
        (stale.by_provider.empty() ? "" : ", ") + provider + " " + std::to_string(count);
  }
  return stale;
}

std::vector<std::string> catalog_age_warnings(const Catalog& catalog, const std::string& origin,
                                              std::int64_t today_days, std::int64_t max_age_days) {
  const StaleOffers stale = stale_offers(catalog.offers, today_days, max_age_days);
  if (stale.count == 0) {
    return {};
  }
  return {origin + ": " + std::to_string(stale.count) + " of " +
          std::to_string(catalog.offers.size()) + " offers are older than " +
          std::to_string(max_age_days) + " days (" + stale.by_provider + "; oldest " +
          stale.oldest + ", " + std::to_string(stale.oldest_days) + " days)"};
}

}  // namespace ftcost
