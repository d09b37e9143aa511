// Importing other tools' catalogs: format detection, provider names, and turning the readers'
// rows into an overlay catalog (docs/catalog.md#import).
#include "ftcost/load/catalog_import.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "../json_reader.hpp"
#include "ftcost/base/error.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "import_text.hpp"
#include "imported_rows.hpp"

namespace ftcost {
namespace {

constexpr std::size_t kSniffBytes = std::size_t{64} * 1024;

std::string_view trim_left(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view() : text.substr(first);
}

bool header_has(std::string_view header, std::string_view column) {
  std::size_t start = 0;
  while (start <= header.size()) {
    const std::size_t end = std::min(header.find(',', start), header.size());
    std::string_view name = header.substr(start, end - start);
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ' || name.back() == '"')) {
      name.remove_suffix(1);
    }
    while (!name.empty() && (name.front() == ' ' || name.front() == '"')) {
      name.remove_prefix(1);
    }
    if (name == column) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

bool contains_pcie(std::string_view text) {
  return load::lowercase(text).find("pcie") != std::string::npos;
}

// " PCIe" or " NVL" when an instance type names a variant its GPU name does not.
std::string form_factor_of(std::string_view instance_type) {
  if (contains_pcie(instance_type)) {
    return " PCIe";
  }
  // Azure: the NC-series A100 v4 are PCIe cards, the NC H100 v5 are H100 NVL (the ND series are
  // the SXM boards). Microsoft Learn, "NC A100 v4-series" and "NCads H100 v5-series".
  if (instance_type.starts_with("Standard_NC")) {
    if (instance_type.find("A100") != std::string_view::npos) {
      return " PCIe";
    }
    if (instance_type.find("H100") != std::string_view::npos) {
      return " NVL";
    }
  }
  return {};
}

// Whether `text` is valid UTF-8 without control characters: region and instance names reach
// terminals, JSON and CSV, so an escape sequence or a Latin-1 byte must not pass through.
bool clean_text(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    if (byte < 0x80) {
      if (byte < 0x20 || byte == 0x7f) {
        return false;
      }
      length = 1;
    } else if ((byte & 0xE0U) == 0xC0U && byte >= 0xC2) {
      length = 2;
    } else if ((byte & 0xF0U) == 0xE0U) {
      length = 3;
    } else if ((byte & 0xF8U) == 0xF0U && byte <= 0xF4) {
      length = 4;
    } else {
      return false;
    }
    if (i + length > text.size()) {
      return false;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0U) != 0x80U) {
        return false;
      }
    }
    i += length;
  }
  return true;
}

// The bounds of ftcost's own schema (catalog_offer_json.cpp), which catch unit slips; a price
// that rounds to less than a millionth of a dollar is missing, not free.
constexpr double kMaxUsdPerHour = 10000;
constexpr double kMinUsdPerHour = 1e-6;

// Why an imported offer cannot be used as it stands, or "".
std::string row_problem(const load::ImportedOffer& row) {
  for (const std::string* text : {&row.region, &row.instance_type, &row.gpu_name, &row.note}) {
    if (!clean_text(*text)) {
      return "text with control characters or invalid UTF-8";
    }
  }
  if (!(row.usd_per_hour >= kMinUsdPerHour && row.usd_per_hour <= kMaxUsdPerHour)) {
    char price[32];
    std::snprintf(price, sizeof price, "%.6g", row.usd_per_hour);
    return std::string("price ") + price +
           " $/h is out of range (0.000001 to 10000 per instance-hour)";
  }
  const auto out_of = [](const std::optional<double>& v, double max) {
    return v && !(*v >= 0 && *v <= max);
  };
  if (out_of(row.storage_usd_per_gb_month, 100) || out_of(row.egress_usd_per_gb, 10) ||
      out_of(row.ingress_usd_per_gb, 10) || out_of(row.reliability, 1)) {
    return "storage (0-100 $/GB-month), bandwidth (0-10 $/GB) or reliability (0-1) out of range";
  }
  if (row.gpus < 1 || row.gpus > 64) {
    return "GPU count " + std::to_string(row.gpus) + " out of range (1 to 64 per instance)";
  }
  return {};
}

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// A provider the catalog does not know yet gets the median rules of the catalog's providers of
// the same kind of seller, each marked as an assumption so the plan says so.
Provider synthesized_provider(const std::string& id, bool marketplace, bool has_spot,
                              const Catalog& base) {
  const ProviderKind kind = marketplace ? ProviderKind::Marketplace : ProviderKind::Cloud;
  std::vector<double> running;
  std::vector<double> stopped;
  std::vector<double> egress;
  std::vector<double> ingress;
  std::vector<double> hazard;
  std::vector<double> restart;
  for (const Provider& p : base.providers) {
    if (p.kind != kind) {
      continue;
    }
    running.push_back(p.storage.running_usd_per_gb_month);
    stopped.push_back(p.storage.stopped_usd_per_gb_month);
    egress.push_back(p.network.egress_usd_per_gb);
    ingress.push_back(p.network.ingress_usd_per_gb);
    if (p.spot) {
      hazard.push_back(p.spot->hazard_per_hour);
      restart.push_back(p.spot->restart_minutes);
    }
  }
  const std::string basis = "assumed: median of the catalog's " + std::to_string(running.size()) +
                            " " + std::string(name_of(kind)) + " providers (" + id +
                            " is not in the catalog; add it with --catalog-add to price it)";
  Provider p;
  p.id = id;
  p.name = id + " (imported; rules assumed)";
  p.kind = kind;
  p.billing = {.granularity_s = 1,
               .minimum_s = 0,
               .source = "assumed: per-second billing",
               .assumption = true};
  p.storage = {.running_usd_per_gb_month = median(running),
               .stopped_usd_per_gb_month = median(stopped),
               .free_gb = 0,
               .product = "volume (assumed)",
               .source = basis,
               .assumption = true};
  p.network = {.egress_usd_per_gb = median(egress),
               .egress_free_gb_per_month = 0,
               .ingress_usd_per_gb = median(ingress),
               .source = basis,
               .assumption = true};
  if (has_spot) {
    p.spot =
        SpotRules{.notice_s = 0,
                  .cause = marketplace ? InterruptionCause::Outbid : InterruptionCause::Reclaim,
                  .hazard_per_hour = median(hazard),
                  .restart_minutes = median(restart),
                  .source = "assumed: no notice",
                  .hazard_source = basis};
  }
  if (marketplace) {
    p.reliability = HostReliability{.value = 0.98, .source = basis, .assumption = true};
  }
  return p;
}

std::string source_of(const ImportOptions& options, const std::string& origin) {
  return std::string(name_of(options.format)) + " import of " +
         std::filesystem::path(origin).filename().string();
}

// The as_of an offer gets when its row carries no date: --as-of, else the file's date.
std::pair<std::string, AsOfBasis> fallback_as_of(const ImportOptions& options,
                                                 const std::string& origin) {
  if (!options.as_of_flag.empty()) {
    return {options.as_of_flag, AsOfBasis::Flag};
  }
  if (!options.file_date.empty()) {
    return {options.file_date, AsOfBasis::FileTime};
  }
  throw InputError(origin, "",
                   "the file carries no price date and its modification time is unknown",
                   "--as-of YYYY-MM-DD", ExitCode::InvalidData);
}

load::ImportRows read_rows(std::string_view text, const std::string& origin,
                           const ImportOptions& options) {
  switch (options.format) {
    case CatalogFormat::SkyPilot:
      return load::read_skypilot_csv(text, origin, options.provider);
    case CatalogFormat::Gpuhunt:
      return load::read_gpuhunt_csv(text, origin, options.provider);
    case CatalogFormat::Vast:
      return load::read_vast_offers_json(text, origin);
    case CatalogFormat::Ftcost:
      break;
  }
  throw InputError(origin, "", "not an imported format", "", ExitCode::Internal);
}

[[noreturn]] void fail_strict(const std::string& origin, const SkippedImportRow& row) {
  std::string problem = row.problem;
  if (!row.field.empty()) {
    problem = row.field + (row.value.empty() ? "" : " '" + row.value + "'") + ": " + problem;
  }
  throw InputError(origin, row.where, problem, "fix the row, or drop --strict to skip it",
                   ExitCode::InvalidData);
}

}  // namespace

CatalogSpec split_catalog_spec(std::string_view argument) {
  for (const auto& [format, name] : EnumNames<CatalogFormat>::kEntries) {
    if (format != CatalogFormat::Ftcost && argument.size() > name.size() + 1 &&
        argument.starts_with(name) && argument[name.size()] == ':') {
      return {format, std::string(argument.substr(name.size() + 1))};
    }
  }
  return {std::nullopt, std::string(argument)};
}

std::optional<CatalogFormat> detect_catalog_format(std::string_view text) {
  const std::string_view start = trim_left(text).substr(0, kSniffBytes);
  if (start.starts_with("{")) {
    if (start.find("\"schema_version\"") != std::string_view::npos) {
      return CatalogFormat::Ftcost;
    }
    if (start.find("\"offers\"") != std::string_view::npos &&
        (start.find("\"dph_total\"") != std::string_view::npos ||
         start.find("\"gpu_name\"") != std::string_view::npos)) {
      return CatalogFormat::Vast;
    }
    // Any other object is read as ftcost's schema, whose parser names what is missing.
    return CatalogFormat::Ftcost;
  }
  if (start.starts_with("[")) {
    const bool vast = start.find("\"dph_total\"") != std::string_view::npos ||
                      start.find("\"gpu_name\"") != std::string_view::npos;
    return vast ? std::optional(CatalogFormat::Vast) : std::nullopt;
  }
  const std::string_view header = start.substr(0, start.find('\n'));
  if (header_has(header, "InstanceType") && header_has(header, "AcceleratorName")) {
    return CatalogFormat::SkyPilot;
  }
  if (header_has(header, "instance_name") && header_has(header, "location") &&
      header_has(header, "price")) {
    return CatalogFormat::Gpuhunt;
  }
  return std::nullopt;
}

std::string provider_from_path(std::string_view path, CatalogFormat format) {
  if (format == CatalogFormat::Vast) {
    return "vast";
  }
  // Absolute, so "./vms.csv" run inside catalogs/v8/aws still names aws.
  std::error_code error;
  std::filesystem::path file = std::filesystem::absolute(std::filesystem::path(path), error);
  if (error) {
    file = std::filesystem::path(path);
  }
  file = file.lexically_normal();
  std::string stem = file.stem().string();
  // SkyPilot's layout is catalogs/<version>/<cloud>/vms.csv; a file named otherwise is <cloud>.csv.
  if (format == CatalogFormat::SkyPilot && stem == "vms") {
    return file.parent_path().filename().string();
  }
  // gpuhunt's v3 zips hold <provider>.csv; "catalog.csv" is not a provider name.
  if (stem == "catalog" || stem.empty()) {
    return file.parent_path().filename().string();
  }
  return stem;
}

ImportedCatalog import_catalog(std::string_view text, const std::string& origin,
                               const ImportOptions& options, const std::vector<Gpu>& gpus,
                               const Catalog& base) {
  if (options.format != CatalogFormat::Vast && options.provider.empty()) {
    throw InputError(origin, "", "cannot tell which provider the file prices",
                     "name it <provider>.csv, or keep SkyPilot's <cloud>/vms.csv layout",
                     ExitCode::InvalidData);
  }
  load::ImportRows rows = read_rows(text, origin, options);
  ImportedCatalog result;
  ImportReport& report = result.report;
  report.format = options.format;
  report.origin = origin;
  report.rows = rows.rows;
  for (const load::SkippedRow& s : rows.skipped) {
    report.skipped.push_back({s.where, s.field, s.value, s.problem});
  }
  if (options.strict && !report.skipped.empty()) {
    fail_strict(origin, report.skipped.front());
  }
  const auto [as_of, basis] = fallback_as_of(options, origin);
  report.as_of = as_of;
  report.as_of_basis = basis;
  result.overlay.schema_version = kCatalogSchemaVersion;
  result.overlay.version = source_of(options, origin);

  // Offers identical but for price keep the cheapest; GPU names are looked up once each.
  std::map<std::pair<std::string, std::optional<double>>, std::optional<std::string>> gpu_ids;
  std::unordered_map<std::string, std::size_t> by_key;
  std::map<std::string, std::pair<bool, bool>> providers;  // id -> (has spot, marketplace)
  for (load::ImportedOffer& row : rows.offers) {
    if (std::string problem = row_problem(row); !problem.empty()) {
      report.skipped.push_back({row.where, "", "", std::move(problem)});
      if (options.strict) {
        fail_strict(origin, report.skipped.back());
      }
      continue;
    }
    // Clouds name the PCIe or NVL variant in the instance type only (Lambda's gpu_1x_h100_pcie,
    // Azure's NC..ads_A100_v4 and NC..ads_H100_v5 sell an "A100"/"H100"); the name alone would
    // mean the SXM board. A suffix the name table cannot use is dropped again.
    if (const std::string factor = form_factor_of(row.instance_type);
        !factor.empty() && !contains_pcie(row.gpu_name)) {
      row.gpu_name += factor;
    }
    if (!imported_gpu_id(row.gpu_name, row.gpu_memory_gb, gpus)) {
      for (const std::string_view factor : {" PCIe", " NVL", " SXM"}) {
        if (row.gpu_name.ends_with(factor)) {
          row.gpu_name.resize(row.gpu_name.size() - factor.size());
        }
      }
    }
    auto [it, fresh] = gpu_ids.try_emplace({row.gpu_name, row.gpu_memory_gb});
    if (fresh) {
      it->second = imported_gpu_id(row.gpu_name, row.gpu_memory_gb, gpus);
    }
    if (!it->second) {
      ++report.unknown_gpus[row.gpu_name];
      if (options.strict) {
        fail_strict(origin, {row.where, "gpu", row.gpu_name,
                             "a GPU ftcost does not know (`ftcost gpus` lists them)"});
      }
      continue;
    }
    Offer offer{.provider = row.provider,
                .gpu = *it->second,
                .gpus = row.gpus,
                .tier = row.tier,
                // Sums of prices (GCP host + GPUs, Vast bid + storage) carry binary noise
                // (0.20137000000000005); a millionth of a dollar is below any price's precision.
                .usd_per_hour = std::round(row.usd_per_hour * 1e6) / 1e6,
                .instance_type = row.instance_type,
                .region = row.region,
                .hazard_per_hour = std::nullopt,
                .reliability = row.reliability,
                .storage_usd_per_gb_month = row.storage_usd_per_gb_month,
                .egress_usd_per_gb = row.egress_usd_per_gb,
                .ingress_usd_per_gb = row.ingress_usd_per_gb,
                .source = source_of(options, origin) + " " + row.where,
                .as_of = row.as_of.empty() ? as_of : row.as_of,
                .note = row.note};
    auto& flags = providers[offer.provider];
    flags.first = flags.first || offer.tier == Tier::Spot;
    flags.second = flags.second || options.format == CatalogFormat::Vast;
    const std::string key = offer_key(offer);
    if (auto [slot, inserted] = by_key.try_emplace(key, result.overlay.offers.size()); !inserted) {
      ++report.duplicates;
      Offer& kept = result.overlay.offers[slot->second];
      if (offer.usd_per_hour < kept.usd_per_hour) {
        kept = offer;
      }
      continue;
    }
    result.overlay.offers.push_back(offer);
  }
  for (const auto& entry : providers) {
    const std::string& id = entry.first;
    const auto& flags = entry.second;
    report.providers.push_back(id);
    const Provider* known = base.find_provider(id);
    if (known == nullptr) {
      result.overlay.providers.push_back(synthesized_provider(id, flags.second, flags.first, base));
      report.synthesized_providers.push_back(id);
    } else if (flags.first && !known->spot) {
      // The catalog says the provider sells no spot tier; the file's spot rows are dropped
      // rather than costed without interruption rules.
      const std::size_t dropped = std::erase_if(result.overlay.offers, [&](const Offer& o) {
        return o.provider == id && o.tier == Tier::Spot;
      });
      report.skipped.push_back(
          {"", "tier", "spot",
           std::to_string(dropped) + " spot offers of '" + id +
               "' left out: the catalog gives it no spot rules (add them with --catalog-add)"});
      if (options.strict) {
        fail_strict(origin, report.skipped.back());
      }
    }
  }
  report.offers = result.overlay.offers.size();
  result.overlay.as_of = as_of;
  return result;
}

}  // namespace ftcost

namespace ftcost {
namespace {

// The file's modification date, YYYY-MM-DD (UTC), or empty when the system cannot say. A date
// after today (a zip built in another time zone, clock skew) is today: prices are not from the
// future.
std::string file_date(const std::string& path) {
  std::error_code error;
  const auto written = std::filesystem::last_write_time(path, error);
  if (error) {
    return {};
  }
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const auto day = std::min(
      today, std::chrono::floor<std::chrono::days>(std::chrono::file_clock::to_sys(written)));
  const std::chrono::year_month_day date(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

LoadedOverlay load_catalog_overlay(std::string_view argument, const std::string& as_of_flag,
                                   bool strict, const std::vector<Gpu>& gpus, const Catalog& base) {
  const CatalogSpec spec = split_catalog_spec(argument);
  const std::string text = load::read_text_file(spec.path, kMaxCatalogBytes);
  const std::optional<CatalogFormat> format =
      spec.format ? spec.format : detect_catalog_format(text);
  if (!format) {
    throw InputError(spec.path, "", "not a catalog format ftcost reads",
                     "a catalog in ftcost's schema (docs/catalog.md), or SkyPilot vms.csv, "
                     "gpuhunt CSV or `vastai search offers --raw` JSON (prefix skypilot:, "
                     "gpuhunt: or vast: to say which)",
                     ExitCode::InvalidData);
  }
  LoadedOverlay loaded;
  loaded.path = spec.path;
  if (*format == CatalogFormat::Ftcost) {
    std::vector<std::string> ids;
    ids.reserve(gpus.size());
    for (const Gpu& gpu : gpus) {
      ids.push_back(gpu.id);
    }
    loaded.overlay = parse_catalog(text, spec.path, ids, CatalogRole::Overlay);
    return loaded;
  }
  const ImportOptions options{.format = *format,
                              .provider = provider_from_path(spec.path, *format),
                              .as_of_flag = as_of_flag,
                              .file_date = file_date(spec.path),
                              .strict = strict};
  ImportedCatalog imported = import_catalog(text, spec.path, options, gpus, base);
  loaded.overlay = std::move(imported.overlay);
  loaded.import = std::move(imported.report);
  return loaded;
}

}  // namespace ftcost
