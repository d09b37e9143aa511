// `ftcost catalog validate FILE`: parse and validate a catalog (or --add overlay) and say so.
#include "catalog_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>

#include "catalog_options.hpp"
#include "ftcost/catalog/consistency.hpp"
#include "ftcost/load/catalog_import.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "import_report.hpp"
#include "number_option.hpp"
#include "subject_options.hpp"

namespace ftcost::cli {
namespace {

// The first 64 KiB of a file, enough for detect_catalog_format; "" when unreadable (the full
// load that follows reports why).
std::string read_catalog_head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(std::size_t{64} * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

// Doubtful prices listed one by one; the rest are counted.
constexpr std::size_t kCaveatsListed = 10;

// Warns about doubtful prices: the first kCaveatsListed, then a count. Imported offers also name
// their row (the offer's source), since /offers/N is a path in no file.
void warn_caveats(const std::string& path, const Catalog& catalog, bool name_source) {
  const std::vector<OfferCaveat> caveats = offer_caveats(catalog);
  for (std::size_t i = 0; i < caveats.size() && i < kCaveatsListed; ++i) {
    std::cerr << "ftcost: warning: " << path << ": " << caveats[i].text;
    if (name_source) {
      std::cerr << " (" << catalog.offers[caveats[i].offer].source << ")";
    }
    std::cerr << '\n';
  }
  if (caveats.size() > kCaveatsListed) {
    std::cerr << "ftcost: warning: " << path << ": and " << caveats.size() - kCaveatsListed
              << " more doubtful prices (plans built on them are marked low_confidence)\n";
  }
}

struct ValidateOptions {
  std::string path;
  bool overlay = false;
  CatalogOptions age;  ///< --max-catalog-age, --strict-catalog-age, --as-of, --strict
};

// Another tool's catalog: imported as --catalog-add would, with its summary on stderr and a
// one-line verdict on stdout.
ExitCode run_validate_import(const ValidateOptions& options) {
  const LoadedOverlay loaded = load_catalog_overlay(
      options.path, options.age.as_of, options.age.strict, default_gpus(), builtin_catalog());
  const ImportReport& r = *loaded.import;
  for (const std::string& line : import_report_lines(r)) {
    std::cerr << "ftcost: " << line << '\n';
  }
  warn_caveats(loaded.path, loaded.overlay, true);
  std::size_t unknown = 0;
  for (const auto& [name, rows] : r.unknown_gpus) {
    unknown += rows;
  }
  std::cout << fmt::format(
      "{}: {} catalog imported: {} offers of {} from {} rows ({} skipped, {} of unknown GPUs), "
      "as of {} ({})\n",
      loaded.path, name_of(r.format), r.offers, join_names(r.providers), r.rows, r.skipped.size(),
      unknown, r.as_of, name_of(r.as_of_basis));
  return ExitCode::Ok;
}

ExitCode run_validate(const ValidateOptions& options) {
  if (const CatalogSpec spec = split_catalog_spec(options.path);
      spec.format || detect_catalog_format(read_catalog_head(spec.path)) != CatalogFormat::Ftcost) {
    return run_validate_import(options);
  }
  const Catalog catalog = load_catalog_file(
      options.path, known_gpu_ids(), options.overlay ? CatalogRole::Overlay : CatalogRole::Full);
  // An overlay's offers may name built-in providers: merging checks those references. Its own
  // prices are checked for consistency, with paths in the file (the catalog's are its own
  // business: `catalog validate` of it reports them).
  if (options.overlay) {
    (void)merge_catalogs(builtin_catalog(), catalog, options.path);
  }
  check_catalog_age(catalog, options.path, options.age);
  for (const UnpricedOffer& u : catalog.unpriced) {
    std::cerr << "ftcost: warning: " << options.path << ": " << u.where << ": " << u.reason
              << ": offer " << u.provider << "/" << u.gpu << " left out\n";
  }
  warn_caveats(options.path, catalog, false);
  std::cout << fmt::format(
      "{}: valid catalog (schema {}): {} providers, {} offers, {} checkpoint stores\n",
      options.path, catalog.schema_version, catalog.providers.size(), catalog.offers.size(),
      catalog.checkpoint_stores.size());
  return ExitCode::Ok;
}

}  // namespace

void add_catalog_command(CLI::App& subcommand, ExitCode& result) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = &subcommand;
  command->require_subcommand(1, 1);
  CLI::App* validate = command->add_subcommand(
      "validate", "Check a catalog file: syntax, schema, ranges, ids, duplicates, ages");
  validate
      ->add_option("file", options->path,
                   "Catalog file (schema: docs/catalog.md), or [skypilot:|gpuhunt:|vast:]FILE "
                   "to import (docs/catalog.md#import)")
      ->required()
      ->check(file_path());
  validate->add_flag("--add", options->overlay,
                     "Validate as a --catalog-add overlay (sections optional)");
  add_integer_option(*validate, "--max-catalog-age", options->age.max_age_days, 0, kMaxAgeLimitDays,
                     "Warn about offers older than this many days (default: 60)");
  validate->add_flag("--strict-catalog-age", options->age.strict_age,
                     "Make stale offers an error (exit code 3)");
  add_import_options(*validate, options->age);
  validate->callback([options, &result] { result = run_validate(*options); });
}

}  // namespace ftcost::cli
