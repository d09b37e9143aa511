// Offers as other tools' catalogs state them, before ftcost maps GPU names and providers
// (catalog_import.cpp). Each reader parses one format's quirks (docs/catalog.md#import) and never
// throws for a bad row: the row is skipped with the reason, so one malformed row cannot hide a
// whole provider. Whole-file problems (no header, not JSON) throw InputError.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/catalog/catalog.hpp"

namespace ftcost::load {

/// One priced instance shape of an imported file.
struct ImportedOffer {
  std::string where;     ///< "row 12" (CSV record, header = row 1) or a JSON Pointer "/3"
  std::string provider;  ///< ftcost provider id the reader chose ("aws", "runpod-secure", "vast")
  std::string gpu_name;  ///< as the file spells it: "A100-80GB", "RTX 4090"
  std::optional<double> gpu_memory_gb;  ///< per GPU, GB, only when the file states it reliably
  std::int64_t gpus = 1;                ///< GPUs in the instance
  Tier tier = Tier::OnDemand;
  double usd_per_hour = 0;    ///< the whole instance (GCP: host + accelerator), USD per hour
  std::string instance_type;  ///< "p5.48xlarge"; Vast: "ask <id>"
  std::string region;         ///< "us-east-1", "Texas, US"; empty when the file has none
  std::string as_of;          ///< YYYY-MM-DD from the data, or empty
  std::optional<double> reliability;               ///< host uptime share 0..1 (Vast)
  std::optional<double> storage_usd_per_gb_month;  ///< per-offer disk price (Vast)
  std::optional<double> egress_usd_per_gb;         ///< per-offer upload price (Vast)
  std::optional<double> ingress_usd_per_gb;        ///< per-offer download price (Vast)
  std::string note;  ///< what the reader assumed about this offer, or empty
};

/// A row left out, and why: "row 7", field "Price", value "abc", "not a number".
struct SkippedRow {
  std::string where;  ///< "row 7" or "/12/dph_total"
  std::string field;  ///< the column or key, or empty for the whole row
  std::string value;  ///< the offending text (cut to 60 characters), or empty
  std::string problem;
};

/// What a reader found in one file.
struct ImportRows {
  std::vector<ImportedOffer> offers;
  std::vector<SkippedRow> skipped;
  std::size_t rows = 0;  ///< data rows (CSV) or elements (JSON) read, skipped ones included
};

/// SkyPilot catalog `vms.csv` (schema v7 or v8) of `cloud` ("aws", "gcp", "lambda", "runpod",
/// "vast", ...). Columns by header name; GCP host rows joined to accelerator rows of the same zone;
/// placeholder price 700 and Vast's SpotPrice 0.00 treated as missing; exact duplicates removed;
/// rows without a GPU (CPU hosts, TPUs) skipped silently unless malformed. `origin` names the file.
/// Throws InputError (InvalidData) when the header lacks a required column.
[[nodiscard]] ImportRows read_skypilot_csv(std::string_view text, const std::string& origin,
                                           std::string_view cloud);

/// gpuhunt offline catalog CSV (v1 11 columns or v2/v3 14) of `provider` (the file's stem:
/// "aws", "lambdalabs", "runpod", ...). Spot and on-demand are separate rows; rows with flags
/// ftcost does not understand, CPU-only and non-NVIDIA/AMD rows are left out. Throws InputError
/// (InvalidData) when the header lacks a required column.
[[nodiscard]] ImportRows read_gpuhunt_csv(std::string_view text, const std::string& origin,
                                          std::string_view provider);

/// `vastai search offers --raw` JSON: a list of offer objects (or {"offers": [...]}). Each offer
/// gives an on-demand offer at dph_total and, when min_bid is set, an interruptible one at
/// min_bid; per-offer storage, bandwidth and reliability are kept. Throws InputError (InvalidData)
/// for invalid JSON or a top level that is neither.
[[nodiscard]] ImportRows read_vast_offers_json(std::string_view text, const std::string& origin);

}  // namespace ftcost::load
