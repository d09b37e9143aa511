// Fuzz bodies: the loaders must answer any byte string with a result or an InputError.
#include "fuzz_targets.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/base/error.hpp"
#include "ftcost/load/axolotl_config.hpp"
#include "ftcost/load/catalog_import.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/model/params.hpp"
#include "load/json_reader.hpp"
#include "test_gpus.hpp"

namespace ftcost::fuzz {

void catalog(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const Catalog parsed = parse_catalog(text, "fuzz.json", test::known_gpu_ids());
    const Catalog merged = merge_catalogs(parsed, parsed, "fuzz.json");
    (void)catalog_age_warnings(merged, "fuzz.json", 20000, 60);
  } catch (const InputError&) {
    // Rejected input is the expected outcome for most mutations.
  }
}

namespace {

// A catalog, or the message and exit code of the InputError that refused it.
struct CatalogOutcome {
  std::optional<Catalog> catalog;
  std::string error;
  ExitCode exit_code = ExitCode::Ok;
};

template <class Load>
CatalogOutcome outcome_of(Load load) {
  try {
    return {.catalog = load(), .error = {}, .exit_code = ExitCode::Ok};
  } catch (const InputError& e) {
    return {.catalog = std::nullopt, .error = e.what(), .exit_code = e.exit_code()};
  }
}

}  // namespace

void catalog_file(const std::uint8_t* data, std::size_t size) {
  static const std::string path =
      (std::filesystem::temp_directory_path() /
       ("ftcost-fuzz-catalog-" + std::to_string(static_cast<long>(getpid())) + ".json"))
          .string();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(text.data(), static_cast<std::streamsize>(size));
  const auto& ids = test::known_gpu_ids();
  const CatalogOutcome file = outcome_of([&] { return load_catalog_file(path, ids); });
  // The checked way, as load_catalog_file falls back to it: the file read whole, then parsed.
  const CatalogOutcome checked = outcome_of(
      [&] { return parse_catalog(load::read_text_file(path, kMaxCatalogBytes), path, ids); });
  std::filesystem::remove(path);
  if (file.catalog != checked.catalog || file.error != checked.error ||
      file.exit_code != checked.exit_code) {
    std::fprintf(stderr, "load_catalog_file and parse_catalog disagree:\n  file: %s\n  text: %s\n",
                 file.catalog ? "a catalog" : file.error.c_str(),
                 checked.catalog ? "a catalog" : checked.error.c_str());
    std::abort();
  }
}

void hf_config(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const ModelArch arch = parse_hf_config(text, "config.json");
    (void)count_params(arch);
  } catch (const InputError&) {
    // Rejected input is the expected outcome for most mutations.
  }
}

void axolotl_config(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)parse_axolotl_config(text, "fuzz.yaml", "/nonexistent-ftcost-fuzz");
  } catch (const InputError&) {
    // Rejected input is the expected outcome for most mutations.
  }
}

namespace {

// Every import path: detection, the reader, GPU names, providers, merging the overlay.
void import_as(const std::uint8_t* data, std::size_t size, CatalogFormat format,
               const std::string& provider) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)detect_catalog_format(text);
    const ImportOptions options{.format = format,
                                .provider = provider,
                                .as_of_flag = "2026-12-01",
                                .file_date = {},
                                .strict = false};
    const ImportedCatalog imported =
        import_catalog(text, "fuzz", options, default_gpus(), Catalog{});
    (void)merge_catalogs(imported.overlay, imported.overlay, "fuzz");
  } catch (const InputError&) {
    // A file-level problem (no header, not JSON) is the expected outcome for many mutations.
  }
}

}  // namespace

void skypilot_csv(const std::uint8_t* data, std::size_t size) {
  import_as(data, size, CatalogFormat::SkyPilot, "gcp");
}

void gpuhunt_csv(const std::uint8_t* data, std::size_t size) {
  import_as(data, size, CatalogFormat::Gpuhunt, "gcp");
}

void vast_offers(const std::uint8_t* data, std::size_t size) {
  import_as(data, size, CatalogFormat::Vast, "vast");
}

}  // namespace ftcost::fuzz
