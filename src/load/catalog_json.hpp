// Readers for the parts of a catalog file (internal to ftcost_load; docs/catalog.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "json_reader.hpp"

namespace ftcost::load {

/// An offer's limits, shared by read_offer and the fast path (catalog_offers_fast.cpp). A single
/// instance of more GPUs than kMaxGpusPerInstance does not exist (HGX/NVL boards top out at 8;
/// 64 leaves room for rack-scale NVLink systems); the rates' bounds are the provider's
/// (catalog_provider_json.cpp) and catch unit slips.
inline constexpr std::int64_t kMaxGpusPerInstance = 64;
inline constexpr double kMaxUsdPerHour = 10000;
inline constexpr double kMaxHazardPerHour = 100;
inline constexpr double kMaxStorageUsdPerGbMonth = 100;
inline constexpr double kMaxTransferUsdPerGb = 10;
/// The shortest offer with every required key: {"provider":"p","gpu":"t4","gpus":1,"tier":"spot",
/// "usd_per_hour":1,"source":"","as_of":"2026"}, so file bytes / this bounds the offer count.
inline constexpr std::size_t kMinOfferJsonBytes = 90;

/// True for a non-empty id of lowercase letters, digits and '-'.
[[nodiscard]] bool is_valid_id(std::string_view id) noexcept;

/// A non-empty id of lowercase letters, digits and '-' (provider, store ids).
[[nodiscard]] std::string read_id(const JsonCursor& cursor);

/// A date "YYYY-MM-DD", "YYYY-MM" or "YYYY".
[[nodiscard]] std::string read_date(const JsonCursor& cursor);

/// An enum by its canonical name, failing with the accepted names and a suggestion.
template <class E>
[[nodiscard]] E read_enum(const JsonCursor& cursor);

/// One element of "providers".
[[nodiscard]] Provider read_provider(const JsonCursor& cursor);

/// One element of "checkpoint_stores".
[[nodiscard]] CheckpointStore read_store(const JsonCursor& cursor);

/// The string member `key` of an object, or "" when absent.
[[nodiscard]] std::string optional_string(const JsonCursor& cursor, std::string_view key);

/// One element of "offers"; `known_gpus` are the GPU ids an offer may name.
[[nodiscard]] Offer read_offer(const JsonCursor& cursor,
                               const std::vector<std::string>& known_gpus);

/// parse_catalog; when `preread` is set, `text` has an empty offers array and these offers
/// (read by read_catalog_offers_fast, in file order) take its place before the duplicate and
/// reference checks.
[[nodiscard]] Catalog parse_catalog_text(std::string_view text, const std::string& origin,
                                         const std::vector<std::string>& known_gpus,
                                         CatalogRole role, std::vector<Offer>* preread);

}  // namespace ftcost::load
