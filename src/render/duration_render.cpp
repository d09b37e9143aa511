// Renders a DurationEstimate in the three output formats.
#include "ftcost/render/duration_render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "assumptions_render.hpp"
#include "csv_writer.hpp"
#include "ftcost/base/names.hpp"
#include "setup_json.hpp"
#include "setup_lines.hpp"
#include "table_writer.hpp"

namespace ftcost::render {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Hours to two decimals; below 0.01 h, with seconds, so a short job never reads "0.00 h".
std::string hours_text(double hours) {
  if (hours < 0.01) {
    return fmt::format("{:.2g} h ({:.3g} s)", hours, hours * 3600);
  }
  return fmt::format("{:.2f} h", hours);
}

// Real tokens per second per GPU, and what padding took when it took anything.
std::string padding_text(const DurationEstimate& run) {
  if (run.padding_efficiency >= 1) {
    return fmt::format("{:.0f} per GPU (no padding)", run.useful_tokens_per_s_per_gpu);
  }
  return fmt::format("{:.0f} per GPU ({:.0f}% of processed tokens are real; {:.0f} per sequence)",
                     run.useful_tokens_per_s_per_gpu, 100 * run.padding_efficiency,
                     run.sequence_tokens);
}

Pairs table_pairs(const DurationReport& report) {
  const DurationEstimate& run = report.run;
  Pairs pairs{{"model", model_text(report.model_id, report.model_name, report.params_total,
                                   report.params_active)},
              {"dataset", fmt::format("{} tokens per epoch x {:g} epoch(s)",
                                      token_count_text(report.dataset_tokens), report.epochs)},
              {"gpu", fmt::format("{} x{}", run.gpu_id, run.gpus)}};
  if (!run.fits) {
    pairs.emplace_back("fits", "no: " + run.why_not);
    return pairs;
  }
  for (auto& line : setup_lines(run.setup)) {
    pairs.push_back(std::move(line));
  }
  pairs.insert(
      pairs.end(),
      {{"memory per GPU", fmt::format("{:.1f} GiB reserved (usable {:.2f} GiB)",
                                      run.peak_reserved_gib, run.capacity_gib)},
       {"tokens/s per GPU",
        fmt::format("{:.0f} (80% range {:.0f} to {:.0f})", run.tokens_per_s_per_gpu,
                    run.tokens_per_s_per_gpu_low, run.tokens_per_s_per_gpu_high)},
       {"useful tokens/s", padding_text(run)},
       {"tokens/s total", fmt::format("{:.0f} useful", run.tokens_per_s_total)},
       {"step time", fmt::format("{:.2f} s", run.step_s)},
       {"FLOP utilization", fmt::format("{:.0f}%", 100 * run.mfu)},
       {"training time", hours_text(run.train_hours) + " (80% range " +
                             hours_text(run.train_hours_low) + " to " +
                             hours_text(run.train_hours_high) + ")"},
       {"of which", hours_text(run.steady_train_hours) + " steady steps + " +
                        hours_text(run.startup_hours) + " startup" +
                        (run.eval_hours > 0 ? " + " + hours_text(run.eval_hours) + " evaluation"
                                            : std::string())}});
  return pairs;
}

void write_run_table(const DurationReport& report, std::ostream& out) {
  write_key_values(out, table_pairs(report));
  write_assumptions(out, report.run.assumptions);
}

// Figures that exist only for a run that fits: null otherwise, never a misleading 0.
nlohmann::json figure(const DurationEstimate& run, double value) {
  return run.fits ? nlohmann::json(value) : nlohmann::json(nullptr);
}

// The setup sits under "setup" (setup_json, as `vram` prints it); when nothing fits it is the
// setup that came nearest, i.e. what the search tried (docs/json-output.md#time).
nlohmann::json run_json(const DurationReport& report) {
  const DurationEstimate& run = report.run;
  return {{"model",
           {{"id", report.model_id},
            {"name", report.model_name},
            {"params_total", report.params_total},
            {"params_active", report.params_active}}},
          {"dataset_tokens", report.dataset_tokens},
          {"epochs", report.epochs},
          {"gpu", run.gpu_id},
          {"gpus", run.gpus},
          {"fits", run.fits},
          {"why_not", run.why_not},
          {"setup", setup_json(run.setup)},
          {"peak_reserved_gib", figure(run, run.peak_reserved_gib)},
          {"capacity_gib", run.capacity_gib},
          {"tokens_per_s_per_gpu", figure(run, run.tokens_per_s_per_gpu)},
          {"tokens_per_s_per_gpu_low", figure(run, run.tokens_per_s_per_gpu_low)},
          {"tokens_per_s_per_gpu_high", figure(run, run.tokens_per_s_per_gpu_high)},
          {"useful_tokens_per_s_per_gpu", figure(run, run.useful_tokens_per_s_per_gpu)},
          {"padding_efficiency", figure(run, run.padding_efficiency)},
          {"sequence_tokens", figure(run, run.sequence_tokens)},
          {"tokens_per_s_total", figure(run, run.tokens_per_s_total)},
          {"step_s", figure(run, run.step_s)},
          {"flop_utilization", figure(run, run.mfu)},
          {"train_hours", figure(run, run.train_hours)},
          {"train_hours_low", figure(run, run.train_hours_low)},
          {"train_hours_high", figure(run, run.train_hours_high)},
          {"steady_train_hours", figure(run, run.steady_train_hours)},
          {"startup_hours", figure(run, run.startup_hours)},
          {"eval_hours", figure(run, run.eval_hours)},
          {"range_calibrated", run.band_calibrated},
          {"assumptions", assumptions_json(run.assumptions)}};
}

// One row; the setup's keys become columns of their own (except `gpus`, already a column of the
// run with the same value) and assumptions are joined by "; ".
void write_run_csv(const DurationReport& report, std::ostream& out) {
  std::vector<std::string> header;
  std::vector<std::string> row;
  const nlohmann::json object = run_json(report);
  for (const auto& [key, value] : object.items()) {
    if (key == "setup") {
      for (const auto& [setup_key, setup_value] : value.items()) {
        if (!object.contains(setup_key)) {
          header.push_back(setup_key);
          row.push_back(json_cell_text(setup_value));
        }
      }
    } else if (key == "assumptions") {
      std::string joined;
      for (const auto& item : value) {
        joined += (joined.empty() ? "" : "; ") + item.at("text").get<std::string>();
      }
      header.push_back(key);
      row.push_back(joined);
    } else if (value.is_object()) {  // "model": model_id, model_name
      for (const auto& [inner_key, inner_value] : value.items()) {
        std::string column = key;
        column += "_" + inner_key;
        header.push_back(column);
        row.push_back(json_cell_text(inner_value));
      }
    } else {
      header.push_back(key);
      row.push_back(json_cell_text(value));
    }
  }
  write_csv(out, header, {row});
}

}  // namespace

void render_duration(const DurationReport& report, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Table:
      write_run_table(report, out);
      return;
    case OutputFormat::Json:
      out << run_json(report).dump(2) << '\n';
      return;
    case OutputFormat::Csv:
      write_run_csv(report, out);
      return;
    case OutputFormat::Html:  // refused on the command line (add_format_option)
      throw std::invalid_argument("html is a format of plan and vram only");
  }
}

}  // namespace ftcost::render
