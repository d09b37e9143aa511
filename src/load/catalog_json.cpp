// parse_catalog: the top level, offers streamed as they are parsed, and the cross-reference checks.
#include "catalog_json.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "ftcost/base/error.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/load/catalog_load.hpp"

namespace ftcost::load {
namespace {

using nlohmann::json;

[[noreturn]] void fail_at(const std::string& origin, const std::string& where,
                          const std::string& problem, const std::string& accepted = {}) {
  throw InputError(origin, where, problem, accepted, ExitCode::InvalidData);
}

std::string element(std::string_view section, std::size_t index) {
  return std::string(section) + "/" + std::to_string(index);
}

template <class Item, class Key>
void reject_duplicates(const std::string& origin, std::string_view section,
                       const std::vector<Item>& items, Key key) {
  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto [it, inserted] = seen.emplace(key(items[i]), i);
    if (!inserted) {
      fail_at(origin, element(section, i),
              "duplicate of " + element(section, it->second) + " (" + it->first + ")");
    }
  }
}

// As reject_duplicates by offer_key, without a key string kept per offer (those were 13 MB of a
// 100,000-offer load): (hash of the key, index) pairs sorted, and only equal hashes compared.
void reject_duplicate_offers(const std::string& origin, const std::vector<Offer>& offers) {
  std::vector<std::pair<std::size_t, std::size_t>> hashes;
  hashes.reserve(offers.size());
  for (std::size_t i = 0; i < offers.size(); ++i) {
    hashes.emplace_back(std::hash<std::string>{}(offer_key(offers[i])), i);
  }
  std::sort(hashes.begin(), hashes.end());
  // The error names the first offer (in file order) whose key an earlier one had, as a scan in
  // file order would.
  std::optional<std::pair<std::size_t, std::size_t>> first;  // (duplicate, original)
  for (std::size_t run = 0; run < hashes.size();) {
    std::size_t end = run + 1;
    while (end < hashes.size() && hashes[end].first == hashes[run].first) {
      ++end;
    }
    // Indices ascend within a run: the first later offer equal to an earlier one is this run's
    // first duplicate, and that earlier one is its only predecessor with the key.
    bool found = false;
    for (std::size_t b = run + 1; b < end && !found; ++b) {
      for (std::size_t a = run; a < b && !found; ++a) {
        const std::size_t duplicate = hashes[b].second;
        if (offer_key(offers[hashes[a].second]) == offer_key(offers[duplicate])) {
          found = true;
          if (!first || duplicate < first->first) {
            first = std::pair{duplicate, hashes[a].second};
          }
        }
      }
    }
    run = end;
  }
  if (first) {
    fail_at(origin, element("/offers", first->first),
            "duplicate of " + element("/offers", first->second) + " (" +
                offer_key(offers[first->second]) + ")");
  }
}

// Offers name providers of this file (or, for an overlay, possibly of the base catalog: checked
// at merge time), and spot offers need the provider's spot rules.
void check_offer_references(const Catalog& catalog, const std::string& origin, CatalogRole role) {
  std::vector<std::string> provider_ids;
  for (const Provider& p : catalog.providers) {
    provider_ids.push_back(p.id);
  }
  for (std::size_t i = 0; i < catalog.offers.size(); ++i) {
    const Offer& offer = catalog.offers[i];
    const Provider* provider = catalog.find_provider(offer.provider);
    if (provider == nullptr && role == CatalogRole::Full) {
      const std::string hint = did_you_mean(offer.provider, provider_ids);
      fail_at(origin, element("/offers", i) + "/provider",
              "unknown provider '" + offer.provider + "'",
              hint.empty() ? "one of " + join_names(provider_ids) : hint);
    }
    if (provider != nullptr && offer.tier == Tier::Spot && !provider->spot) {
      fail_at(origin, element("/offers", i) + "/tier",
              "provider '" + offer.provider + "' has no spot rules",
              "add \"spot\" to the provider, or use on-demand");
    }
  }
}

void check_store_references(const Catalog& catalog, const std::string& origin) {
  for (std::size_t i = 0; i < catalog.providers.size(); ++i) {
    const auto& stores = catalog.providers[i].free_transfer_to_stores;
    for (std::size_t j = 0; j < stores.size(); ++j) {
      if (catalog.find_store(stores[j]) == nullptr) {
        fail_at(origin, element(element("/providers", i) + "/free_transfer_to_stores", j),
                "unknown checkpoint store '" + stores[j] + "'");
      }
    }
  }
}

// The elements of a top-level array; required ones must be present.
std::vector<JsonCursor> section(const JsonCursor& root, std::string_view key, bool required) {
  if (required) {
    return root.at(key).elements();
  }
  const auto list = root.find(key);
  return list ? list->elements() : std::vector<JsonCursor>{};
}

void read_header(const JsonCursor& root, CatalogRole role, Catalog& catalog) {
  root.reject_unknown_keys({"schema_version", "version", "as_of", "description", "providers",
                            "checkpoint_stores", "offers"});
  const JsonCursor version = root.at("schema_version");
  catalog.schema_version = version.integer(0, 1000000);
  if (catalog.schema_version != kCatalogSchemaVersion) {
    version.fail("unsupported schema_version " + std::to_string(catalog.schema_version),
                 "supported: " + std::to_string(kCatalogSchemaVersion));
  }
  const bool full = role == CatalogRole::Full;
  catalog.version = full ? root.at("version").string() : optional_string(root, "version");
  if (full || root.find("as_of")) {
    catalog.as_of = read_date(root.at("as_of"));
  }
  (void)optional_string(root, "description");  // free text, but text: a string when present
}

}  // namespace

Catalog parse_catalog_text(std::string_view text, const std::string& origin,
                           const std::vector<std::string>& known_gpus, CatalogRole role,
                           std::vector<Offer>* preread) {
  Catalog catalog;
  // Reserved, not touched: an offer takes at least ~90 bytes of JSON, so this bounds the count
  // and the vector never regrows (regrowth was a tenth of a 100,000-offer load).
  if (preread == nullptr) {
    catalog.offers.reserve(text.size() / kMinOfferJsonBytes);
  }
  // Each offer is read as soon as it is parsed and then dropped, so a 100,000-offer catalog never
  // exists as one DOM (docs/catalog.md#size).
  const json document =
      parse_json_text(text, origin, "/offers", [&](const json& offer, std::size_t index) {
        const JsonCursor cursor(offer, origin, element("/offers", index));
        // An offer whose price is null or missing is listed, not fatal: one unpriced row must
        // not hide a whole provider. Every other field is still checked.
        if (offer.is_object() &&
            (!offer.contains("usd_per_hour") || offer["usd_per_hour"].is_null())) {
          json priced = offer;
          priced["usd_per_hour"] = 1.0;
          const Offer checked =
              read_offer(JsonCursor(priced, origin, cursor.pointer()), known_gpus);
          catalog.unpriced.push_back({.where = cursor.pointer(),
                                      .provider = checked.provider,
                                      .gpu = checked.gpu,
                                      .gpus = checked.gpus,
                                      .tier = checked.tier,
                                      .reason = offer.contains("usd_per_hour")
                                                    ? "usd_per_hour is null"
                                                    : "usd_per_hour is missing"});
          return;
        }
        catalog.offers.push_back(read_offer(cursor, known_gpus));
      });
  const JsonCursor root(document, origin);
  read_header(root, role, catalog);
  const bool full = role == CatalogRole::Full;
  for (const JsonCursor& p : section(root, "providers", full)) {
    catalog.providers.push_back(read_provider(p));
  }
  reject_duplicates(origin, "/providers", catalog.providers,
                    [](const Provider& p) { return p.id; });
  for (const JsonCursor& s : section(root, "checkpoint_stores", false)) {
    catalog.checkpoint_stores.push_back(read_store(s));
  }
  reject_duplicates(origin, "/checkpoint_stores", catalog.checkpoint_stores,
                    [](const CheckpointStore& s) { return s.id; });
  // The offers were read while parsing; this checks that "offers" is a (required) array.
  (void)section(root, "offers", full);
  if (preread != nullptr) {
    catalog.offers = std::move(*preread);
  }
  reject_duplicate_offers(origin, catalog.offers);
  check_offer_references(catalog, origin, role);
  if (full) {
    check_store_references(catalog, origin);
  }
  return catalog;
}

}  // namespace ftcost::load

namespace ftcost {

Catalog parse_catalog(std::string_view text, const std::string& origin,
                      const std::vector<std::string>& known_gpus, CatalogRole role) {
  return load::parse_catalog_text(text, origin, known_gpus, role, nullptr);
}

}  // namespace ftcost
