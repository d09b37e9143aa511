// Throughput accuracy: every throughput row of bench/data/calibration.csv through the duration
// model, predicted vs measured tokens/s per GPU: in-sample (the shipped constants) and with each
// source family left out of the fit (leave-one-source-out), against the flat 6N-at-35% rule.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calibration_case.hpp"
#include "duration_fit.hpp"
#include "ftcost/duration/duration.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/model/params.hpp"
#include "ftcost/setup/resolve.hpp"

namespace {

// PEFT's MetaMathQA runs cap sequences at 768 but its samples average about 210 tokens and
// tokens/s counts unpadded tokens (the rows' notes); the model is run at that length.
const std::map<std::string, std::int64_t> kEffectiveSeqLen{
    {"pm-01", 210}, {"pm-02", 210}, {"pm-03", 210}, {"pm-05", 210}};

// The rule most planners use: 6·N FLOPs per token at 35% of the dense 16-bit peak.
constexpr double kFlatUtilization = 0.35;

struct Scored {
  std::string id;
  std::string method;
  double predicted = 0;
  double measured = 0;
  double flat = 0;
  double held_out = 0;  ///< prediction with the row's source family left out of the fit
  [[nodiscard]] double error() const { return std::abs(predicted - measured) / measured; }
  [[nodiscard]] double flat_error() const { return std::abs(flat - measured) / measured; }
  [[nodiscard]] double held_out_error() const { return std::abs(held_out - measured) / measured; }
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The source family: the id's prefix (tt-07 -> tt), one publisher's set of runs. XTuner's
// benchmark page (xt) and its Llama 3 (xl) and Mixtral (xm) READMEs are one team's runs, held out
// together.
std::string family_of(const std::string& id) {
  const std::string prefix = id.substr(0, id.find('-'));
  return prefix == "xl" || prefix == "xm" ? "xt" : prefix;
}

ftcost::bench::ThroughputCase make_case(const ftcost::bench::CsvRow& row) {
  const auto c = ftcost::bench::to_case(row);
  const auto arch = ftcost::resolve_model(c.model, ftcost::default_model_presets()).arch;
  const ftcost::Gpu gpu = ftcost::resolve_gpu(row.at("gpu"), ftcost::default_gpus());
  auto setup = ftcost::resolve_setup(arch, c.request).setup;
  if (const auto it = kEffectiveSeqLen.find(c.id); it != kEffectiveSeqLen.end()) {
    setup.seq_len = it->second;
  }
  // The collective bandwidth of the run's machines where the row states them (cloud instances
  // whose network, not NVLink or InfiniBand, carries the gathers), else the model's default.
  std::optional<double> link;
  if (const std::string& text = row.at("link_gb_per_s"); !text.empty()) {
    link = std::stod(text);
  }
  return {.id = c.id,
          .family = family_of(c.id),
          .method = row.at("method"),
          .generation = gpu.architecture,
          .framework = row.at("framework"),
          .measured = std::stod(row.at("tokens_per_s_per_gpu")),
          .predict = [arch, setup, gpu, link](const ftcost::DurationConstants& constants) {
            const auto step = ftcost::step_time(arch, setup, gpu,
                                                {.link_gb_per_s = link, .constants = constants});
            return step.tokens / step.total_s;
          }};
}

double flat_rule(const ftcost::bench::CsvRow& row) {
  const auto arch =
      ftcost::resolve_model(ftcost::bench::to_case(row).model, ftcost::default_model_presets())
          .arch;
  const auto& gpu = ftcost::resolve_gpu(row.at("gpu"), ftcost::default_gpus());
  const double peak = gpu.bf16_supported ? gpu.bf16_dense_tflops : gpu.fp16_dense_tflops;
  return peak * 1e12 * kFlatUtilization /
         (6 * static_cast<double>(ftcost::count_params(arch).total));
}

double within_25(const std::vector<double>& errors) {
  return 100.0 *
         static_cast<double>(
             std::count_if(errors.begin(), errors.end(), [](double e) { return e <= 0.25; })) /
         static_cast<double>(errors.size());
}

void print_summary(const std::string& label, const std::vector<const Scored*>& rows) {
  std::vector<double> errors;
  std::vector<double> held_out;
  std::vector<double> flat_errors;
  errors.reserve(rows.size());
  held_out.reserve(rows.size());
  flat_errors.reserve(rows.size());
  for (const Scored* row : rows) {
    errors.push_back(row->error());
    held_out.push_back(row->held_out_error());
    flat_errors.push_back(row->flat_error());
  }
  fmt::print(
      "{:<22} rows {:>2}  held out: median {:5.1f}%  within 25% {:5.1f}%   in-sample: median "
      "{:5.1f}%   flat 6N@35%: median {:5.1f}%  within 25% {:5.1f}%\n",
      label, rows.size(), 100 * median(held_out), within_25(held_out), 100 * median(errors),
      100 * median(flat_errors), within_25(flat_errors));
}

// Summaries per value of `key` (method, GPU generation, framework, source family).
void print_strata(const std::string& title, const std::vector<Scored>& scored,
                  const std::vector<ftcost::bench::ThroughputCase>& cases,
                  const std::function<std::string(const ftcost::bench::ThroughputCase&)>& key) {
  std::map<std::string, std::vector<const Scored*>> strata;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    strata[key(cases[i])].push_back(&scored[i]);
  }
  fmt::print("by {}:\n", title);
  for (const auto& [value, rows] : strata) {
    print_summary("  " + value, rows);
  }
}

// The q-quantile (0..1) of `values`, linear between order statistics.
double quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double frac = position - static_cast<double>(below);
  return values[below] * (1 - frac) + values[above] * frac;
}

// The 80% interval of the held-out log errors log(predicted / measured) per method (the values
// the core ships as kThroughputLogErrorBands), and its coverage: each row is checked against the
// band computed without its own source family, so no row tests an interval it helped make.
void print_intervals(const std::vector<ftcost::bench::ThroughputCase>& cases,
                     const std::vector<double>& held_out) {
  std::vector<double> log_errors;
  log_errors.reserve(held_out.size());
  for (const double e : held_out) {
    log_errors.push_back(std::log(1 + e));
  }
  fmt::print("80% bands of held-out log(predicted/measured) (p10, p90), shipped in the core:\n");
  for (const char* method : {"full", "lora", "qlora"}) {
    std::vector<double> own;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (cases[i].method == method) {
        own.push_back(log_errors[i]);
      }
    }
    fmt::print("  {:<6} rows {:>2}  p10 {:+.3f}  p90 {:+.3f}\n", method, own.size(),
               quantile(own, 0.1), quantile(own, 0.9));
  }
  fmt::print("  {:<6} rows {:>2}  p10 {:+.3f}  p90 {:+.3f}\n", "all", log_errors.size(),
             quantile(log_errors, 0.1), quantile(log_errors, 0.9));
  // Coverage of a band made from the other sources' rows: of the same method, or of all methods.
  for (const bool same_method : {true, false}) {
    int inside = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      std::vector<double> others;
      for (std::size_t j = 0; j < cases.size(); ++j) {
        if (cases[j].family != cases[i].family &&
            (!same_method || cases[j].method == cases[i].method)) {
          others.push_back(log_errors[j]);
        }
      }
      if (log_errors[i] >= quantile(others, 0.1) && log_errors[i] <= quantile(others, 0.9)) {
        ++inside;
      }
    }
    fmt::print("coverage of an 80% band from the other sources ({}): {} / {} = {:.1f}%\n",
               same_method ? "same method" : "all methods", inside, cases.size(),
               100.0 * inside / static_cast<double>(cases.size()));
  }
  // The pooled band widened about its median by w: the smallest w that covers 80% of the rows
  // from the other sources is what the core ships (kThroughputBandWidening).
  for (const double w : {1.0, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.5, 2.0}) {
    int inside = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      std::vector<double> others;
      for (std::size_t j = 0; j < cases.size(); ++j) {
        if (cases[j].family != cases[i].family) {
          others.push_back(log_errors[j]);
        }
      }
      const double mid = quantile(others, 0.5);
      const double low = mid + w * (quantile(others, 0.1) - mid);
      const double high = mid + w * (quantile(others, 0.9) - mid);
      inside += log_errors[i] >= low && log_errors[i] <= high ? 1 : 0;
    }
    fmt::print("  widened x{:.2f}: coverage {} / {} = {:.1f}%\n", w, inside, cases.size(),
               100.0 * inside / static_cast<double>(cases.size()));
  }
  fmt::print("  pooled median {:+.3f}\n", quantile(log_errors, 0.5));
}

void print_constants(const std::string& label, const ftcost::DurationConstants& k) {
  fmt::print(
      "{:<26} GEMM eff. {:.3f}; traffic eager {:.2f} fused {:.2f}; "
      "launch us eager {:.0f} fused {:.0f}\n",
      label, k.matmul_efficiency, k.eager_traffic, k.fused_traffic, k.eager_launch_us,
      k.fused_launch_us);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<ftcost::bench::ThroughputCase> cases;
    std::vector<Scored> scored;
    std::map<std::string, std::string> notes;
    for (const auto& row :
         ftcost::bench::read_csv_file(argc > 1 ? argv[1] : FTCOST_CALIBRATION_CSV)) {
      if (row.at("use") == "throughput" || row.at("use") == "both") {
        cases.push_back(make_case(row));
        const auto& c = cases.back();
        scored.push_back({.id = c.id,
                          .method = c.method,
                          .predicted = c.predict(ftcost::DurationConstants{}),
                          .measured = c.measured,
                          .flat = flat_rule(row)});
        notes[row.at("id")] = row.at("notes");
      }
    }
    const std::vector<double> held_out = ftcost::bench::leave_one_source_out(cases);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      scored[i].held_out = cases[i].measured * (1 + held_out[i]);
    }
    fmt::print("{:<6} {:<6} {:>10} {:>10} {:>8} {:>9} {:>8}\n", "id", "method", "predicted",
               "measured", "error", "held out", "flat");
    for (const Scored& row : scored) {
      const auto pct = [&row](double value) { return 100 * (value - row.measured) / row.measured; };
      fmt::print("{:<6} {:<6} {:>10.0f} {:>10.0f} {:>+7.1f}% {:>+8.1f}% {:>+7.1f}%\n", row.id,
                 row.method, row.predicted, row.measured, pct(row.predicted), pct(row.held_out),
                 pct(row.flat));
    }
    std::vector<const Scored*> all;
    all.reserve(scored.size());
    for (const Scored& row : scored) {
      all.push_back(&row);
    }
    print_summary("all", all);
    print_strata("method", scored, cases, [](const auto& c) { return c.method; });
    print_strata("GPU generation", scored, cases, [](const auto& c) { return c.generation; });
    print_strata("framework", scored, cases, [](const auto& c) { return c.framework; });
    print_strata("source family (held out)", scored, cases, [](const auto& c) { return c.family; });
    std::vector<const ftcost::bench::ThroughputCase*> every;
    every.reserve(cases.size());
    for (const auto& c : cases) {
      every.push_back(&c);
    }
    print_intervals(cases, held_out);
    print_constants("shipped constants:", ftcost::DurationConstants{});
    print_constants("refit on all rows:", ftcost::bench::fit_constants(every));
    print_constants("prior (start of each fit):", ftcost::bench::prior_constants());
    const auto worst = std::max_element(
        scored.begin(), scored.end(),
        [](const auto& a, const auto& b) { return a.held_out_error() < b.held_out_error(); });
    fmt::print("worst held out: {} ({:+.0f}%): {}\n", worst->id,
               100 * (worst->held_out - worst->measured) / worst->measured,
               notes[worst->id].substr(0, 300));
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "throughput_bench: %s\n", error.what());  // cannot throw, unlike fmt
    return 1;
  }
}
