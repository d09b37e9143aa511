// The fuzzed entry points, shared by the libFuzzer executables and the corpus replay test.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ftcost::fuzz {

/// Feeds `size` bytes to parse_catalog (and, when they parse, to merging and the age check).
/// Only InputError may escape the parser; anything else, or a sanitizer report, is a bug.
void catalog(const std::uint8_t* data, std::size_t size);

/// Writes `size` bytes to a file and loads it with load_catalog_file (whose fast path reads the
/// offers with RapidJSON) and with parse_catalog (nlohmann): both must give the same catalog or
/// the same error, else the target aborts.
void catalog_file(const std::uint8_t* data, std::size_t size);

/// Feeds `size` bytes to parse_hf_config (and count_params when they parse).
void hf_config(const std::uint8_t* data, std::size_t size);

/// Feeds `size` bytes to parse_axolotl_config (a `deepspeed:` path resolves under a directory
/// that does not exist, so only absolute paths are read).
void axolotl_config(const std::uint8_t* data, std::size_t size);

/// Feeds `size` bytes to import_catalog as a SkyPilot vms.csv of GCP (the host + accelerator
/// join is the most intricate path), then merges the overlay over an empty catalog.
void skypilot_csv(const std::uint8_t* data, std::size_t size);

/// Feeds `size` bytes to import_catalog as a gpuhunt CSV of gcp (zones fold into regions).
void gpuhunt_csv(const std::uint8_t* data, std::size_t size);

/// Feeds `size` bytes to import_catalog as `vastai search offers --raw` JSON.
void vast_offers(const std::uint8_t* data, std::size_t size);

}  // namespace ftcost::fuzz
