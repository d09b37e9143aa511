// The catalog flags shared by `plan` and `providers`, and loading the catalog they select.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/load/catalog_load.hpp"

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
  std::string as_of;    ///< --as-of: the date of imported prices whose file carries none
  bool strict = false;  ///< --strict: a malformed row of an imported catalog is an error
};

/// The selected catalog and the name messages use for it.
struct LoadedCatalog {
  /// The --catalog file with every --catalog-add merged over it; empty for the built-in catalog
  /// unchanged, which is used in place (default_catalog()) rather than copied.
  std::optional<Catalog> loaded;
  std::string origin;  ///< "<built-in providers>" or the --catalog path (+ "+ N --catalog-add")

  [[nodiscard]] const Catalog& catalog() const { return loaded ? *loaded : default_catalog(); }
};

/// Adds the catalog flags to `app`; `options` must outlive it.
void add_catalog_options(CLI::App& app, CatalogOptions& options);

/// Adds --as-of and --strict (the import flags) to `app`; `options` must outlive it.
void add_import_options(CLI::App& app, CatalogOptions& options);

/// Loads one --catalog-add argument (ftcost's schema or an imported format, docs/catalog.md#import)
/// and merges it over `catalog`; an import's summary goes to stderr. Throws InputError as
/// load_catalog_overlay and merge_catalogs do.
[[nodiscard]] Catalog add_catalog(Catalog catalog, const std::string& argument,
                                  const CatalogOptions& options);

/// Canonical GPU ids of the built-in GPU list: what catalog offers may name.
[[nodiscard]] std::vector<std::string> known_gpu_ids();

/// The built-in catalog (data/providers.json embedded), without the age check.
[[nodiscard]] Catalog builtin_catalog();

/// What the stale-price warning covers. --strict-catalog-age always checks the whole catalog.
enum class AgeWarning {
  WholeCatalog,  ///< warn about every stale offer (`providers`, `catalog validate`)
  Caller,        ///< no warning here: the caller warns about what it shows (`plan`)
};

/// Loads the built-in catalog or --catalog, merges every --catalog-add, then checks ages
/// (check_catalog_age). File errors throw InputError (ExitCode::InvalidData).
[[nodiscard]] LoadedCatalog load_selected_catalog(const CatalogOptions& options,
                                                  AgeWarning warning = AgeWarning::WholeCatalog);

/// With --strict-catalog-age, throws InputError (ExitCode::InvalidData) when any offer is older
/// than --max-catalog-age days; otherwise, for AgeWarning::WholeCatalog, writes one warning line
/// on stderr.
void check_catalog_age(const Catalog& catalog, const std::string& origin,
                       const CatalogOptions& options,
                       AgeWarning warning = AgeWarning::WholeCatalog);

/// Warns on stderr when offers shown to the user (`plan`'s rows) are older than
/// --max-catalog-age days: how many, by provider, and the oldest.
void warn_stale_offers_shown(const std::vector<Offer>& shown, const std::string& origin,
                             const CatalogOptions& options);

}  // namespace ftcost::cli
