// Renders the GPU list in the three output formats.
#include "ftcost/render/gpu_render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "csv_writer.hpp"
#include "table_writer.hpp"

namespace ftcost::render {
namespace {

std::string number(double value) {
  return fmt::format("{:g}", value);
}

std::string optional_number(const std::optional<double>& value) {
  return value ? number(*value) : "";
}

// A rate the GPU cannot run is absent (shown "n/a", JSON null, CSV empty), never a 0 that reads
// as "infinitely slow" or gets averaged in.
std::optional<double> bf16_tflops(const Gpu& gpu) {
  return gpu.bf16_supported ? std::optional<double>(gpu.bf16_dense_tflops) : std::nullopt;
}

std::string table_number(const std::optional<double>& value) {
  return value ? number(*value) : "n/a";
}

std::string yes_no(bool value) {
  return value ? "yes" : "no";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const std::string& item : items) {
    text += (text.empty() ? "" : std::string(separator)) + item;
  }
  return text;
}

void write_gpu_table(const std::vector<Gpu>& gpus, std::ostream& out) {
  const std::vector<Column> columns{{"id", Align::Left},           {"name", Align::Left},
                                    {"usable GiB", Align::Right},  {"GB/s", Align::Right},
                                    {"BF16 TFLOPS", Align::Right}, {"FP16 TFLOPS", Align::Right},
                                    {"FP8 TFLOPS", Align::Right},  {"interconnect", Align::Left},
                                    {"bf16", Align::Left},         {"FA2", Align::Left}};
  std::vector<std::vector<std::string>> rows;
  rows.reserve(gpus.size());
  for (const Gpu& gpu : gpus) {
    rows.push_back({gpu.id, gpu.name, fmt::format("{:.2f}", gpu.memory_gib),
                    number(gpu.memory_bandwidth_gb_per_s), table_number(bf16_tflops(gpu)),
                    number(gpu.fp16_dense_tflops), table_number(gpu.fp8_dense_tflops),
                    std::string(name_of(gpu.interconnect)), yes_no(gpu.bf16_supported),
                    yes_no(gpu.flash_attention_supported)});
  }
  write_table(out, columns, rows);
}

nlohmann::json optional_json(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

void write_gpu_json(const std::vector<Gpu>& gpus, std::ostream& out) {
  nlohmann::json list = nlohmann::json::array();
  for (const Gpu& gpu : gpus) {
    list.push_back({{"id", gpu.id},
                    {"name", gpu.name},
                    {"memory_gib", gpu.memory_gib},
                    {"memory_gb", gpu.memory_gb},
                    {"memory_bandwidth_gb_per_s", gpu.memory_bandwidth_gb_per_s},
                    {"bf16_dense_tflops", optional_json(bf16_tflops(gpu))},
                    {"fp16_dense_tflops", gpu.fp16_dense_tflops},
                    {"fp8_dense_tflops", optional_json(gpu.fp8_dense_tflops)},
                    {"fp32_tflops", gpu.fp32_tflops},
                    {"achievable_tflops", gpu.achievable_tflops},
                    {"achievable_bandwidth_gb_per_s", gpu.achievable_bandwidth_gb_per_s},
                    {"bf16_supported", gpu.bf16_supported},
                    {"flash_attention_supported", gpu.flash_attention_supported},
                    {"interconnect", name_of(gpu.interconnect)},
                    {"nvlink_gb_per_s", optional_json(gpu.nvlink_gb_per_s)},
                    {"aliases", gpu.aliases},
                    {"memory_gib_source", gpu.memory_gib_source},
                    {"achievable_tflops_source", gpu.achievable_tflops_source},
                    {"achievable_bandwidth_source", gpu.achievable_bandwidth_source},
                    {"source", gpu.source}});
  }
  out << nlohmann::json{{"gpus", list}}.dump(2) << '\n';
}

void write_gpu_csv(const std::vector<Gpu>& gpus, std::ostream& out) {
  const std::vector<std::string> header{"id",
                                        "name",
                                        "memory_gib",
                                        "memory_gb",
                                        "memory_bandwidth_gb_per_s",
                                        "bf16_dense_tflops",
                                        "fp16_dense_tflops",
                                        "fp8_dense_tflops",
                                        "fp32_tflops",
                                        "achievable_tflops",
                                        "achievable_bandwidth_gb_per_s",
                                        "bf16_supported",
                                        "flash_attention_supported",
                                        "interconnect",
                                        "nvlink_gb_per_s",
                                        "aliases",
                                        "memory_gib_source",
                                        "achievable_tflops_source",
                                        "achievable_bandwidth_source",
                                        "source"};
  std::vector<std::vector<std::string>> rows;
  rows.reserve(gpus.size());
  for (const Gpu& gpu : gpus) {
    rows.push_back({gpu.id,
                    gpu.name,
                    number(gpu.memory_gib),
                    number(gpu.memory_gb),
                    number(gpu.memory_bandwidth_gb_per_s),
                    optional_number(bf16_tflops(gpu)),
                    number(gpu.fp16_dense_tflops),
                    optional_number(gpu.fp8_dense_tflops),
                    number(gpu.fp32_tflops),
                    number(gpu.achievable_tflops),
                    number(gpu.achievable_bandwidth_gb_per_s),
                    gpu.bf16_supported ? "true" : "false",
                    gpu.flash_attention_supported ? "true" : "false",
                    std::string(name_of(gpu.interconnect)),
                    optional_number(gpu.nvlink_gb_per_s),
                    joined(gpu.aliases, " "),
                    gpu.memory_gib_source,
                    gpu.achievable_tflops_source,
                    gpu.achievable_bandwidth_source,
                    gpu.source});
  }
  write_csv(out, header, rows);
}

}  // namespace

void render_gpus(const std::vector<Gpu>& gpus, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Table:
      write_gpu_table(gpus, out);
      return;
    case OutputFormat::Json:
      write_gpu_json(gpus, out);
      return;
    case OutputFormat::Csv:
      write_gpu_csv(gpus, out);
      return;
    case OutputFormat::Html:  // refused on the command line (add_format_option)
      throw std::invalid_argument("html is a format of plan and vram only");
  }
}

}  // namespace ftcost::render
