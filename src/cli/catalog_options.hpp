// The catalog flags shared by `plan` and `providers`, and loading the catalog they select.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ftcost/catalog.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

/// Upper bound on --max-catalog-age (100 years): rejects typos, not real catalogs.
inline constexpr std::int64_t kMaxAgeLimitDays = 36500;

/// --catalog, --catalog-add, --max-catalog-age, --strict-catalog-age as given.
struct CatalogOptions {
  std::string path;               ///< replaces the built-in catalog when set
  std::vector<std::string> adds;  ///< merged over it, in order
  std::int64_t max_age_days = 60;
  bool strict_age = false;
};

/// The selected catalog and the name messages use for it.
struct LoadedCatalog {
  Catalog catalog;
  std::string origin;  ///< "<built-in providers>" or the --catalog path (+ "+ N --catalog-add")
};

/// Adds the catalog flags to `app`; `options` must outlive it.
void add_catalog_options(CLI::App& app, CatalogOptions& options);

/// Canonical GPU ids of the built-in GPU list: what catalog offers may name.
[[nodiscard]] std::vector<std::string> known_gpu_ids();

/// The built-in catalog (data/providers.json embedded), without the age check.
[[nodiscard]] Catalog builtin_catalog();

/// Loads the built-in catalog or --catalog, merges every --catalog-add, then checks ages: one
/// warning line per stale provider on stderr, or (--strict-catalog-age) an InputError with
/// ExitCode::InvalidData. File errors throw InputError (ExitCode::InvalidData).
[[nodiscard]] LoadedCatalog load_selected_catalog(const CatalogOptions& options);

/// Warns on stderr (or throws, when strict) for offers older than the allowed age.
void check_catalog_age(const Catalog& catalog, const std::string& origin,
                       const CatalogOptions& options);

}  // namespace ftcost::cli
