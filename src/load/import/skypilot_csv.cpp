// SkyPilot catalog vms.csv reader. Columns are found by name because each cloud orders them
// differently; GCP prices a GPU VM as a host row plus an accelerator row (docs/catalog.md#import).
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "csv_table.hpp"
#include "ftcost/base/decimal_text.hpp"
#include "ftcost/load/catalog_import.hpp"
#include "import_text.hpp"
#include "imported_rows.hpp"

namespace ftcost::load {
namespace {

constexpr double kPlaceholderPrice = 700.0;  // SkyPilot's "no price known" (GCP TPU rows)
constexpr double kMaxGpus = 1e6;

std::string money(double usd) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), usd);
  return "$" + std::string(buffer.data(), result.ptr) + "/h";
}

struct Columns {
  std::size_t instance = 0, accelerator = 0, count = 0, price = 0, spot = 0, region = 0;
  std::optional<std::size_t> zone, vcpus, memory, hosting, gpu_info;
};

// The form factor GpuInfo's first 'Name' states ("A100 PCIe", "H100 NVL", "H100 SXM"), which
// AcceleratorName leaves out on some clouds (RunPod's A100-80GB is the PCIe card): " PCIe",
// " NVL", " SXM" or "". GpuInfo is a Python literal; only this one substring is read from it.
std::string form_factor(std::string_view gpu_info) {
  const std::size_t key = gpu_info.find("'Name': '");
  if (key == std::string_view::npos) {
    return {};
  }
  const std::size_t start = key + 9;
  const std::string name = lowercase(gpu_info.substr(start, gpu_info.find('\'', start) - start));
  for (const char* factor : {"pcie", "nvl", "sxm"}) {
    if (name.find(factor) != std::string::npos) {
      return std::string(factor) == "pcie"  ? " PCIe"
             : std::string(factor) == "nvl" ? " NVL"
                                            : " SXM";
    }
  }
  return {};
}

/// One price cell: a usable price, or nothing with the reason (malformed ones are reportable).
struct PriceCell {
  std::optional<double> usd;
  std::string problem;
  bool malformed = false;
};

PriceCell read_price(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  const auto parsed = parse_decimal_number(text);
  if (parsed.status != DecimalStatus::Ok) {
    return {std::nullopt, "not a number", true};
  }
  if (parsed.value < 0) {
    return {std::nullopt, "negative price", true};
  }
  // 0 is unknown, never free: Vast writes SpotPrice 0.00 for "not modelled".
  if (parsed.value == kPlaceholderPrice || parsed.value == 0) {
    return {std::nullopt,
            parsed.value == 0 ? "price 0 (missing)" : "placeholder price 700 (missing)"};
  }
  return {parsed.value, "", false};
}

/// A row's view: its fields by role and its two price cells.
struct Row {
  const CsvTable& table;
  const Columns& columns;
  std::size_t index = 0;
  PriceCell on_demand, spot;

  Row(const CsvTable& t, const Columns& c, std::size_t i)
      : table(t),
        columns(c),
        index(i),
        on_demand(read_price(at(c.price))),
        spot(read_price(at(c.spot))) {}
  [[nodiscard]] const std::string& at(std::size_t column) const {
    return table.field(index, column);
  }
  [[nodiscard]] std::string at(const std::optional<std::size_t>& column) const {
    return column ? at(*column) : std::string();
  }
  [[nodiscard]] std::optional<double> number(const std::optional<std::size_t>& column) const {
    const auto parsed = parse_decimal_number(at(column));
    return parsed.status == DecimalStatus::Ok ? std::optional(parsed.value) : std::nullopt;
  }
  [[nodiscard]] SkippedRow skip(std::size_t column, std::string problem) const {
    return {CsvTable::where(index), table.header()[column], quoted_value(at(column)),
            std::move(problem)};
  }
  /// Why the row gives no offer: a malformed price first, then a missing one.
  [[nodiscard]] SkippedRow price_problem() const {
    for (const bool want_malformed : {true, false}) {
      for (const auto& [cell, column] :
           {std::pair{&on_demand, columns.price}, std::pair{&spot, columns.spot}}) {
        if (!cell->problem.empty() && cell->malformed == want_malformed) {
          return skip(column, cell->problem);
        }
      }
    }
    return skip(columns.price, "no on-demand or spot price");
  }
  /// GCP joins host and accelerator within a zone; files without zones join within a region.
  [[nodiscard]] std::string zone() const {
    std::string zone_name = at(columns.zone);
    return zone_name.empty() ? at(columns.region) : zone_name;
  }
};

/// A whole number of GPUs, or why not.
std::pair<std::int64_t, std::string> read_count(std::string_view text) {
  const auto parsed = parse_decimal_number(text);
  if (parsed.status != DecimalStatus::Ok) {
    return {0, "not a number"};
  }
  if (parsed.value > 0 && parsed.value < 1) {
    return {0, "fractional GPU count (a share of one GPU)"};
  }
  if (parsed.value < 1 || parsed.value > kMaxGpus || parsed.value != std::floor(parsed.value)) {
    return {0, "not a positive whole number of GPUs"};
  }
  return {static_cast<std::int64_t>(parsed.value), ""};
}

struct Host {
  std::string type;
  std::optional<double> vcpus, memory_gib, on_demand, spot;
};
using HostsByZone = std::map<std::string, std::vector<Host>>;

// GPUs that only attach to their own machine family (SkyPilot's gcp_catalog.py), as
// "gpus:type ...": where a count lists several types, any fits and the cheapest is taken.
constexpr auto kDedicatedHosts = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"A100", "1:a2-highgpu-1g 2:a2-highgpu-2g 4:a2-highgpu-4g 8:a2-highgpu-8g 16:a2-megagpu-16g"},
    {"A100-80GB", "1:a2-ultragpu-1g 2:a2-ultragpu-2g 4:a2-ultragpu-4g 8:a2-ultragpu-8g"},
    {"H100", "1:a3-highgpu-1g 2:a3-highgpu-2g 4:a3-highgpu-4g 8:a3-highgpu-8g"},
    {"H100-MEGA", "8:a3-megagpu-8g"},
    {"H200", "8:a3-ultragpu-8g"},
    {"B200", "8:a4-highgpu-8g"},
    {"L4",
     "1:g2-standard-4 1:g2-standard-8 1:g2-standard-12 1:g2-standard-16 1:g2-standard-32 "
     "2:g2-standard-24 4:g2-standard-48 8:g2-standard-96"},
});

// Other GPUs ride an n1 host with at least this many vCPUs (and 4 GiB per vCPU) for 1, 2, 4, 8,
// 16 GPUs; 0 = not offered. The last entry is SkyPilot's default for unlisted GPUs.
struct N1Cpus {
  std::string_view gpu;
  std::array<int, 5> cpus;
};
constexpr auto kN1Cpus = std::to_array<N1Cpus>({{"K80", {4, 8, 16, 32, 64}},
                                                {"V100", {8, 16, 32, 64, 0}},
                                                {"T4", {4, 8, 48, 0, 0}},
                                                {"P100", {8, 16, 32, 64, 0}},
                                                {"", {8, 16, 32, 64, 128}}});

int n1_cpus(std::string_view gpu, std::int64_t gpus) {
  const auto* entry = std::find_if(kN1Cpus.begin(), kN1Cpus.end() - 1,
                                   [&](const N1Cpus& e) { return e.gpu == gpu; });
  constexpr std::array<std::int64_t, 5> kCounts{1, 2, 4, 8, 16};
  const auto* slot = std::find(kCounts.begin(), kCounts.end(), gpus);
  return slot == kCounts.end() ? 0
                               : entry->cpus.at(static_cast<std::size_t>(slot - kCounts.begin()));
}

/// The cheapest host in `zone` that SkyPilot would pair with `gpus` x `gpu`, or why none.
std::pair<const Host*, std::string> pick_host(const HostsByZone& hosts, const std::string& zone,
                                              std::string_view gpu, std::int64_t gpus) {
  std::vector<std::string_view> types;
  int cpus = 0;
  const auto* family = std::find_if(kDedicatedHosts.begin(), kDedicatedHosts.end(),
                                    [&](const auto& entry) { return entry.first == gpu; });
  const bool dedicated = family != kDedicatedHosts.end();
  if (dedicated) {
    const std::string count = std::to_string(gpus) + ":";
    for (std::string_view list = family->second; !list.empty();) {
      const std::string_view item = list.substr(0, list.find(' '));
      list.remove_prefix(std::min(list.size(), item.size() + 1));
      if (item.starts_with(count)) {
        types.push_back(item.substr(count.size()));
      }
    }
  } else {
    cpus = n1_cpus(gpu, gpus);
  }
  if (types.empty() && cpus == 0) {
    return {nullptr, "no GCP host type for " + std::to_string(gpus) + " x " + std::string(gpu)};
  }
  static const std::vector<Host> kNone;
  const auto found = hosts.find(zone);
  const Host* best = nullptr;
  for (const Host& host : found == hosts.end() ? kNone : found->second) {
    const bool fits =
        dedicated
            ? std::find(types.begin(), types.end(), host.type) != types.end()
            : (host.type.starts_with("n1-standard-") || host.type.starts_with("n1-highmem-") ||
               host.type.starts_with("n1-highcpu-")) &&
                  host.vcpus.value_or(0) >= cpus && host.memory_gib.value_or(0) >= 4.0 * cpus;
    if (fits && host.on_demand && (best == nullptr || *host.on_demand < *best->on_demand)) {
      best = &host;
    }
  }
  if (best != nullptr) {
    return {best, ""};
  }
  const std::string wanted =
      dedicated ? std::string(types.front()) : "n1-* with " + std::to_string(cpus) + "+ vCPUs";
  return {nullptr, "no host row " + wanted + " in " + zone};
}

using OfferKey = std::tuple<std::string, std::string, std::string, std::int64_t, std::string, Tier>;

/// Offers kept once per shape, region and tier at the lowest price (a row per zone is common).
class OfferSet {
 public:
  void add(ImportedOffer offer) {
    OfferKey key{offer.provider, offer.instance_type, offer.gpu_name,
                 offer.gpus,     offer.region,        offer.tier};
    const auto [it, inserted] = index_.try_emplace(std::move(key), offers_.size());
    if (inserted) {
      offers_.push_back(std::move(offer));
    } else if (offer.usd_per_hour < offers_[it->second].usd_per_hour) {
      offers_[it->second] = std::move(offer);
    }
  }
  std::vector<ImportedOffer> take() { return std::move(offers_); }

 private:
  std::vector<ImportedOffer> offers_;
  std::map<OfferKey, std::size_t> index_;
};

std::string provider_of(const Row& row, std::string_view cloud, const std::string& cloud_id) {
  if (cloud != "runpod") {
    return cloud_id;
  }
  const std::string where_hosted =
      lowercase(row.at(row.columns.instance) + row.at(row.columns.hosting));
  const bool community = where_hosted.find("community") != std::string::npos;
  return community ? "runpod-community" : "runpod-secure";
}

/// The row's offers: Price on demand and SpotPrice on spot, each plus `host` on GCP.
void add_offers(const Row& row, const ImportedOffer& base, const Host* host, OfferSet& offers,
                ImportRows& result) {
  bool any = false;
  for (const auto& [tier, cell] :
       {std::pair{Tier::OnDemand, &row.on_demand}, std::pair{Tier::Spot, &row.spot}}) {
    const std::optional<double> host_usd =
        host == nullptr ? std::optional(0.0) : (tier == Tier::Spot ? host->spot : host->on_demand);
    if (!cell->usd || !host_usd) {
      continue;
    }
    ImportedOffer offer = base;
    offer.tier = tier;
    offer.usd_per_hour = *cell->usd + *host_usd;
    if (host != nullptr) {
      offer.note = "GCP: host " + host->type + " " + money(*host_usd) + " + " +
                   std::to_string(base.gpus) + " x " + base.gpu_name + " " + money(*cell->usd);
    }
    offers.add(std::move(offer));
    any = true;
  }
  if (any) {
    return;
  }
  if (host != nullptr && row.spot.usd) {  // only spot is priced, and the host has no spot price
    result.skipped.push_back(
        row.skip(row.columns.spot, "host " + host->type + " has no spot price"));
  } else {
    result.skipped.push_back(row.price_problem());
  }
}

}  // namespace

ImportRows read_skypilot_csv(std::string_view text, const std::string& origin,
                             std::string_view cloud) {
  const CsvTable table(text, origin);
  table.require_columns(
      {"InstanceType", "AcceleratorName", "AcceleratorCount", "Price", "SpotPrice", "Region"});
  const Columns columns{*table.column("InstanceType"),
                        *table.column("AcceleratorName"),
                        *table.column("AcceleratorCount"),
                        *table.column("Price"),
                        *table.column("SpotPrice"),
                        *table.column("Region"),
                        table.column("AvailabilityZone"),
                        table.column("vCPUs"),
                        table.column("MemoryGiB"),
                        table.column("HostingType"),
                        table.column("GpuInfo")};
  const std::string cloud_name = lowercase(cloud);
  const std::string cloud_id = imported_provider_id(cloud_name);
  const bool gcp = cloud_name == "gcp";

  ImportRows result;
  result.rows = table.size();
  OfferSet offers;
  HostsByZone hosts;
  std::vector<std::pair<Row, ImportedOffer>> accelerator_rows;  // GCP, joined once hosts are known
  for (std::size_t index = 0; index < table.size(); ++index) {
    if (std::string shape = table.shape_problem(index); !shape.empty()) {
      result.skipped.push_back({CsvTable::where(index), "", "", std::move(shape)});
      continue;
    }
    const Row row(table, columns, index);
    const std::string& instance = row.at(columns.instance);
    const std::string& accelerator = row.at(columns.accelerator);
    if (lowercase(accelerator).starts_with("tpu-")) {
      continue;  // TPUs are not GPUs
    }
    if (accelerator.empty()) {  // a CPU host: not an offer, but GCP's GPU VMs are priced on it
      if (instance.empty()) {
        result.skipped.push_back(row.skip(columns.instance, "no instance type nor accelerator"));
      } else if (row.on_demand.malformed || row.spot.malformed) {
        result.skipped.push_back(row.price_problem());
      } else if (gcp) {
        hosts[row.zone()].push_back({instance, row.number(columns.vcpus),
                                     row.number(columns.memory), row.on_demand.usd, row.spot.usd});
      }
      continue;
    }
    const auto [gpus, count_problem] = read_count(row.at(columns.count));
    if (!count_problem.empty()) {
      result.skipped.push_back(row.skip(columns.count, count_problem));
      continue;
    }
    ImportedOffer base;
    base.where = CsvTable::where(index);
    base.provider = provider_of(row, cloud_name, cloud_id);
    base.gpu_name = accelerator;
    // "A100-80GB" + " PCIe": the importers' name table knows each variant (catalog_import.hpp).
    if (columns.gpu_info && lowercase(accelerator).find("pcie") == std::string::npos &&
        lowercase(accelerator).find("sxm") == std::string::npos &&
        lowercase(accelerator).find("nvl") == std::string::npos) {
      base.gpu_name += form_factor(row.at(*columns.gpu_info));
    }
    base.gpus = gpus;
    base.instance_type = instance;
    base.region = row.at(columns.region);
    if (cloud_name == "vast") {
      base.note = "Vast: Price is the median of the matching offers (SkyPilot's fetcher)";
    }
    if (!instance.empty()) {
      add_offers(row, base, nullptr, offers, result);
    } else if (!gcp) {
      result.skipped.push_back(row.skip(columns.instance, "no instance type"));
    } else if (!row.on_demand.usd && !row.spot.usd) {
      result.skipped.push_back(row.price_problem());
    } else {
      accelerator_rows.emplace_back(row, std::move(base));
    }
  }
  for (auto& [row, base] : accelerator_rows) {
    const auto [host, problem] = pick_host(hosts, row.zone(), base.gpu_name, base.gpus);
    if (host == nullptr) {
      result.skipped.push_back(row.skip(columns.accelerator, problem));
      continue;
    }
    base.instance_type = host->type;
    add_offers(row, base, host, offers, result);
  }
  result.offers = offers.take();
  return result;
}

}  // namespace ftcost::load
