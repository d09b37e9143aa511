// Reads the GPU list (docs/gpus.md schema) into validated Gpu values.
#include <map>
#include <set>
#include <utility>

#include "ftcost/base/error.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "json_reader.hpp"

namespace ftcost {
namespace {

using load::JsonCursor;

// Generous upper bounds that only catch unit mistakes (TB entered as GB, sparse as dense x1000).
constexpr double kMaxMemoryGb = 4096;
constexpr double kMaxBandwidthGbPerS = 100000;
constexpr double kMaxTflops = 100000;

std::vector<std::string> string_list(const JsonCursor& cursor) {
  std::vector<std::string> items;
  for (const JsonCursor& item : cursor.elements()) {
    items.push_back(item.string());
  }
  return items;
}

std::optional<double> optional_number(const JsonCursor& gpu, std::string_view key, double max) {
  if (auto value = gpu.find(key)) {
    return value->number(0, max);
  }
  return std::nullopt;
}

std::optional<double> optional_positive(const JsonCursor& gpu, std::string_view key, double max) {
  if (auto value = gpu.find(key)) {
    return value->number(0.001, max);
  }
  return std::nullopt;
}

Interconnect parse_interconnect(const JsonCursor& cursor) {
  const std::string name = cursor.string();
  if (auto value = enum_from_name<Interconnect>(name)) {
    return *value;
  }
  cursor.fail("'" + name + "' is not an interconnect", join_names(enum_names<Interconnect>()));
}

// A measured figure needs its source; without one, the datasheet figure times the median measured
// share stands in and the source says so.
void read_achievable(const JsonCursor& cursor, Gpu& gpu) {
  const double datasheet_tflops =
      gpu.bf16_supported ? gpu.bf16_dense_tflops : gpu.fp16_dense_tflops;
  if (auto tflops = optional_positive(cursor, "achievable_tflops", kMaxTflops)) {
    gpu.achievable_tflops = *tflops;
    gpu.achievable_tflops_source = cursor.at("achievable_tflops_source").string();
  } else {
    gpu.achievable_tflops = datasheet_tflops * kDefaultAchievableTflopsShare;
    gpu.achievable_tflops_source =
        "derived: datasheet x 0.80, the median measured share (no achievable_tflops given)";
  }
  if (auto bandwidth =
          optional_positive(cursor, "achievable_bandwidth_gb_per_s", kMaxBandwidthGbPerS)) {
    gpu.achievable_bandwidth_gb_per_s = *bandwidth;
    gpu.achievable_bandwidth_source = cursor.at("achievable_bandwidth_source").string();
  } else {
    gpu.achievable_bandwidth_gb_per_s =
        gpu.memory_bandwidth_gb_per_s * kDefaultAchievableBandwidthShare;
    gpu.achievable_bandwidth_source =
        "derived: datasheet x 0.87, the median measured share (no achievable_bandwidth_gb_per_s "
        "given)";
  }
}

Gpu parse_gpu(const JsonCursor& cursor) {
  cursor.reject_unknown_keys({"id",
                              "name",
                              "vendor",
                              "architecture",
                              "memory_gb",
                              "memory_gib",
                              "memory_gib_source",
                              "memory_bandwidth_gb_per_s",
                              "bf16_dense_tflops",
                              "fp16_dense_tflops",
                              "fp8_dense_tflops",
                              "fp32_tflops",
                              "bf16_supported",
                              "flash_attention_supported",
                              "interconnect",
                              "nvlink_gb_per_s",
                              "source",
                              "aliases",
                              "notes",
                              "achievable_tflops",
                              "achievable_tflops_source",
                              "achievable_bandwidth_gb_per_s",
                              "achievable_bandwidth_source"});
  Gpu gpu{.id = cursor.at("id").string(),
          .name = cursor.at("name").string(),
          .vendor = cursor.at("vendor").string(),
          .architecture = cursor.at("architecture").string(),
          .memory_gb = cursor.at("memory_gb").number(1, kMaxMemoryGb),
          .memory_gib = cursor.at("memory_gib").number(0.5, kMaxMemoryGb),
          .memory_bandwidth_gb_per_s =
              cursor.at("memory_bandwidth_gb_per_s").number(1, kMaxBandwidthGbPerS),
          .bf16_dense_tflops = cursor.at("bf16_dense_tflops").number(0, kMaxTflops),
          .fp16_dense_tflops = cursor.at("fp16_dense_tflops").number(0.1, kMaxTflops),
          .fp8_dense_tflops = optional_number(cursor, "fp8_dense_tflops", kMaxTflops),
          .fp32_tflops = cursor.at("fp32_tflops").number(0.1, kMaxTflops),
          .achievable_tflops = 0,
          .achievable_tflops_source = {},
          .achievable_bandwidth_gb_per_s = 0,
          .achievable_bandwidth_source = {},
          .bf16_supported = cursor.at("bf16_supported").boolean(),
          .flash_attention_supported = cursor.at("flash_attention_supported").boolean(),
          .interconnect = parse_interconnect(cursor.at("interconnect")),
          .nvlink_gb_per_s = optional_number(cursor, "nvlink_gb_per_s", kMaxBandwidthGbPerS),
          .source = cursor.at("source").string(),
          .aliases = string_list(cursor.at("aliases")),
          .memory_gib_source = cursor.at("memory_gib_source").string(),
          .default_for = {}};
  if (gpu.bf16_supported != (gpu.bf16_dense_tflops > 0)) {
    cursor.at("bf16_dense_tflops").fail("must be > 0 exactly when bf16_supported is true");
  }
  read_achievable(cursor, gpu);
  if (gpu.memory_gib > gpu.memory_gb) {
    cursor.at("memory_gib")
        .fail("usable GiB cannot exceed the labelled GB",
              "at most memory_gb (" + std::to_string(gpu.memory_gb) + ")");
  }
  return gpu;
}

// Every spelling key must name one GPU, or resolving would depend on list order.
void check_unique_spellings(const std::vector<Gpu>& gpus, const JsonCursor& list) {
  std::map<std::string, std::string> owner;
  for (std::size_t i = 0; i < gpus.size(); ++i) {
    for (const std::string& key : gpu_spelling_keys(gpus[i])) {
      const auto [it, inserted] = owner.emplace(key, gpus[i].id);
      if (!inserted) {
        list.elements()[i].fail("spelling '" + key + "' also names GPU '" + it->second + "'",
                                "ids, names and aliases unique across GPUs");
      }
    }
  }
}

Gpu& find_by_id(std::vector<Gpu>& gpus, const JsonCursor& cursor) {
  const std::string id = cursor.string();
  for (Gpu& gpu : gpus) {
    if (gpu.id == id) {
      return gpu;
    }
  }
  cursor.fail("unknown GPU id '" + id + "'", "an id listed under /gpus");
}

bool names_a_gpu(const std::vector<Gpu>& gpus, const std::string& key) {
  for (const Gpu& gpu : gpus) {
    for (const std::string& own : gpu_spelling_keys(gpu)) {
      if (own == key) {
        return true;
      }
    }
  }
  return false;
}

void attach_ambiguous_aliases(std::vector<Gpu>& gpus, const JsonCursor& list) {
  for (const JsonCursor& entry : list.elements()) {
    entry.reject_unknown_keys({"alias", "default", "variants", "why"});
    if (names_a_gpu(gpus, gpu_spelling_key(entry.at("alias").string()))) {
      entry.at("alias").fail("already names one GPU exactly", "a spelling no GPU uses");
    }
    AmbiguousAlias alias{.alias = entry.at("alias").string(),
                         .variants = string_list(entry.at("variants")),
                         .why = entry.at("why").string()};
    for (const JsonCursor& variant : entry.at("variants").elements()) {
      (void)find_by_id(gpus, variant);
    }
    find_by_id(gpus, entry.at("default")).default_for.push_back(std::move(alias));
  }
}

}  // namespace

std::vector<Gpu> parse_gpus(std::string_view json, const std::string& origin) {
  const nlohmann::json document = load::parse_json_text(json, origin);
  const JsonCursor root(document, origin);
  root.reject_unknown_keys({"meta", "ambiguous_aliases", "gpus"});
  const JsonCursor list = root.at("gpus");
  std::vector<Gpu> gpus;
  std::set<std::string> ids;
  for (const JsonCursor& entry : list.elements()) {
    Gpu gpu = parse_gpu(entry);
    if (!ids.insert(gpu.id).second) {
      entry.at("id").fail("duplicate GPU id '" + gpu.id + "'");
    }
    gpus.push_back(std::move(gpu));
  }
  if (gpus.empty()) {
    list.fail("no GPUs listed", "at least one GPU");
  }
  check_unique_spellings(gpus, list);
  if (auto ambiguous = root.find("ambiguous_aliases")) {
    attach_ambiguous_aliases(gpus, *ambiguous);
  }
  return gpus;
}

}  // namespace ftcost
