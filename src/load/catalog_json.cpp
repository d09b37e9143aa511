// parse_catalog: the top level, offers and checkpoint stores, and the cross-reference checks.
#include "catalog_json.hpp"

#include <algorithm>
#include <map>

#include "ftcost/catalog_load.hpp"
#include "ftcost/error.hpp"
#include "ftcost/spelling.hpp"

namespace ftcost::load {
namespace {

// A single instance of more GPUs than this does not exist (HGX/NVL boards top out at 8; 64
// leaves room for rack-scale NVLink systems).
constexpr std::int64_t kMaxGpusPerInstance = 64;
constexpr double kMaxUsdPerHour = 10000;

double read_positive(const JsonCursor& c, double max, const std::string& what) {
  const double value = c.number(0, max);
  if (value <= 0) {
    c.fail(what + " must be greater than 0, got 0");
  }
  return value;
}

std::string read_gpu_id(const JsonCursor& c, const std::vector<std::string>& known_gpus) {
  std::string gpu = c.string();
  if (std::find(known_gpus.begin(), known_gpus.end(), gpu) == known_gpus.end()) {
    const std::string hint = did_you_mean(gpu, known_gpus);
    c.fail("unknown GPU id '" + gpu + "'", hint.empty() ? "an id of `ftcost gpus`" : hint);
  }
  return gpu;
}

std::string optional_string(const JsonCursor& c, std::string_view key) {
  auto member = c.find(key);
  return member ? member->string() : std::string();
}

template <class Item, class Key>
void reject_duplicates(const std::vector<JsonCursor>& cursors, const std::vector<Item>& items,
                       Key key) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto [it, inserted] = seen.emplace(key(items[i]), i);
    if (!inserted) {
      cursors[i].fail("duplicate of " + cursors[it->second].pointer() + " (" + it->first + ")");
    }
  }
}

// Offers name providers of this file (or, for an overlay, possibly of the base catalog: checked
// at merge time), spot offers need the provider's spot rules, and stores must exist.
void check_references(const Catalog& catalog, const std::vector<JsonCursor>& offers,
                      CatalogRole role) {
  std::vector<std::string> provider_ids;
  for (const Provider& p : catalog.providers) {
    provider_ids.push_back(p.id);
  }
  for (std::size_t i = 0; i < catalog.offers.size(); ++i) {
    const Offer& offer = catalog.offers[i];
    const Provider* provider = catalog.find_provider(offer.provider);
    const JsonCursor& cursor = offers[i];
    if (provider == nullptr && role == CatalogRole::Full) {
      const std::string hint = did_you_mean(offer.provider, provider_ids);
      cursor.at("provider")
          .fail("unknown provider '" + offer.provider + "'",
                hint.empty() ? "one of " + join_names(provider_ids) : hint);
    }
    if (provider != nullptr && offer.tier == Tier::Spot && !provider->spot) {
      cursor.at("tier").fail("provider '" + offer.provider + "' has no spot rules",
                             "add \"spot\" to the provider, or use on-demand");
    }
  }
}

void check_store_references(const Catalog& catalog, const std::vector<JsonCursor>& providers) {
  for (std::size_t i = 0; i < catalog.providers.size(); ++i) {
    for (std::size_t j = 0; j < catalog.providers[i].free_transfer_to_stores.size(); ++j) {
      const std::string& id = catalog.providers[i].free_transfer_to_stores[j];
      if (catalog.find_store(id) == nullptr) {
        providers[i]
            .at("free_transfer_to_stores")
            .elements()[j]
            .fail("unknown checkpoint store '" + id + "'");
      }
    }
  }
}

}  // namespace

CheckpointStore read_store(const JsonCursor& c) {
  c.reject_unknown_keys(
      {"id", "name", "usd_per_gb_month", "free_gb", "write_gb_per_s", "source", "as_of"});
  const auto free = c.find("free_gb");
  return {.id = read_id(c.at("id")),
          .name = c.at("name").string(),
          .usd_per_gb_month = c.at("usd_per_gb_month").number(0, 100),
          .free_gb = free ? free->number(0, 1e9) : 0.0,
          .write_gb_per_s = read_positive(c.at("write_gb_per_s"), 1000, "write_gb_per_s"),
          .source = c.at("source").string(),
          .as_of = read_date(c.at("as_of"))};
}

Offer read_offer(const JsonCursor& c, const std::vector<std::string>& known_gpus) {
  c.reject_unknown_keys({"provider", "gpu", "gpus", "tier", "usd_per_hour", "instance_type",
                         "hazard_per_hour", "reliability", "source", "as_of", "note"});
  Offer offer;
  offer.provider = read_id(c.at("provider"));
  offer.gpu = read_gpu_id(c.at("gpu"), known_gpus);
  offer.gpus = c.at("gpus").integer(1, kMaxGpusPerInstance);
  offer.tier = read_enum<Tier>(c.at("tier"));
  offer.usd_per_hour = read_positive(c.at("usd_per_hour"), kMaxUsdPerHour, "usd_per_hour");
  offer.instance_type = optional_string(c, "instance_type");
  if (auto hazard = c.find("hazard_per_hour")) {
    offer.hazard_per_hour = hazard->number(0, 100);
  }
  if (auto reliability = c.find("reliability")) {
    offer.reliability = read_positive(*reliability, 1, "reliability");
  }
  offer.source = c.at("source").string();
  offer.as_of = read_date(c.at("as_of"));
  offer.note = optional_string(c, "note");
  return offer;
}

namespace {

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
}

}  // namespace
}  // namespace ftcost::load

namespace ftcost {

Catalog parse_catalog(std::string_view text, const std::string& origin,
                      const std::vector<std::string>& known_gpus, CatalogRole role) {
  using namespace load;
  const nlohmann::json json = parse_json_text(text, origin);
  const JsonCursor root(json, origin);
  Catalog catalog;
  read_header(root, role, catalog);
  const bool full = role == CatalogRole::Full;
  const std::vector<JsonCursor> providers = section(root, "providers", full);
  for (const JsonCursor& p : providers) {
    catalog.providers.push_back(read_provider(p));
  }
  reject_duplicates(providers, catalog.providers, [](const Provider& p) { return p.id; });
  const std::vector<JsonCursor> stores = section(root, "checkpoint_stores", false);
  for (const JsonCursor& s : stores) {
    catalog.checkpoint_stores.push_back(read_store(s));
  }
  reject_duplicates(stores, catalog.checkpoint_stores,
                    [](const CheckpointStore& s) { return s.id; });
  const std::vector<JsonCursor> offers = section(root, "offers", full);
  catalog.offers.reserve(offers.size());
  for (const JsonCursor& o : offers) {
    catalog.offers.push_back(read_offer(o, known_gpus));
  }
  reject_duplicates(offers, catalog.offers, [](const Offer& o) { return offer_key(o); });
  check_references(catalog, offers, role);
  if (full) {
    check_store_references(catalog, providers);
  }
  return catalog;
}

}  // namespace ftcost
