// A small catalog, a hand-made duration model and a request shared by the planner and renderer
// tests.
#pragma once

#include <map>
#include <string>

#include "ftcost/plan/planner.hpp"

namespace ftcost::test {

using ftcost::Catalog;
using ftcost::DurationEstimate;
using ftcost::Offer;
using ftcost::PlanRequest;
using ftcost::Tier;

inline ftcost::BillingRule billing(double granularity_s, double minimum_s) {
  ftcost::BillingRule rule;
  rule.granularity_s = granularity_s;
  rule.minimum_s = minimum_s;
  return rule;
}

inline ftcost::Provider market() {
  ftcost::Provider p;
  p.id = "p";
  p.name = "Provider P";
  p.kind = ftcost::ProviderKind::Marketplace;
  p.billing = billing(60, 0);
  p.storage.running_usd_per_gb_month = 0.1;
  p.storage.stopped_usd_per_gb_month = 0.2;
  p.network.egress_usd_per_gb = 0.05;
  p.network.egress_free_gb_per_month = 10;
  p.spot.emplace();
  p.spot->cause = ftcost::InterruptionCause::Outbid;
  p.spot->hazard_per_hour = 0.1;
  p.spot->restart_minutes = 15;
  p.reliability.emplace();
  p.reliability->value = 0.98;
  return p;
}

inline Offer offer(std::string provider, std::string gpu, std::int64_t gpus, Tier tier,
                   double usd) {
  Offer o;
  o.provider = std::move(provider);
  o.gpu = std::move(gpu);
  o.gpus = gpus;
  o.tier = tier;
  o.usd_per_hour = usd;
  o.as_of = "2026-11-01";
  return o;
}

inline Catalog catalog() {
  Catalog c;
  c.providers = {market()};
  c.offers = {offer("p", "rtx-4090", 1, Tier::OnDemand, 0.34),
              offer("p", "rtx-4090", 1, Tier::Spot, 0.2),
              offer("p", "h100-sxm", 1, Tier::OnDemand, 2.5),
              offer("p", "a100-80gb-sxm", 1, Tier::OnDemand, 1.4),
              offer("p", "t4", 1, Tier::OnDemand, 0.1)};
  return c;
}

// Hand-made duration model: 2 h on an RTX 4090, 0.8 h on an H100, 1.2 h on an A100, the job
// does not fit a T4; N GPUs divide the time by N.
inline DurationEstimate fake_run(const std::string& gpu, std::int64_t gpus) {
  static const std::map<std::string, double> hours{
      {"rtx-4090", 2.0}, {"h100-sxm", 0.8}, {"a100-80gb-sxm", 1.2}};
  DurationEstimate run;
  run.gpu_id = gpu;
  run.gpus = gpus;
  const auto it = hours.find(gpu);
  run.fits = it != hours.end();
  run.why_not = run.fits ? "" : "needs 18.0 GiB per GPU, has 14.6 GiB";
  run.train_hours = run.fits ? it->second / static_cast<double>(gpus) : 0;
  return run;
}

inline PlanRequest request() {
  PlanRequest r;
  r.artifacts = {.base_model_bytes = 10e9,
                 .dataset_bytes = 0,
                 .adapter_bytes = 0.1e9,
                 .merged_model_bytes = 10e9,
                 .checkpoint_bytes = 0.3e9};
  r.download_gb_per_s = 0.5;
  r.image_pull_minutes = 6;
  r.image_gb = 0;
  r.top = 0;
  return r;
}

}  // namespace ftcost::test
