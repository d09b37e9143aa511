// The price catalog: providers, their billing/storage/network/spot rules, and GPU offers (plain
// data).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftcost/base/names.hpp"
#include "ftcost/base/text.hpp"

namespace ftcost {

/// How an offer is sold: on-demand (runs until you stop it) or spot/interruptible (the
/// provider may reclaim it, or a higher bidder may outbid it).
enum class Tier { OnDemand, Spot };

/// Why a spot instance stops: the provider reclaims capacity, or a higher bid displaces it.
enum class InterruptionCause { Reclaim, Outbid };

/// What sort of seller a provider is; marketplaces rent third-party hosts of varying reliability.
enum class ProviderKind { Hyperscaler, Cloud, Marketplace, Serverless };

/// How running time is rounded into billed time: up to a multiple of granularity_s, and at
/// least minimum_s per start.
struct BillingRule {
  double granularity_s = 1;  ///< billing increment, seconds (1 = per second, 60 = per minute)
  double minimum_s = 0;      ///< minimum billed per start, seconds
  std::string source;
  bool assumption = false;  ///< true when no source gave the rule

  [[nodiscard]] bool operator==(const BillingRule&) const = default;  ///< field by field
};

/// Disk attached to the instance, per GB (10^9 bytes) per month of 730 hours.
struct StorageRates {
  double running_usd_per_gb_month = 0;  ///< while the instance runs
  double stopped_usd_per_gb_month = 0;  ///< while stopped, or the volume kept after training
  double free_gb = 0;                   ///< GB that are not billed
  std::string product;                  ///< "EBS gp3", "volume disk", ...
  std::string source;
  bool assumption = false;

  [[nodiscard]] bool operator==(const StorageRates&) const = default;  ///< field by field
};

/// Storage sold apart from instances (RunPod network volumes): billed per GB-month while it
/// exists, attached or not, so a run's data and checkpoints outlive its instances.
struct NetworkVolumeRates {
  double usd_per_gb_month = 0;
  std::string product;  ///< "network volume"
  std::string source;

  [[nodiscard]] bool operator==(const NetworkVolumeRates&) const = default;  ///< field by field
};

/// Internet transfer prices, per GB (10^9 bytes).
struct NetworkRates {
  double egress_usd_per_gb = 0;         ///< out of the provider (user downloads, uploads elsewhere)
  double egress_free_gb_per_month = 0;  ///< free egress allowance per month
  double ingress_usd_per_gb = 0;        ///< into the instance (image, model, dataset downloads)
  std::string source;
  bool assumption = false;

  [[nodiscard]] bool operator==(const NetworkRates&) const = default;  ///< field by field
};

/// The interruption model of a provider's spot tier.
struct SpotRules {
  double notice_s = 0;  ///< warning before the instance stops, seconds (0 = none)
  InterruptionCause cause = InterruptionCause::Reclaim;
  double hazard_per_hour = 0;  ///< default interruptions per instance-hour (a labelled assumption)
  double restart_minutes = 0;  ///< billed time to get running again: provision, pull, reload
  std::string source;          ///< source of the notice and cause
  std::string hazard_source;   ///< where the default hazard comes from (always an assumption)

  [[nodiscard]] bool operator==(const SpotRules&) const = default;  ///< field by field
};

/// Host reliability of a marketplace: the share of time a host is up (0..1).
struct HostReliability {
  double value = 1;
  std::string source;
  bool assumption = false;

  [[nodiscard]] bool operator==(const HostReliability&) const = default;  ///< field by field
};

/// Multi-node capability: instances joined by a fast fabric (InfiniBand, EFA).
struct MultiNode {
  std::int64_t min_gpus_per_instance = 8;  ///< only instances this large join multi-node jobs
  std::string fabric;                      ///< "EFA", "InfiniBand", ...
  std::string source;

  [[nodiscard]] bool operator==(const MultiNode&) const = default;  ///< field by field
};

/// One provider (a cloud, or one tier of a marketplace such as RunPod Community Cloud).
struct Provider {
  std::string id;  ///< "vast", "runpod-community", "aws", ...
  std::string name;
  ProviderKind kind = ProviderKind::Cloud;
  BillingRule billing;
  StorageRates storage;
  std::optional<NetworkVolumeRates> network_volume;  ///< absent: the provider sells none
  NetworkRates network;
  std::optional<SpotRules> spot;                     ///< absent: the provider sells no spot tier
  std::optional<HostReliability> reliability;        ///< absent: not a marketplace (treated as 1)
  std::optional<MultiNode> multi_node;               ///< absent: single-instance jobs only
  std::vector<std::string> free_transfer_to_stores;  ///< checkpoint stores reached without egress

  [[nodiscard]] bool operator==(const Provider&) const = default;  ///< field by field
};

/// One GPU instance shape for rent. Its text fields are Text (one pointer each, shared by every
/// offer that repeats them), so a 100,000-offer catalog takes ~16 MB, not ~36
/// (docs/catalog.md#size).
struct Offer {
  Text provider;          ///< Provider::id
  Text gpu;               ///< canonical GPU id (data/gpus.json)
  std::int64_t gpus = 1;  ///< GPUs per instance (only shapes the provider sells)
  Tier tier = Tier::OnDemand;
  double usd_per_hour = 0;  ///< price of the whole instance per hour, USD
  Text instance_type;       ///< "p5.48xlarge", or empty
  Text region;              ///< "us-east-1", "Texas, US"; empty when the catalog does not say
  std::optional<double> hazard_per_hour;  ///< spot: overrides the provider's default hazard
  std::optional<double> reliability;      ///< overrides the provider's host reliability
  /// Marketplace hosts price their own disk and bandwidth (Vast.ai); each overrides the
  /// provider's rate of the same name when set.
  std::optional<double> storage_usd_per_gb_month;  ///< disk, running and stopped, $/GB-month
  std::optional<double> egress_usd_per_gb;         ///< upload out of the host, $/GB
  std::optional<double> ingress_usd_per_gb;        ///< download into the host, $/GB
  Text source;
  Text as_of;  ///< date of the price: YYYY-MM-DD, YYYY-MM or YYYY
  Text note;

  [[nodiscard]] bool operator==(const Offer&) const = default;  ///< field by field
};

/// External object storage a run may write checkpoints to (--checkpoint-to).
struct CheckpointStore {
  std::string id;  ///< "s3", "gcs", "r2", "b2", ...
  std::string name;
  double usd_per_gb_month = 0;  ///< storage, per GB-month
  double free_gb = 0;           ///< GB not billed
  double write_gb_per_s = 0.5;  ///< checkpoint write speed into the store, GB/s
  std::string source;
  std::string as_of;

  [[nodiscard]] bool operator==(const CheckpointStore&) const = default;  ///< field by field
};

/// An offer left out of a catalog because it has no price (a `null` or missing usd_per_hour): the
/// rest of the file still loads.
struct UnpricedOffer {
  std::string where;  ///< JSON Pointer of the offer, "/offers/7"
  std::string provider;
  std::string gpu;
  std::int64_t gpus = 1;
  Tier tier = Tier::OnDemand;
  std::string reason;  ///< "usd_per_hour is null"

  [[nodiscard]] bool operator==(const UnpricedOffer&) const = default;  ///< field by field
};

/// The whole catalog as loaded and validated (docs/catalog.md).
struct Catalog {
  std::int64_t schema_version = 1;
  std::string version;  ///< the catalog's own version, e.g. "2026-11-29"
  std::string as_of;    ///< date the catalog was assembled
  std::vector<Provider> providers;
  std::vector<CheckpointStore> checkpoint_stores;
  std::vector<Offer> offers;
  std::vector<UnpricedOffer> unpriced;  ///< offers without a price, listed instead of loaded

  /// The provider with this id, or nullptr.
  [[nodiscard]] const Provider* find_provider(std::string_view id) const noexcept;
  /// The checkpoint store with this id, or nullptr.
  [[nodiscard]] const CheckpointStore* find_store(std::string_view id) const noexcept;

  [[nodiscard]] bool operator==(const Catalog&) const = default;  ///< field by field
};

/// "vast/rtx-4090/x1/spot" plus "/instance_type" and "@region" when set: the identity duplicate
/// checks and --catalog-add merges use.
[[nodiscard]] std::string offer_key(const Offer& offer);

/// The offer's price per GPU, USD per hour: usd_per_hour / gpus.
[[nodiscard]] inline double usd_per_gpu_hour(const Offer& offer) noexcept {
  return offer.usd_per_hour / static_cast<double>(offer.gpus);
}

template <>
struct EnumNames<Tier> {
  static constexpr std::array<std::pair<Tier, std::string_view>, 2> kEntries{
      {{Tier::OnDemand, "on-demand"}, {Tier::Spot, "spot"}}};
};
template <>
struct EnumNames<InterruptionCause> {
  static constexpr std::array<std::pair<InterruptionCause, std::string_view>, 2> kEntries{
      {{InterruptionCause::Reclaim, "reclaim"}, {InterruptionCause::Outbid, "outbid"}}};
};
template <>
struct EnumNames<ProviderKind> {
  static constexpr std::array<std::pair<ProviderKind, std::string_view>, 4> kEntries{
      {{ProviderKind::Hyperscaler, "hyperscaler"},
       {ProviderKind::Cloud, "cloud"},
       {ProviderKind::Marketplace, "marketplace"},
       {ProviderKind::Serverless, "serverless"}}};
};

}  // namespace ftcost
