// Readers for the parts of a catalog file (internal to ftcost_load; docs/catalog.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "json_reader.hpp"

namespace ftcost::load {

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
