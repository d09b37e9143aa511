// Accuracy benchmark: every memory row of bench/data/calibration.csv through the memory model,
// predicted vs measured on the same metric, then the median and worst error (issue 2, sec. 4).
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "calibration_case.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/memory/memory.hpp"
#include "ftcost/memory/memory_fit.hpp"
#include "ftcost/setup/resolve.hpp"

namespace {

using ftcost::bench::CalibrationCase;
using ftcost::bench::Metric;

struct Scored {
  std::string id;
  double error_pct = 0;
};

const char* metric_name(Metric metric) {
  switch (metric) {
    case Metric::Allocated:
      return "allocated";
    case Metric::Reserved:
      return "reserved";
    case Metric::Device:
      return "device";
    case Metric::Unspecified:
      return "unspecified";
    case Metric::Capacity:
      return "capacity";
    case Metric::Oom:
      return "oom";
  }
  return "?";
}

/// The prediction on the footing the source measured; "unspecified" is compared with reserved
/// (docs/memory-model.md#calibration says why).
double predicted_gib(const ftcost::MemoryEstimate& e, Metric metric) {
  switch (metric) {
    case Metric::Allocated:
      return ftcost::bytes_to_gib(e.peak_allocated_bytes);
    case Metric::Reserved:
    case Metric::Unspecified:
      return ftcost::bytes_to_gib(e.peak_reserved_bytes);
    case Metric::Device:
      return ftcost::bytes_to_gib(e.device_total_bytes);
    case Metric::Capacity:
    case Metric::Oom:
      return ftcost::bytes_to_gib(ftcost::fit_bytes(e));
  }
  return 0;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void print_summary(const std::vector<Scored>& scored, int bound_ok, int bound_total) {
  std::vector<double> abs_errors;
  abs_errors.reserve(scored.size());
  for (const Scored& s : scored) {
    abs_errors.push_back(std::abs(s.error_pct));
  }
  const auto worst = std::max_element(
      scored.begin(), scored.end(),
      [](const auto& a, const auto& b) { return std::abs(a.error_pct) < std::abs(b.error_pct); });
  const auto within = [&](double limit) {
    return std::count_if(abs_errors.begin(), abs_errors.end(),
                         [&](double e) { return e <= limit; });
  };
  fmt::print("\nmeasured rows: {}\n", scored.size());
  fmt::print("median |error|: {:.1f}%\n", median(abs_errors));
  fmt::print("worst row: {} ({:+.1f}%)\n", worst->id, worst->error_pct);
  fmt::print("within 10%: {} / {}; within 25%: {} / {}\n", within(10), scored.size(), within(25),
             scored.size());
  fmt::print("bound rows (capacity/oom) consistent: {} / {}\n", bound_ok, bound_total);
}

int run(const std::string& path) {
  const auto& presets = ftcost::default_model_presets();
  std::vector<Scored> scored;
  int bound_ok = 0;
  int bound_total = 0;
  fmt::print("{:<7} {:<18} {:<6} {:<10} {:<12} {:>9} {:>9} {:>8}  {}\n", "id", "model", "method",
             "framework", "metric", "pred_gib", "meas_gib", "error", "binding");
  for (const auto& row : ftcost::bench::read_csv_file(path)) {
    if (!ftcost::bench::is_memory_row(row)) {
      continue;
    }
    const CalibrationCase c = ftcost::bench::to_case(row);
    const ftcost::ModelArch arch = ftcost::resolve_model(c.model, presets).arch;
    const ftcost::TrainingSetup setup = ftcost::resolve_setup(arch, c.request).setup;
    const ftcost::MemoryEstimate e = ftcost::estimate_memory(arch, setup);
    const double predicted = predicted_gib(e, c.metric);
    std::string verdict;
    if (c.metric == Metric::Capacity || c.metric == Metric::Oom) {
      const bool ok =
          c.metric == Metric::Capacity ? predicted <= c.measured_gib : predicted > c.measured_gib;
      ++bound_total;
      bound_ok += ok ? 1 : 0;
      verdict = std::string(c.metric == Metric::Capacity ? "<= " : "> ") + (ok ? "ok" : "VIOLATED");
    } else {
      const double error = (predicted - c.measured_gib) / c.measured_gib * 100;
      scored.push_back({c.id, error});
      verdict = fmt::format("{:+.1f}%", error);
    }
    fmt::print("{:<7} {:<18} {:<6} {:<10} {:<12} {:>9.2f} {:>9.2f} {:>8}  {}\n", c.id, c.model,
               std::string(ftcost::name_of(setup.method)), c.framework_as_published,
               metric_name(c.metric), predicted, c.measured_gib, verdict,
               std::string(ftcost::name_of(e.binding_phase)));
  }
  print_summary(scored, bound_ok, bound_total);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc > 1 ? argv[1] : FTCOST_CALIBRATION_CSV);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "accuracy_bench: %s\n", error.what());  // cannot throw, unlike fmt
    return 1;
  }
}
