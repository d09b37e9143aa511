// Importing the price catalogs other tools maintain: SkyPilot's vms.csv, gpuhunt's offline CSVs
// and `vastai search offers --raw` JSON, as overlays of ftcost's own catalog
// (docs/catalog.md#import).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftcost/base/names.hpp"
#include "ftcost/catalog/catalog.hpp"
#include "ftcost/gpu/gpu.hpp"

namespace ftcost {

/// The format of a catalog file given to --catalog-add or `catalog validate`.
enum class CatalogFormat { Ftcost, SkyPilot, Gpuhunt, Vast };

template <>
struct EnumNames<CatalogFormat> {
  static constexpr std::array<std::pair<CatalogFormat, std::string_view>, 4> kEntries{
      {{CatalogFormat::Ftcost, "ftcost"},
       {CatalogFormat::SkyPilot, "skypilot"},
       {CatalogFormat::Gpuhunt, "gpuhunt"},
       {CatalogFormat::Vast, "vast"}}};
};

/// A catalog argument split into its optional format prefix and path: "skypilot:aws/vms.csv" ->
/// {SkyPilot, "aws/vms.csv"}; "prices.json" -> {nullopt, "prices.json"}. Only the four format
/// names followed by ':' count as prefixes, so "C:/x.json" or "./vast:x" stay paths.
struct CatalogSpec {
  std::optional<CatalogFormat> format;
  std::string path;
};
[[nodiscard]] CatalogSpec split_catalog_spec(std::string_view argument);

/// The format `text` is in, from its content: a JSON array (or an object with an "offers" array)
/// of objects with "dph_total" or "gpu_name" is Vast's; any other JSON object is ftcost's (its
/// parser then names what is wrong); a CSV header with InstanceType and AcceleratorName is
/// SkyPilot's; one with instance_name, location and price is gpuhunt's. nullopt when none matches.
[[nodiscard]] std::optional<CatalogFormat> detect_catalog_format(std::string_view text);

/// The provider an imported file prices: SkyPilot's cloud or gpuhunt's provider is the name of
/// the directory holding `vms.csv` (SkyPilot's own layout, catalogs/v8/<cloud>/vms.csv) or else
/// the file's stem (gpuhunt's <provider>.csv). Vast files are always "vast". Returns the name as
/// found ("lambdalabs", "aws"); empty when the path gives none.
[[nodiscard]] std::string provider_from_path(std::string_view path, CatalogFormat format);

/// Where an imported offer's as_of date came from.
enum class AsOfBasis { Data, Flag, FileTime };

template <>
struct EnumNames<AsOfBasis> {
  static constexpr std::array<std::pair<AsOfBasis, std::string_view>, 3> kEntries{
      {{AsOfBasis::Data, "from the data"},
       {AsOfBasis::Flag, "from --as-of"},
       {AsOfBasis::FileTime, "the file's modification date"}}};
};

/// How to import.
struct ImportOptions {
  CatalogFormat format = CatalogFormat::SkyPilot;  ///< not Ftcost (that is parse_catalog)
  std::string provider;                            ///< the file's cloud/provider name (see above)
  std::string as_of_flag;                          ///< --as-of YYYY-MM-DD, or empty
  std::string file_date;  ///< the file's modification date YYYY-MM-DD, or empty
  bool strict = false;    ///< --strict: the first skipped row is an error
};

/// A row of the file left out of the import, with its place, field, value and reason.
struct SkippedImportRow {
  std::string where;  ///< "row 7" (CSV record, header = row 1) or a JSON Pointer "/12/dph_total"
  std::string field;  ///< column or key; empty for the whole row
  std::string value;  ///< the offending text (at most 60 characters)
  std::string problem;
};

/// What an import did, for the summary line and `catalog validate`.
struct ImportReport {
  CatalogFormat format = CatalogFormat::SkyPilot;
  std::string origin;                              ///< the path
  std::vector<std::string> providers;              ///< ftcost provider ids the offers went to
  std::vector<std::string> synthesized_providers;  ///< of those, the ones the catalog lacked:
                                                   ///< given assumed rules (docs/catalog.md#import)
  std::size_t rows = 0;                            ///< data rows or JSON elements read
  std::size_t offers = 0;                          ///< offers imported (after duplicates)
  std::size_t duplicates = 0;  ///< rows dropped as duplicates of a cheaper identical offer
  std::vector<SkippedImportRow> skipped;            ///< malformed rows
  std::map<std::string, std::size_t> unknown_gpus;  ///< GPU name as spelled -> rows (skipped)
  std::string as_of;  ///< the date given to offers without one in the data
  AsOfBasis as_of_basis = AsOfBasis::Data;
};

/// An imported file: an overlay catalog (offers and any synthesized providers) plus its report.
struct ImportedCatalog {
  Catalog overlay;
  ImportReport report;
};

/// Imports `text` (the file at `origin`) in `options.format` as an overlay of `base`: GPU names are
/// mapped to `gpus` ids (docs/catalog.md#import-gpu-names; unknown ones are counted, not fatal),
/// provider names to ftcost's (lambdalabs -> lambda, ...), and providers `base` lacks are
/// synthesized with assumed billing, storage and network rules, flagged as assumptions. Offers
/// identical but for price keep the cheapest. Throws InputError (ExitCode::InvalidData) naming
/// origin for a file-level problem (no header, not JSON, no provider name), and with
/// options.strict for the first skipped row (its place, field and value).
[[nodiscard]] ImportedCatalog import_catalog(std::string_view text, const std::string& origin,
                                             const ImportOptions& options,
                                             const std::vector<Gpu>& gpus, const Catalog& base);

/// A --catalog-add (or `catalog validate`) argument loaded: ftcost's own overlay, or an import.
struct LoadedOverlay {
  Catalog overlay;
  std::string path;                    ///< the file, without a format prefix
  std::optional<ImportReport> import;  ///< set when the file was another tool's catalog
};

/// Loads `argument` ("[skypilot:|gpuhunt:|vast:]PATH", at most kMaxCatalogBytes): the prefix or
/// detect_catalog_format picks the format; ftcost's own files are parsed as a CatalogRole::Overlay
/// (parse_catalog), others imported (import_catalog) with the provider from provider_from_path,
/// `as_of_flag` (YYYY-MM-DD or empty) and the file's modification date. Throws InputError
/// (ExitCode::InvalidData) for an unreadable file, a format that cannot be told ("a catalog in
/// ftcost's schema, or skypilot:/gpuhunt:/vast: ..."), and what parse_catalog/import_catalog throw.
[[nodiscard]] LoadedOverlay load_catalog_overlay(std::string_view argument,
                                                 const std::string& as_of_flag, bool strict,
                                                 const std::vector<Gpu>& gpus, const Catalog& base);

/// The ftcost GPU id an imported GPU name means, or nullopt: the name through ftcost's own
/// spellings (gpu_spelling_key), then the importers' table of other tools' names ("A100-80GB",
/// "H100 SXM", "A100 SXM4" with 80 GB, "RTX 6000Ada"); a family sold with two memory sizes
/// (A100 40/80 GB, V100 16/32 GB) is told apart by `memory_gb` per GPU when given, else the
/// smaller is assumed. Source: docs/catalog.md#import-gpu-names.
[[nodiscard]] std::optional<std::string> imported_gpu_id(std::string_view name,
                                                         std::optional<double> memory_gb,
                                                         const std::vector<Gpu>& gpus);

/// ftcost's provider id for another tool's provider name: "lambdalabs" -> "lambda",
/// "datacrunch" -> "verda", "vastai" -> "vast", "do" -> "digitalocean"; other names lowercased
/// with '_' as '-'.
[[nodiscard]] std::string imported_provider_id(std::string_view name);

}  // namespace ftcost
