// gpuhunt's offline catalog CSV (dstack): one row per instance, location and tier, priced per
// instance-hour. Format notes: docs/catalog.md#import and gpuhunt's CATALOG_V2_FIELDS.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include "csv_table.hpp"
#include "ftcost/base/decimal_text.hpp"
#include "ftcost/load/catalog_import.hpp"
#include "import_text.hpp"
#include "imported_rows.hpp"

namespace ftcost::load {
namespace {

/// The columns a reader looks at; the optional ones are absent from v1 files (flags) or from
/// hand-made files.
struct Columns {
  std::size_t instance_name = 0;
  std::size_t location = 0;
  std::size_t price = 0;
  std::size_t gpu_count = 0;
  std::size_t spot = 0;
  std::optional<std::size_t> gpu_name;
  std::optional<std::size_t> gpu_memory;
  std::optional<std::size_t> gpu_vendor;
  std::optional<std::size_t> flags;
};

Columns find_columns(const CsvTable& table) {
  // gpuhunt's own loader needs all seven; cpu and memory are checked for presence only, since
  // ftcost prices GPUs and never reads them.
  table.require_columns(
      {"instance_name", "location", "price", "cpu", "memory", "gpu_count", "spot"});
  return {*table.column("instance_name"), *table.column("location"),  *table.column("price"),
          *table.column("gpu_count"),     *table.column("spot"),      table.column("gpu_name"),
          table.column("gpu_memory"),     table.column("gpu_vendor"), table.column("flags")};
}

/// A row's problem with one field: the SkippedRow less its place.
struct Problem {
  std::string field;
  std::string value;
  std::string problem;
};

const char* decimal_problem(DecimalStatus status) {
  switch (status) {
    case DecimalStatus::Empty:
      return "empty";
    case DecimalStatus::NotInteger:
      return "not a whole number";
    case DecimalStatus::OutOfRange:
      return "out of range";
    case DecimalStatus::NotNumber:
    case DecimalStatus::Ok:
      break;
  }
  return "not a number";
}

/// What the vendor column means for ftcost: true for GPUs it models (NVIDIA, AMD), false for
/// accelerators it does not (TPUs, Gaudi, Tenstorrent), nullopt for a vendor gpuhunt never wrote.
std::optional<bool> modelled_vendor(std::string_view vendor_text, std::string_view gpu_name) {
  std::string vendor = lowercase(vendor_text);
  if (vendor.empty()) {
    // Legacy files left the vendor out: TPUs were told by name, everything else was NVIDIA.
    vendor = lowercase(gpu_name).starts_with("tpu-") ? "google" : "nvidia";
  }
  if (vendor == "nvidia" || vendor == "amd") {
    return true;
  }
  if (vendor == "google" || vendor == "intel" || vendor == "tenstorrent") {
    return false;
  }
  return std::nullopt;
}

/// "us-central1-a" -> "us-central1": GCP zones are a region plus a one-letter suffix.
std::string gcp_region(const std::string& zone) {
  const std::size_t dash = zone.rfind('-');
  if (dash != std::string::npos && dash + 2 == zone.size() && dash > 0 &&
      std::islower(static_cast<unsigned char>(zone.back())) != 0) {
    return zone.substr(0, dash);
  }
  return zone;
}

/// A row read: an offer, a malformed row's Problem, or monostate for a row that is not a GPU
/// offer ftcost models (CPU-only, TPUs and other accelerators), which is no fault of the file.
using RowResult = std::variant<std::monostate, ImportedOffer, Problem>;

RowResult read_row(const CsvTable& table, const Columns& columns, std::size_t row) {
  const auto field = [&](std::optional<std::size_t> column) -> const std::string& {
    static const std::string kEmpty;
    return column ? table.field(row, *column) : kEmpty;
  };
  const std::string& instance_name = field(columns.instance_name);
  const std::string& location = field(columns.location);
  const std::string& price_text = field(columns.price);
  const std::string& count_text = field(columns.gpu_count);
  const std::string& spot_text = field(columns.spot);
  if (instance_name.empty()) {
    return Problem{"instance_name", "", "empty"};
  }
  if (location.empty()) {
    return Problem{"location", "", "empty"};
  }
  const auto count = parse_decimal_integer(count_text);
  if (count.status != DecimalStatus::Ok) {
    return Problem{"gpu_count", quoted_value(count_text), decimal_problem(count.status)};
  }
  if (count.value < 0) {
    return Problem{"gpu_count", quoted_value(count_text), "not a positive GPU count"};
  }
  const std::string spot = lowercase(spot_text);
  if (spot != "true" && spot != "false") {
    return Problem{"spot", quoted_value(spot_text), "not True or False"};
  }
  const auto price = parse_decimal_number(price_text);
  if (price.status != DecimalStatus::Ok) {
    return Problem{"price", quoted_value(price_text), decimal_problem(price.status)};
  }
  if (price.value <= 0) {
    return Problem{"price", quoted_value(price_text), "not a positive price"};
  }
  const std::string& gpu_name = field(columns.gpu_name);
  if (count.value == 0 || gpu_name.empty()) {
    return {};  // a CPU-only instance
  }
  const std::string& vendor = field(columns.gpu_vendor);
  const std::optional<bool> modelled = modelled_vendor(vendor, gpu_name);
  if (!modelled) {
    return Problem{"gpu_vendor", quoted_value(vendor), "not a vendor gpuhunt names"};
  }
  if (!*modelled) {
    return {};
  }
  const std::string& memory_text = field(columns.gpu_memory);
  std::optional<double> memory_gb;
  if (!memory_text.empty()) {
    const auto memory = parse_decimal_number(memory_text);
    if (memory.status != DecimalStatus::Ok || memory.value < 0) {
      return Problem{"gpu_memory", quoted_value(memory_text), "not a number of GB"};
    }
    if (memory.value > 0) {  // 0 states nothing; keep it unknown
      memory_gb = memory.value;
    }
  }
  // Old dstack clients hide every flagged row; ftcost understands no flag yet, so it does too.
  if (const std::string& flags = field(columns.flags); !flags.empty()) {
    return Problem{"flags", quoted_value(flags),
                   "flags '" + quoted_value(flags) + "' not understood"};
  }
  ImportedOffer offer;
  offer.where = CsvTable::where(row);
  offer.gpu_name = gpu_name;
  offer.gpu_memory_gb = memory_gb;
  offer.gpus = count.value;
  offer.tier = spot == "true" ? Tier::Spot : Tier::OnDemand;
  offer.usd_per_hour = price.value;
  offer.instance_type = instance_name;
  offer.region = location;
  return offer;
}

/// Offers that differ only in price (and, for GCP, zone) are one offer at its lowest price.
using OfferKey =
    std::tuple<std::string, std::string, std::optional<double>, std::int64_t, Tier, std::string>;

OfferKey key_of(const ImportedOffer& offer) {
  return {offer.instance_type, offer.gpu_name, offer.gpu_memory_gb,
          offer.gpus,          offer.tier,     offer.region};
}

}  // namespace

ImportRows read_gpuhunt_csv(std::string_view text, const std::string& origin,
                            std::string_view provider) {
  const CsvTable table(text, origin);
  const Columns columns = find_columns(table);
  const std::string provider_id = imported_provider_id(provider);
  // gpuhunt writes one GCP row per zone; ftcost prices regions, so zones fold into theirs.
  const bool zones = provider_id == "gcp";

  ImportRows result;
  result.rows = table.size();
  std::map<OfferKey, std::size_t> kept;  // key -> index in result.offers
  for (std::size_t row = 0; row < table.size(); ++row) {
    if (std::string shape = table.shape_problem(row); !shape.empty()) {
      result.skipped.push_back({CsvTable::where(row), "", "", std::move(shape)});
      continue;
    }
    RowResult read = read_row(table, columns, row);
    if (auto* problem = std::get_if<Problem>(&read)) {
      result.skipped.push_back({CsvTable::where(row), std::move(problem->field),
                                std::move(problem->value), std::move(problem->problem)});
      continue;
    }
    auto* offer = std::get_if<ImportedOffer>(&read);
    if (offer == nullptr) {
      continue;
    }
    offer->provider = provider_id;
    if (zones) {
      offer->region = gcp_region(offer->region);
    }
    const auto [it, added] = kept.try_emplace(key_of(*offer), result.offers.size());
    if (added) {
      result.offers.push_back(std::move(*offer));
    } else if (offer->usd_per_hour < result.offers[it->second].usd_per_hour) {
      result.offers[it->second] = std::move(*offer);
    }
  }
  return result;
}

}  // namespace ftcost::load
