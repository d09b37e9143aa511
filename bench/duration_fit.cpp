// Coordinate-descent fit of the duration constants and leave-one-source-out cross-validation.
#include "duration_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace ftcost::bench {

namespace {

struct Knob {
  double DurationConstants::*field;
  double low;
  double high;
};

// Physical bounds: an efficiency is a fraction of peak; traffic and launch cost are positive and
// within an order of magnitude of what kernels are documented to do (docs/duration-model.md).
// Fused kernels still write what backward needs and read it back once, about 2 of the 3-4
// passes' worth of Korthikanti's bytes: their traffic multiple cannot fall below ~0.5.
constexpr std::array<Knob, 5> kKnobs{{
    {&DurationConstants::matmul_efficiency, 0.2, 0.95},
    {&DurationConstants::eager_traffic, 0.5, 10},
    {&DurationConstants::fused_traffic, 0.5, 10},
    {&DurationConstants::eager_launch_us, 5, 2000},
    {&DurationConstants::fused_launch_us, 5, 2000},
}};

constexpr int kGridPoints = 41;
constexpr int kSweeps = 6;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double loss(const std::vector<const ThroughputCase*>& rows, const DurationConstants& k) {
  std::vector<double> errors;
  errors.reserve(rows.size());
  for (const ThroughputCase* row : rows) {
    errors.push_back(std::abs(std::log(row->predict(k) / row->measured)));
  }
  return median(errors);
}

}  // namespace

DurationConstants prior_constants() {
  return {.matmul_efficiency = 0.6,
          .eager_traffic = 2,
          .fused_traffic = 1,
          .eager_launch_us = 100,
          .fused_launch_us = 100};
}

DurationConstants fit_constants(const std::vector<const ThroughputCase*>& rows) {
  DurationConstants best = prior_constants();
  double best_loss = loss(rows, best);
  for (int sweep = 0; sweep < kSweeps; ++sweep) {
    for (const Knob& knob : kKnobs) {
      const double ratio = std::pow(knob.high / knob.low, 1.0 / (kGridPoints - 1));
      for (int i = 0; i < kGridPoints; ++i) {
        DurationConstants trial = best;
        trial.*knob.field = knob.low * std::pow(ratio, i);
        // Ties keep the current value, so a constant no row depends on stays at the prior.
        if (const double l = loss(rows, trial); l < best_loss - 1e-12) {
          best_loss = l;
          best = trial;
        }
      }
    }
  }
  return best;
}

std::vector<double> leave_one_source_out(const std::vector<ThroughputCase>& cases) {
  std::set<std::string> families;
  for (const ThroughputCase& c : cases) {
    families.insert(c.family);
  }
  std::vector<double> errors(cases.size(), 0);
  for (const std::string& held_out : families) {
    std::vector<const ThroughputCase*> training;
    for (const ThroughputCase& c : cases) {
      if (c.family != held_out) {
        training.push_back(&c);
      }
    }
    const DurationConstants fitted = fit_constants(training);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (cases[i].family == held_out) {
        errors[i] = (cases[i].predict(fitted) - cases[i].measured) / cases[i].measured;
      }
    }
  }
  return errors;
}

}  // namespace ftcost::bench
