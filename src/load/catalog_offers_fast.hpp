// The fast path for large catalog files: the offers array read in one streaming pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ftcost/catalog/catalog.hpp"

namespace ftcost::load {

/// A catalog file split in two by one RapidJSON SAX pass: its offers, already checked, and
/// the rest of its text with the offers array emptied, for the checked reader.
struct FastCatalogRead {
  std::vector<Offer> offers;  ///< /offers, in file order
  std::string rest;           ///< the file's bytes with "offers":[...] turned into "offers":[]
};

/// Reads the catalog file at `path` (at most `max_bytes`) in 64 KiB chunks, turning each
/// element of the top-level "offers" array straight into an Offer with the same checks as
/// read_offer. Returns nullopt, never an error, whenever it cannot be sure the checked reader
/// would load every offer the same: a syntax error, a missing or unknown key, a null price, a
/// value out of range, a string with a byte outside printable ASCII, no "offers" array, a file
/// that is not regular or is too large. The caller then reads the file the checked way, which
/// names the problem (docs/catalog.md#size).
[[nodiscard]] std::optional<FastCatalogRead> read_catalog_offers_fast(
    const std::string& path, std::uintmax_t max_bytes, const std::vector<std::string>& known_gpus);

}  // namespace ftcost::load
