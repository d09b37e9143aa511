// `ftcost vram` output as a table, JSON or CSV.
#include "ftcost/render/memory_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "assumptions_render.hpp"
#include "csv_writer.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/model/params.hpp"
#include "html/html_reports.hpp"
#include "memory_text.hpp"
#include "setup_json.hpp"
#include "setup_lines.hpp"
#include "table_writer.hpp"
#include "text_bar.hpp"

namespace ftcost::render {
namespace {

std::string gib(double bytes) {
  return fmt::format("{:.2f}", bytes_to_gib(bytes));
}

std::string optional_count(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "none";
}

/// What to change so the run fits, keeping the sequences per optimizer step.
std::string fit_advice(const TrainingSetup& s, const FitReport& fit) {
  const std::int64_t step = s.micro_batch * s.grad_accum;
  if (!fit.same_step_split) {
    return fmt::format(
        "no micro-batch keeps {} sequences per step; {}see ftcost plan for GPUs "
        "that fit",
        step, fit.longest_seq_len ? "shorten --seq-len, or " : "");
  }
  const BatchSplit* split = &*fit.same_step_split;
  return fmt::format("--micro-batch {} --grad-accum {} (same {} sequences per optimizer step)",
                     split->micro_batch, split->grad_accum, step);
}

// "[################....] 91% of 23.65 GiB": what must fit (capacity - headroom: the device
// total without paged state) against the capacity; green, yellow under 10% to spare, red over.
std::string capacity_bar(const FitReport& fit, const TextStyle& style) {
  constexpr std::size_t kCells = 20;
  constexpr double kTight = 0.9;
  const double used = (fit.capacity_bytes - fit.headroom_bytes) / fit.capacity_bytes;
  const BarTone tone = used > 1 ? BarTone::Over : used > kTight ? BarTone::Tight : BarTone::Ok;
  return fmt::format("[{}] {:.0f}% of {} GiB", text_bar(used, kCells, style, tone), 100 * used,
                     gib(fit.capacity_bytes));
}

// "###.......  31%": a component's share of peak allocated memory (the components sum to it).
std::string share_cell(double bytes, double total, const TextStyle& style) {
  constexpr std::size_t kCells = 10;
  const double share = total > 0 ? bytes / total : 0;
  return fmt::format("{} {:>3.0f}%", text_bar(share, kCells, style), 100 * share);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> memory_head(const MemoryReport& r) {
  const MemoryEstimate& e = r.estimate;
  std::vector<std::pair<std::string, std::string>> head = {
      {"model", model_text(r.arch->id, r.arch->name, count_params(*r.arch).total,
                           count_params(*r.arch).active)}};
  for (auto& line : setup_lines(r.setup)) {
    head.push_back(std::move(line));
  }
  head.insert(
      head.end(),
      {{"peak allocated", gib(e.peak_allocated_bytes) + " GiB (torch max_memory_allocated)"},
       {"peak reserved", gib(e.peak_reserved_bytes) + " GiB (torch max_memory_reserved)"},
       {"device total", gib(e.device_total_bytes) + " GiB (nvidia-smi, context included)"},
       {"binding phase",
        std::string(name_of(e.binding_phase)) + " (largest term: " + e.binding_term + ")"}});
  if (e.host_offload_bytes > 0) {
    head.emplace_back("host RAM", gib(e.host_offload_bytes) +
                                      " GiB per GPU offloaded (--cpu-offload): the machine needs "
                                      "it x GPUs per node, beside the process and dataset");
  }
  if (e.paged_optimizer_bytes > 0) {
    head.emplace_back("paged optimizer", gib(e.paged_optimizer_bytes) + " GiB (managed memory)");
  }
  if (r.fit) {
    const FitReport& f = *r.fit;
    head.emplace_back("capacity", f.capacity_label);
    head.emplace_back("fits",
                      fmt::format("{} ({} GiB {})", f.fits ? "yes" : "no",
                                  gib(std::abs(f.headroom_bytes)), f.fits ? "to spare" : "short"));
    head.emplace_back("largest micro-batch", optional_count(f.largest_micro_batch));
    head.emplace_back(
        "longest seq-len",
        optional_count(f.longest_seq_len) +
            (f.longest_seq_len_is_context
                 ? " (the model's context, max_position_embeddings; memory allows more)"
                 : ""));
    if (!f.fits) {
      head.emplace_back("to fit", fit_advice(r.setup, f));
      if (!f.memory_savers.empty()) {
        std::string savers;
        for (const std::string& s : f.memory_savers) {
          savers += (savers.empty() ? "" : ", or ") + s;
        }
        head.emplace_back("or switch", savers);
      }
    }
  }
  return head;
}

namespace {

void write_memory_table(const MemoryReport& r, std::ostream& out) {
  const MemoryEstimate& e = r.estimate;
  std::vector<std::pair<std::string, std::string>> head = memory_head(r);
  if (r.fit) {
    // The capacity bar goes right after "fits".
    const auto fits = std::find_if(head.begin(), head.end(),
                                   [](const auto& line) { return line.first == "fits"; });
    head.insert(fits + 1, {"memory use", capacity_bar(*r.fit, r.style)});
  }
  write_key_values(out, head);
  out << '\n';
  std::vector<std::vector<std::string>> parts;
  for (const MemoryComponent& c : e.components) {
    parts.push_back(
        {c.name, gib(c.bytes), share_cell(c.bytes, e.peak_allocated_bytes, r.style), c.detail});
  }
  write_table(out,
              {{"component", Align::Left},
               {"GiB", Align::Right},
               {"% of allocated", Align::Left},
               {"how", Align::Left}},
              parts);
  out << '\n';
  std::vector<std::vector<std::string>> phases;
  for (const PhaseMemory& p : e.phases) {
    phases.push_back({std::string(name_of(p.phase)), gib(p.allocated_bytes)});
  }
  write_table(out, {{"phase", Align::Left}, {"allocated GiB", Align::Right}}, phases);
  write_assumptions(out, r.assumptions);
}

nlohmann::json fit_json(const std::optional<FitReport>& fit) {
  if (!fit) {
    return nullptr;
  }
  const auto count = [](const std::optional<std::int64_t>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"capacity_gib", bytes_to_gib(fit->capacity_bytes)},
          {"capacity_source", fit->capacity_source},
          {"fits", fit->fits},
          {"headroom_gib", bytes_to_gib(fit->headroom_bytes)},
          {"largest_micro_batch", count(fit->largest_micro_batch)},
          {"longest_seq_len_tokens", count(fit->longest_seq_len)},
          {"longest_seq_len_is_context", fit->longest_seq_len_is_context},
          {"memory_savers", fit->memory_savers},
          {"same_step_split",
           fit->same_step_split ? nlohmann::json{{"micro_batch", fit->same_step_split->micro_batch},
                                                 {"grad_accum", fit->same_step_split->grad_accum}}
                                : nlohmann::json(nullptr)}};
}

void write_memory_json(const MemoryReport& r, std::ostream& out) {
  const MemoryEstimate& e = r.estimate;
  const TrainingSetup& s = r.setup;
  nlohmann::json components = nlohmann::json::array();
  for (const MemoryComponent& c : e.components) {
    components.push_back({{"name", c.name}, {"gib", bytes_to_gib(c.bytes)}, {"detail", c.detail}});
  }
  nlohmann::json phases = nlohmann::json::array();
  for (const PhaseMemory& p : e.phases) {
    phases.push_back(
        {{"phase", name_of(p.phase)}, {"allocated_gib", bytes_to_gib(p.allocated_bytes)}});
  }
  const ParamCounts counts = count_params(*r.arch);
  const nlohmann::json doc = {{"model",
                               {{"id", r.arch->id},
                                {"name", r.arch->name},
                                {"params_total", counts.total},
                                {"params_active", counts.active}}},
                              {"setup", render::setup_json(s)},
                              {"peak_allocated_gib", bytes_to_gib(e.peak_allocated_bytes)},
                              {"peak_reserved_gib", bytes_to_gib(e.peak_reserved_bytes)},
                              {"device_total_gib", bytes_to_gib(e.device_total_bytes)},
                              {"paged_optimizer_gib", bytes_to_gib(e.paged_optimizer_bytes)},
                              {"binding_phase", name_of(e.binding_phase)},
                              {"binding_term", e.binding_term},
                              {"host_offload_gib_per_gpu", bytes_to_gib(e.host_offload_bytes)},
                              {"components", components},
                              {"phases", phases},
                              {"fit", fit_json(r.fit)},
                              {"assumptions", render::assumptions_json(r.assumptions)}};
  out << doc.dump(2) << '\n';
}

// The unit of a setup or fit key's value in the CSV, from the key (docs/json-output.md#vram).
std::string unit_of(const std::string& key) {
  if (key.ends_with("_gib")) {
    return "GiB";
  }
  if (key.ends_with("_tokens")) {
    return "tokens";
  }
  if (key.ends_with("micro_batch")) {
    return "sequences";
  }
  return key == "grad_accum" ? "micro-batches" : "";
}

// One row per figure: kind, name, value (full precision), unit.
void write_memory_csv(const MemoryReport& r, std::ostream& out) {
  const MemoryEstimate& e = r.estimate;
  const ParamCounts counts = count_params(*r.arch);
  std::vector<std::vector<std::string>> rows{
      {"model", "id", r.arch->id, ""},
      {"model", "params_total", std::to_string(counts.total), "parameters"},
      {"model", "params_active", std::to_string(counts.active), "parameters"}};
  const nlohmann::json setup = render::setup_json(r.setup);  // outlives the loop below
  for (const auto& [key, value] : setup.items()) {
    rows.push_back({"setup", key, render::json_cell_text(value), unit_of(key)});
  }
  const auto gib_row = [&rows](const std::string& kind, const std::string& name, double bytes) {
    rows.push_back({kind, name, nlohmann::json(bytes_to_gib(bytes)).dump(), "GiB"});
  };
  gib_row("peak", "peak_allocated", e.peak_allocated_bytes);
  gib_row("peak", "peak_reserved", e.peak_reserved_bytes);
  gib_row("peak", "device_total", e.device_total_bytes);
  gib_row("peak", "paged_optimizer", e.paged_optimizer_bytes);
  gib_row("peak", "host_offload_per_gpu", e.host_offload_bytes);
  rows.push_back({"peak", "binding_phase", std::string(name_of(e.binding_phase)), ""});
  rows.push_back({"peak", "binding_term", e.binding_term, ""});
  for (const MemoryComponent& c : e.components) {
    gib_row("component", c.name, c.bytes);
  }
  for (const PhaseMemory& p : e.phases) {
    gib_row("phase", std::string(name_of(p.phase)), p.allocated_bytes);
  }
  if (r.fit) {
    const nlohmann::json fit = fit_json(r.fit);
    for (const auto& [key, value] : fit.items()) {
      if (value.is_object()) {  // same_step_split: micro_batch and grad_accum
        for (const auto& [inner, number] : value.items()) {
          std::string name = key;
          name += "." + inner;
          rows.push_back({"fit", name, number.dump(), unit_of(inner)});
        }
      } else {
        rows.push_back({"fit", key, render::json_cell_text(value), unit_of(key)});
      }
    }
  }
  write_csv(out, {"kind", "name", "value", "unit"}, rows);
}

}  // namespace

void render_memory(const MemoryReport& report, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Table:
      write_memory_table(report, out);
      return;
    case OutputFormat::Json:
      write_memory_json(report, out);
      return;
    case OutputFormat::Csv:
      write_memory_csv(report, out);
      return;
    case OutputFormat::Html:
      write_memory_html(report, out);
      return;
  }
}

}  // namespace ftcost::render
