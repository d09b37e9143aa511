// Reading one offer and one checkpoint store of a catalog.
#include <algorithm>

#include "catalog_json.hpp"
#include "ftcost/base/spelling.hpp"

namespace ftcost::load {
namespace {

double read_positive(const JsonCursor& c, double max, const std::string& what) {
  const double value = c.number(0, max);
  if (value <= 0) {
    c.fail(what + " must be greater than 0, got 0");
  }
  return value;
}

std::string read_gpu_id(const JsonCursor& c, const std::vector<std::string>& known_gpus) {
  std::string gpu = c.string();
  if (std::find(known_gpus.begin(), known_gpus.end(), gpu) == known_gpus.end()) {
    const std::string hint = did_you_mean(gpu, known_gpus);
    c.fail("unknown GPU id '" + gpu + "'", hint.empty() ? "an id of `ftcost gpus`" : hint);
  }
  return gpu;
}

}  // namespace

std::string optional_string(const JsonCursor& c, std::string_view key) {
  auto member = c.find(key);
  return member ? member->string() : std::string();
}

CheckpointStore read_store(const JsonCursor& c) {
  c.reject_unknown_keys(
      {"id", "name", "usd_per_gb_month", "free_gb", "write_gb_per_s", "source", "as_of"});
  const auto free = c.find("free_gb");
  return {.id = read_id(c.at("id")),
          .name = c.at("name").string(),
          .usd_per_gb_month = c.at("usd_per_gb_month").number(0, 100),
          .free_gb = free ? free->number(0, 1e9) : 0.0,
          .write_gb_per_s = read_positive(c.at("write_gb_per_s"), 1000, "write_gb_per_s"),
          .source = c.at("source").string(),
          .as_of = read_date(c.at("as_of"))};
}

Offer read_offer(const JsonCursor& c, const std::vector<std::string>& known_gpus) {
  c.reject_unknown_keys({"provider", "gpu", "gpus", "tier", "usd_per_hour", "instance_type",
                         "region", "hazard_per_hour", "reliability", "storage_usd_per_gb_month",
                         "egress_usd_per_gb", "ingress_usd_per_gb", "source", "as_of", "note"});
  Offer offer;
  offer.provider = read_id(c.at("provider"));
  offer.gpu = read_gpu_id(c.at("gpu"), known_gpus);
  offer.gpus = c.at("gpus").integer(1, kMaxGpusPerInstance);
  offer.tier = read_enum<Tier>(c.at("tier"));
  offer.usd_per_hour = read_positive(c.at("usd_per_hour"), kMaxUsdPerHour, "usd_per_hour");
  offer.instance_type = optional_string(c, "instance_type");
  offer.region = optional_string(c, "region");
  if (auto hazard = c.find("hazard_per_hour")) {
    offer.hazard_per_hour = hazard->number(0, kMaxHazardPerHour);
  }
  if (auto reliability = c.find("reliability")) {
    offer.reliability = read_positive(*reliability, 1, "reliability");
  }
  if (auto storage = c.find("storage_usd_per_gb_month")) {
    offer.storage_usd_per_gb_month = storage->number(0, kMaxStorageUsdPerGbMonth);
  }
  if (auto egress = c.find("egress_usd_per_gb")) {
    offer.egress_usd_per_gb = egress->number(0, kMaxTransferUsdPerGb);
  }
  if (auto ingress = c.find("ingress_usd_per_gb")) {
    offer.ingress_usd_per_gb = ingress->number(0, kMaxTransferUsdPerGb);
  }
  offer.source = c.at("source").string();
  offer.as_of = read_date(c.at("as_of"));
  offer.note = optional_string(c, "note");
  return offer;
}

}  // namespace ftcost::load
