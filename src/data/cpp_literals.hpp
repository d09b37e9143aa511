// C++ source text for the loaded default data: each value written as an expression that rebuilds
// it exactly (designated initializers, so a renamed or reordered field fails to compile).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/gpu/gpu.hpp"
#include "ftcost/model/model.hpp"

namespace ftcost::data {

void write_literal(std::ostream& out, double value);
void write_literal(std::ostream& out, std::int64_t value);
void write_literal(std::ostream& out, bool value);
void write_literal(std::ostream& out, const std::string& value);
void write_literal(std::ostream& out, Text value);
void write_literal(std::ostream& out, Interconnect value);
void write_literal(std::ostream& out, Tier value);
void write_literal(std::ostream& out, InterruptionCause value);
void write_literal(std::ostream& out, ProviderKind value);
void write_literal(std::ostream& out, const AmbiguousAlias& value);
void write_literal(std::ostream& out, const Gpu& value);
void write_literal(std::ostream& out, const LinearSpec& value);
void write_literal(std::ostream& out, const BlockGroup& value);
void write_literal(std::ostream& out, const ModelArch& value);
void write_literal(std::ostream& out, const BillingRule& value);
void write_literal(std::ostream& out, const StorageRates& value);
void write_literal(std::ostream& out, const NetworkVolumeRates& value);
void write_literal(std::ostream& out, const NetworkRates& value);
void write_literal(std::ostream& out, const SpotRules& value);
void write_literal(std::ostream& out, const HostReliability& value);
void write_literal(std::ostream& out, const MultiNode& value);
void write_literal(std::ostream& out, const Provider& value);
void write_literal(std::ostream& out, const Offer& value);
void write_literal(std::ostream& out, const CheckpointStore& value);
void write_literal(std::ostream& out, const UnpricedOffer& value);
void write_literal(std::ostream& out, const Catalog& value);

template <class T>
void write_literal(std::ostream& out, const std::optional<T>& value) {
  if (value) {
    write_literal(out, *value);
  } else {
    out << "std::nullopt";
  }
}

template <class T>
void write_literal(std::ostream& out, const std::vector<T>& values) {
  out << '{';
  for (std::size_t i = 0; i < values.size(); ++i) {
    out << (i == 0 ? "\n" : ",\n");
    write_literal(out, values[i]);
  }
  out << '}';
}

}  // namespace ftcost::data
