// Selecting and loading the price catalog: built in, --catalog, --catalog-add; the age check.
#include "catalog_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>

#include "ftcost/base/error.hpp"
#include "ftcost/load/catalog_import.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "import_report.hpp"
#include "number_option.hpp"
#include "subject_options.hpp"

namespace ftcost::cli {
namespace {

constexpr const char* kBuiltInOrigin = "<built-in providers>";

std::int64_t today_days() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return today.time_since_epoch().count();
}

}  // namespace

void add_catalog_options(CLI::App& app, CatalogOptions& options) {
  app.add_option("--catalog", options.path,
                 "Price catalog file replacing the built-in one (schema: docs/catalog.md)")
      ->check(file_path());
  app.add_option("--catalog-add", options.adds,
                 "Catalog file merged over the selected one (repeatable): ftcost's schema, or "
                 "[skypilot:]vms.csv, [gpuhunt:]<provider>.csv, [vast:]offers.json "
                 "(docs/catalog.md#import)")
      ->check(file_path());
  add_integer_option(app, "--max-catalog-age", options.max_age_days, 0, kMaxAgeLimitDays,
                     "Warn on stderr about offers older than this many days (default: 60)");
  app.add_flag("--strict-catalog-age", options.strict_age,
               "Make stale offers an error (exit code 3), for CI");
  add_import_options(app, options);
}

void add_import_options(CLI::App& app, CatalogOptions& options) {
  app.add_option("--as-of", options.as_of,
                 "Date of imported prices whose file has none (default: the file's modification "
                 "date)")
      ->type_name("YYYY-MM-DD")
      ->check(CLI::Validator(
          [](const std::string& date) {
            const auto days = date.size() == 10 ? days_from_date(date) : std::nullopt;
            if (!days) {
              return std::string("expected a date YYYY-MM-DD from 1970-01-01 to today");
            }
            return *days > today_days()
                       ? "'" + date + "' is after today; prices are not from the future"
                       : std::string();
          },
          ""));
  app.add_flag("--strict", options.strict,
               "Make a malformed row or unknown GPU of an imported catalog an error (exit code 3) "
               "instead of skipping it");
}

Catalog add_catalog(Catalog catalog, const std::string& argument, const CatalogOptions& options) {
  const LoadedOverlay loaded =
      load_catalog_overlay(argument, options.as_of, options.strict, default_gpus(), catalog);
  if (loaded.import) {
    // Another tool's catalog is that provider's current price list: it replaces the offers the
    // catalog had for the providers it covers instead of sitting beside stale ones.
    const auto& covered = loaded.import->providers;
    const std::size_t replaced = std::erase_if(catalog.offers, [&](const Offer& offer) {
      return std::find(covered.begin(), covered.end(), offer.provider) != covered.end();
    });
    for (const std::string& line : import_report_lines(*loaded.import)) {
      std::cerr << "ftcost: " << line << '\n';
    }
    if (replaced > 0) {
      std::cerr << "ftcost: note: " << loaded.path << " replaces the catalog's " << replaced
                << " offers of " << join_names(covered) << '\n';
    }
  }
  return merge_catalogs(std::move(catalog), loaded.overlay, loaded.path);
}

std::vector<std::string> known_gpu_ids() {
  std::vector<std::string> ids;
  for (const Gpu& gpu : default_gpus()) {
    ids.push_back(gpu.id);
  }
  return ids;
}

Catalog builtin_catalog() {
  return default_catalog();
}

LoadedCatalog load_selected_catalog(const CatalogOptions& options, AgeWarning warning) {
  LoadedCatalog loaded;
  if (options.path.empty()) {
    loaded.origin = kBuiltInOrigin;
    if (!options.adds.empty()) {
      loaded.loaded = builtin_catalog();
    }
  } else {
    loaded.origin = options.path;
    loaded.loaded = load_catalog_file(options.path, known_gpu_ids());
  }
  for (const std::string& add : options.adds) {
    loaded.loaded = add_catalog(std::move(*loaded.loaded), add, options);
    loaded.origin += " + " + split_catalog_spec(add).path;
  }
  check_catalog_age(loaded.catalog(), loaded.origin, options, warning);
  return loaded;
}

void check_catalog_age(const Catalog& catalog, const std::string& origin,
                       const CatalogOptions& options, AgeWarning warning) {
  // A price from the future is a typo (2099 for 2025), and would never be called stale.
  if (const std::string future = stale_offers(catalog.offers, today_days(), -1).future;
      !future.empty()) {
    throw InputError(origin, "", "offer " + future + " is dated after today",
                     "as_of dates up to today", ExitCode::InvalidData);
  }
  const auto warnings = catalog_age_warnings(catalog, origin, today_days(), options.max_age_days);
  if (options.strict_age && !warnings.empty()) {
    throw InputError("", "--strict-catalog-age", warnings.front(),
                     "refresh the prices or raise --max-catalog-age", ExitCode::InvalidData);
  }
  if (warning == AgeWarning::WholeCatalog) {
    for (const std::string& line : warnings) {
      std::cerr << "ftcost: warning: " << line << '\n';
    }
  }
}

void warn_stale_offers_shown(const std::vector<Offer>& shown, const std::string& origin,
                             const CatalogOptions& options) {
  const StaleOffers stale = stale_offers(shown, today_days(), options.max_age_days);
  if (stale.count == 0) {
    return;
  }
  std::cerr << "ftcost: warning: " << origin << ": " << stale.count << " of the " << shown.size()
            << " plans shown use prices older than " << options.max_age_days << " days ("
            << stale.by_provider << "; oldest " << stale.oldest << ", " << stale.oldest_days
            << " days): check them or refresh with --catalog-add\n";
}

}  // namespace ftcost::cli
