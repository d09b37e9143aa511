// Reading one provider of a catalog: billing, storage, network, spot, reliability, multi-node.
#include <algorithm>

#include "catalog_json.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/load/catalog_load.hpp"

namespace ftcost::load {
namespace {

// Upper bounds that catch unit slips (cents for dollars, minutes for seconds), not real limits.
constexpr double kMaxSeconds = 86400;
constexpr double kMaxUsdPerGbMonth = 100;
constexpr double kMaxUsdPerGb = 10;
constexpr double kMaxGb = 1e9;

BillingRule read_billing(const JsonCursor& c) {
  c.reject_unknown_keys({"granularity_s", "minimum_s", "source", "assumption"});
  return {.granularity_s = c.at("granularity_s").number(1, kMaxSeconds),
          .minimum_s = c.at("minimum_s").number(0, kMaxSeconds),
          .source = c.at("source").string(),
          .assumption = c.at("assumption").boolean()};
}

StorageRates read_storage(const JsonCursor& c) {
  c.reject_unknown_keys({"running_usd_per_gb_month", "stopped_usd_per_gb_month", "free_gb",
                         "product", "source", "assumption"});
  const auto free = c.find("free_gb");
  return {.running_usd_per_gb_month = c.at("running_usd_per_gb_month").number(0, kMaxUsdPerGbMonth),
          .stopped_usd_per_gb_month = c.at("stopped_usd_per_gb_month").number(0, kMaxUsdPerGbMonth),
          .free_gb = free ? free->number(0, kMaxGb) : 0.0,
          .product = optional_string(c, "product"),
          .source = c.at("source").string(),
          .assumption = c.at("assumption").boolean()};
}

NetworkVolumeRates read_network_volume(const JsonCursor& c) {
  c.reject_unknown_keys({"usd_per_gb_month", "product", "source"});
  return {.usd_per_gb_month = c.at("usd_per_gb_month").number(0, kMaxUsdPerGbMonth),
          .product = optional_string(c, "product"),
          .source = c.at("source").string()};
}

NetworkRates read_network(const JsonCursor& c) {
  c.reject_unknown_keys({"egress_usd_per_gb", "egress_free_gb_per_month", "ingress_usd_per_gb",
                         "source", "assumption"});
  const auto free = c.find("egress_free_gb_per_month");
  return {.egress_usd_per_gb = c.at("egress_usd_per_gb").number(0, kMaxUsdPerGb),
          .egress_free_gb_per_month = free ? free->number(0, kMaxGb) : 0.0,
          .ingress_usd_per_gb = c.at("ingress_usd_per_gb").number(0, kMaxUsdPerGb),
          .source = c.at("source").string(),
          .assumption = c.at("assumption").boolean()};
}

SpotRules read_spot(const JsonCursor& c) {
  c.reject_unknown_keys(
      {"notice_s", "cause", "hazard_per_hour", "restart_minutes", "source", "hazard_source"});
  return {.notice_s = c.at("notice_s").number(0, kMaxSeconds),
          .cause = read_enum<InterruptionCause>(c.at("cause")),
          .hazard_per_hour = c.at("hazard_per_hour").number(0, 100),
          .restart_minutes = c.at("restart_minutes").number(0, kMaxSeconds / 60),
          .source = c.at("source").string(),
          .hazard_source = c.at("hazard_source").string()};
}

HostReliability read_reliability(const JsonCursor& c) {
  c.reject_unknown_keys({"value", "source", "assumption"});
  const JsonCursor value = c.at("value");
  const double share = value.number(0, 1);
  if (share <= 0) {
    value.fail("reliability must be greater than 0", "a share of uptime in (0, 1]");
  }
  return {.value = share,
          .source = c.at("source").string(),
          .assumption = c.at("assumption").boolean()};
}

MultiNode read_multi_node(const JsonCursor& c) {
  c.reject_unknown_keys({"min_gpus_per_instance", "fabric", "source"});
  return {.min_gpus_per_instance = c.at("min_gpus_per_instance").integer(1, 64),
          .fabric = c.at("fabric").string(),
          .source = c.at("source").string()};
}

}  // namespace

bool is_valid_id(std::string_view id) noexcept {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string read_id(const JsonCursor& cursor) {
  std::string id = cursor.string();
  if (!is_valid_id(id)) {
    cursor.fail("invalid id '" + id + "'", "lowercase letters, digits and '-'");
  }
  return id;
}

std::string read_date(const JsonCursor& cursor) {
  std::string date = cursor.string();
  if (!days_from_date(date)) {
    cursor.fail("invalid date '" + date + "'", "YYYY-MM-DD, YYYY-MM or YYYY");
  }
  return date;
}

template <class E>
E read_enum(const JsonCursor& cursor) {
  const std::string name = cursor.string();
  if (auto value = enum_from_name<E>(name)) {
    return *value;
  }
  const std::string hint = did_you_mean(name, enum_names<E>());
  cursor.fail("'" + name + "' is not one of " + join_names(enum_names<E>()), hint);
}

template Tier read_enum<Tier>(const JsonCursor&);

Provider read_provider(const JsonCursor& c) {
  c.reject_unknown_keys({"id", "name", "kind", "billing", "storage", "network_volume", "network",
                         "spot", "host_reliability", "multi_node", "free_transfer_to_stores"});
  Provider p;
  p.id = read_id(c.at("id"));
  p.name = c.at("name").string();
  p.kind = read_enum<ProviderKind>(c.at("kind"));
  p.billing = read_billing(c.at("billing"));
  p.storage = read_storage(c.at("storage"));
  p.network = read_network(c.at("network"));
  if (auto volume = c.find("network_volume")) {
    p.network_volume = read_network_volume(*volume);
  }
  if (auto spot = c.find("spot")) {
    p.spot = read_spot(*spot);
  }
  if (auto reliability = c.find("host_reliability")) {
    p.reliability = read_reliability(*reliability);
  }
  if (auto multi = c.find("multi_node")) {
    p.multi_node = read_multi_node(*multi);
  }
  if (auto stores = c.find("free_transfer_to_stores")) {
    for (const JsonCursor& store : stores->elements()) {
      p.free_transfer_to_stores.push_back(read_id(store));
    }
  }
  return p;
}

}  // namespace ftcost::load
