// Maps calibration.csv columns onto ftcost's SetupRequest.
#include "calibration_case.hpp"

#include <sstream>
#include <stdexcept>

#include "ftcost/base/names.hpp"

namespace ftcost::bench {

namespace {

const std::string& field(const CsvRow& row, const std::string& name) {
  const auto it = row.find(name);
  if (it == row.end()) {
    throw std::runtime_error("calibration.csv: missing column " + name);
  }
  return it->second;
}

template <class E>
std::optional<E> enum_field(const CsvRow& row, const std::string& name) {
  const std::string& text = field(row, name);
  if (text.empty()) {
    return std::nullopt;
  }
  if (auto value = enum_from_name<E>(text)) {
    return value;
  }
  throw std::runtime_error(field(row, "id") + ": " + name + " '" + text + "' not accepted");
}

std::optional<std::int64_t> int_field(const CsvRow& row, const std::string& name) {
  const std::string& text = field(row, name);
  return text.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(text));
}

Framework map_framework(const std::string& published) {
  if (auto fw = enum_from_name<Framework>(published)) {
    return *fw;
  }
  // Answer.AI's fsdp_qlora, PEFT's benchmark loop and llm-foundry all run Transformers models.
  return Framework::Hf;
}

Metric metric_of(const std::string& text) {
  if (text == "allocated")
    return Metric::Allocated;
  if (text == "reserved")
    return Metric::Reserved;
  if (text == "device")
    return Metric::Device;
  if (text == "capacity")
    return Metric::Capacity;
  if (text == "oom")
    return Metric::Oom;
  return Metric::Unspecified;
}

}  // namespace

bool is_memory_row(const CsvRow& row) {
  const std::string& use = field(row, "use");
  return use == "vram" || use == "both";
}

CalibrationCase to_case(const CsvRow& row) {
  CalibrationCase c;
  c.id = field(row, "id");
  c.model = field(row, "model");
  c.framework_as_published = field(row, "framework");
  SetupRequest& r = c.request;
  r.method = enum_field<Method>(row, "method");
  r.precision = enum_field<Precision>(row, "precision");
  r.optimizer = enum_field<Optimizer>(row, "optimizer");
  r.seq_len = int_field(row, "seq_len");
  r.micro_batch = int_field(row, "micro_batch");
  r.grad_accum = int_field(row, "grad_accum");
  r.grad_ckpt = enum_field<GradCkpt>(row, "grad_ckpt");
  r.attention = enum_field<Attention>(row, "attention");
  r.lora_rank = int_field(row, "lora_rank");
  if (const std::string& targets = field(row, "lora_targets"); !targets.empty()) {
    std::vector<std::string> items;
    std::stringstream stream(targets);
    for (std::string item; std::getline(stream, item, ',');) {
      items.push_back(item);
    }
    r.lora_targets = items;
  }
  r.quant = enum_field<Quant>(row, "quant");
  r.loss = enum_field<Loss>(row, "loss");
  r.gpus = int_field(row, "gpus");
  r.sharding = enum_field<Sharding>(row, "sharding");
  r.cpu_offload = enum_field<CpuOffload>(row, "cpu_offload");
  r.framework = map_framework(c.framework_as_published);
  r.compiled = field(row, "compiled") == "true";
  r.optimizer_in_backward = field(row, "optimizer_in_bwd") == "true";
  if (const std::string& version = field(row, "transformers_version"); !version.empty()) {
    r.transformers_version = parse_library_version(version);
    if (!r.transformers_version) {
      throw std::runtime_error(c.id + ": transformers_version '" + version + "' not accepted");
    }
  }
  c.metric = metric_of(field(row, "mem_metric"));
  const std::string& mem_gib = field(row, "mem_gib");
  c.measured_gib = mem_gib.empty() ? 0 : std::stod(mem_gib);  // throughput-only rows leave it blank
  return c;
}

}  // namespace ftcost::bench
