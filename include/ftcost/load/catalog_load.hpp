// Loading, merging and age-checking price catalogs (schema: docs/catalog.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/catalog/catalog.hpp"

namespace ftcost {

/// Current catalog schema version; files declaring another are refused.
inline constexpr std::int64_t kCatalogSchemaVersion = 1;

/// Largest catalog file read, bytes (a 100,000-offer catalog is about 25 MB).
inline constexpr std::uintmax_t kMaxCatalogBytes = 64ULL * 1024 * 1024;

/// A whole catalog, or an overlay for --catalog-add (sections optional; offers may name
/// providers of the catalog it is merged over).
enum class CatalogRole { Full, Overlay };

/// Parses and validates catalog JSON. `origin` names the input in messages; `known_gpus` are the
/// canonical GPU ids offers may use. Throws InputError (ExitCode::InvalidData) naming origin and
/// the JSON Pointer (or line:column for syntax errors): wrong types, out-of-range or negative
/// numbers, unknown keys (with a suggestion), unknown GPU or provider ids, duplicate offers.
[[nodiscard]] Catalog parse_catalog(std::string_view text, const std::string& origin,
                                    const std::vector<std::string>& known_gpus,
                                    CatalogRole role = CatalogRole::Full);

/// The built-in catalog: data/providers.json, loaded and validated by parse_catalog (against
/// default_gpus()) when ftcost is built and compiled in as a table (ftcost_embed_tables).
[[nodiscard]] const Catalog& default_catalog();

/// Reads `path` (at most kMaxCatalogBytes) and parses it; file errors throw InputError.
[[nodiscard]] Catalog load_catalog_file(const std::string& path,
                                        const std::vector<std::string>& known_gpus,
                                        CatalogRole role = CatalogRole::Full);

/// `overlay` merged over `base`: providers and stores with the same id, and offers with the same
/// offer_key, are replaced; the rest are appended. Throws InputError naming `overlay_origin` and
/// "/offers/N/provider" when an overlay offer names a provider neither catalog has.
[[nodiscard]] Catalog merge_catalogs(Catalog base, const Catalog& overlay,
                                     const std::string& overlay_origin);

/// Days since 1970-01-01 of "YYYY-MM-DD", "YYYY-MM" or "YYYY" (the earliest day meant), or
/// nullopt when `date` is not such a date.
[[nodiscard]] std::optional<std::int64_t> days_from_date(std::string_view date) noexcept;

/// Offers older than a maximum age, summarized for a warning.
struct StaleOffers {
  std::size_t count = 0;         ///< offers older than the maximum age
  std::string by_provider;       ///< "aws 3, vast 4" (providers in name order)
  std::string oldest;            ///< "vast 2025-09-17": provider and as_of of the oldest
  std::int64_t oldest_days = 0;  ///< its age in days
  std::string future;            ///< "vast/rtx-4090/x1/spot 2099-01-01": an offer dated after
                                 ///< today (the first), empty when none
};

/// Which of `offers` are older than `max_age_days` on day `today_days` (days since 1970-01-01),
/// and the first dated after today; offers whose as_of is not a date count as current. A negative
/// `max_age_days` asks only for `future`: the scan stops at the first future date.
[[nodiscard]] StaleOffers stale_offers(const std::vector<Offer>& offers, std::int64_t today_days,
                                       std::int64_t max_age_days);

/// One summary line when offers are older than `max_age_days` on day `today_days` (days since
/// 1970-01-01), else none: "<origin>: N of M offers are older than D days (aws 3, vast 4;
/// oldest vast 2025-09-17, 438 days)".
[[nodiscard]] std::vector<std::string> catalog_age_warnings(const Catalog& catalog,
                                                            const std::string& origin,
                                                            std::int64_t today_days,
                                                            std::int64_t max_age_days);

}  // namespace ftcost
