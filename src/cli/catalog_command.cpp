// `ftcost catalog validate FILE`: parse and validate a catalog (or --add overlay) and say so.
#include "catalog_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "catalog_options.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "number_option.hpp"
#include "subject_options.hpp"

namespace ftcost::cli {
namespace {

struct ValidateOptions {
  std::string path;
  bool overlay = false;
  CatalogOptions age;  ///< only --max-catalog-age and --strict-catalog-age are used
};

ExitCode run_validate(const ValidateOptions& options) {
  const Catalog catalog = load_catalog_file(
      options.path, known_gpu_ids(), options.overlay ? CatalogRole::Overlay : CatalogRole::Full);
  if (options.overlay) {
    // An overlay's offers may name built-in providers: merging checks those references.
    (void)merge_catalogs(builtin_catalog(), catalog, options.path);
  }
  check_catalog_age(catalog, options.path, options.age);
  std::cout << fmt::format(
      "{}: valid catalog (schema {}): {} providers, {} offers, {} checkpoint stores\n",
      options.path, catalog.schema_version, catalog.providers.size(), catalog.offers.size(),
      catalog.checkpoint_stores.size());
  return ExitCode::Ok;
}

}  // namespace

void add_catalog_command(CLI::App& app, ExitCode& result) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand("catalog", "Work with price catalog files");
  command->require_subcommand(1, 1);
  CLI::App* validate = command->add_subcommand(
      "validate", "Check a catalog file: syntax, schema, ranges, ids, duplicates, ages");
  validate->add_option("file", options->path, "Catalog file (schema: docs/catalog.md)")
      ->required()
      ->check(file_path());
  validate->add_flag("--add", options->overlay,
                     "Validate as a --catalog-add overlay (sections optional)");
  add_integer_option(*validate, "--max-catalog-age", options->age.max_age_days, 0, kMaxAgeLimitDays,
                     "Warn about offers older than this many days (default: 60)");
  validate->add_flag("--strict-catalog-age", options->age.strict_age,
                     "Make stale offers an error (exit code 3)");
  validate->callback([options, &result] { result = run_validate(*options); });
}

}  // namespace ftcost::cli
