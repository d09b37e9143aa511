// write_literal: one function per data struct, listing every field by name.
#include "cpp_literals.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

namespace ftcost::data {
namespace {

// `Type{.a = ..., .b = ...}`: the braces open on construction and close on destruction.
class Fields {
 public:
  Fields(std::ostream& out, std::string_view type) : out_(out) {
    out_ << "ftcost::" << type << '{';
  }
  Fields(const Fields&) = delete;
  Fields& operator=(const Fields&) = delete;
  ~Fields() { out_ << '}'; }

  template <class T>
  Fields& operator()(std::string_view name, const T& value) {
    out_ << (first_ ? "." : ", .") << name << " = ";
    write_literal(out_, value);
    first_ = false;
    return *this;
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

void write_enum(std::ostream& out, std::string_view type, int value) {
  out << "static_cast<ftcost::" << type << ">(" << value << ')';
}

}  // namespace

void write_literal(std::ostream& out, double value) {
  if (std::isinf(value)) {
    out << (value < 0 ? "-" : "") << "std::numeric_limits<double>::infinity()";
    return;
  }
  // The shortest text that reads back as the same double (std::to_chars round-trip guarantee).
  std::array<char, 32> text{};
  const auto result = std::to_chars(text.data(), text.data() + text.size(), value);
  const std::string_view digits(text.data(), static_cast<std::size_t>(result.ptr - text.data()));
  out << digits;
  if (digits.find_first_of(".e") == std::string_view::npos) {
    out << ".0";
  }
}

void write_literal(std::ostream& out, std::int64_t value) {
  out << "INT64_C(" << value << ')';
}

void write_literal(std::ostream& out, bool value) {
  out << (value ? "true" : "false");
}

namespace {

// The characters of a C++ string literal, without its quotes.
void write_escaped(std::ostream& out, std::string_view value) {
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (byte < 0x20 || byte >= 0x7f || c == '?') {
      // Three octal digits always end the escape (a hex escape would swallow following digits);
      // '?' is escaped so no trigraph can form.
      out << '\\' << static_cast<char>('0' + (byte >> 6))
          << static_cast<char>('0' + ((byte >> 3) & 7)) << static_cast<char>('0' + (byte & 7));
    } else {
      out << c;
    }
  }
}

}  // namespace

void write_literal(std::ostream& out, const std::string& value) {
  out << "std::string(\"";
  write_escaped(out, value);
  out << "\", " << value.size() << ')';
}

void write_literal(std::ostream& out, Text value) {
  if (value.empty()) {
    out << "ftcost::Text()";
    return;
  }
  // A record laid out by the compiler: no interning when the table is built.
  out << "ftcost::text_literal<\"";
  write_escaped(out, value);
  out << "\">()";
}

void write_literal(std::ostream& out, Interconnect value) {
  write_enum(out, "Interconnect", static_cast<int>(value));
}
void write_literal(std::ostream& out, Tier value) {
  write_enum(out, "Tier", static_cast<int>(value));
}
void write_literal(std::ostream& out, InterruptionCause value) {
  write_enum(out, "InterruptionCause", static_cast<int>(value));
}
void write_literal(std::ostream& out, ProviderKind value) {
  write_enum(out, "ProviderKind", static_cast<int>(value));
}

void write_literal(std::ostream& out, const AmbiguousAlias& value) {
  Fields(out, "AmbiguousAlias")("alias", value.alias)("variants", value.variants)("why", value.why);
}

void write_literal(std::ostream& out, const Gpu& value) {
  Fields(out, "Gpu")("id", value.id)("name", value.name)("vendor", value.vendor)(
      "architecture", value.architecture)("memory_gb", value.memory_gb)(
      "memory_gib", value.memory_gib)("memory_bandwidth_gb_per_s", value.memory_bandwidth_gb_per_s)(
      "bf16_dense_tflops", value.bf16_dense_tflops)("fp16_dense_tflops", value.fp16_dense_tflops)(
      "fp8_dense_tflops", value.fp8_dense_tflops)("fp32_tflops", value.fp32_tflops)(
      "achievable_tflops", value.achievable_tflops)("achievable_tflops_source",
                                                    value.achievable_tflops_source)(
      "achievable_bandwidth_gb_per_s", value.achievable_bandwidth_gb_per_s)(
      "achievable_bandwidth_source", value.achievable_bandwidth_source)(
      "bf16_supported", value.bf16_supported)("flash_attention_supported",
                                              value.flash_attention_supported)(
      "interconnect", value.interconnect)("nvlink_gb_per_s", value.nvlink_gb_per_s)(
      "source", value.source)("aliases", value.aliases)(
      "memory_gib_source", value.memory_gib_source)("default_for", value.default_for);
}

void write_literal(std::ostream& out, const LinearSpec& value) {
  Fields(out, "LinearSpec")("name", value.name)("in_features", value.in_features)(
      "out_features", value.out_features)("copies", value.copies)(
      "active_copies", value.active_copies)("has_bias", value.has_bias);
}

void write_literal(std::ostream& out, const BlockGroup& value) {
  Fields(out, "BlockGroup")("layers", value.layers)("linears", value.linears)(
      "other_params", value.other_params)("mlp_hidden", value.mlp_hidden)(
      "gated_mlp", value.gated_mlp)("experts_per_token", value.experts_per_token);
}

void write_literal(std::ostream& out, const ModelArch& value) {
  Fields(out, "ModelArch")("id", value.id)("name", value.name)("family", value.family)(
      "source", value.source)("hf_repo", value.hf_repo)("hidden_size", value.hidden_size)(
      "num_layers", value.num_layers)("num_heads", value.num_heads)(
      "num_kv_heads", value.num_kv_heads)("head_dim", value.head_dim)(
      "vocab_size", value.vocab_size)("max_position_embeddings", value.max_position_embeddings)(
      "tied_embeddings", value.tied_embeddings)("blocks", value.blocks)(
      "embedding_params", value.embedding_params)("lm_head_params", value.lm_head_params)(
      "final_params", value.final_params)("vision_params", value.vision_params)(
      "published_params", value.published_params)("published_active_params",
                                                  value.published_active_params);
}

void write_literal(std::ostream& out, const BillingRule& value) {
  Fields(out, "BillingRule")("granularity_s", value.granularity_s)("minimum_s", value.minimum_s)(
      "source", value.source)("assumption", value.assumption);
}

void write_literal(std::ostream& out, const StorageRates& value) {
  Fields(out, "StorageRates")("running_usd_per_gb_month", value.running_usd_per_gb_month)(
      "stopped_usd_per_gb_month", value.stopped_usd_per_gb_month)("free_gb", value.free_gb)(
      "product", value.product)("source", value.source)("assumption", value.assumption);
}

void write_literal(std::ostream& out, const NetworkVolumeRates& value) {
  Fields(out, "NetworkVolumeRates")("usd_per_gb_month", value.usd_per_gb_month)(
      "product", value.product)("source", value.source);
}

void write_literal(std::ostream& out, const NetworkRates& value) {
  Fields(out, "NetworkRates")("egress_usd_per_gb", value.egress_usd_per_gb)(
      "egress_free_gb_per_month", value.egress_free_gb_per_month)(
      "ingress_usd_per_gb", value.ingress_usd_per_gb)("source", value.source)("assumption",
                                                                              value.assumption);
}

void write_literal(std::ostream& out, const SpotRules& value) {
  Fields(out, "SpotRules")("notice_s", value.notice_s)("cause", value.cause)(
      "hazard_per_hour", value.hazard_per_hour)("restart_minutes", value.restart_minutes)(
      "source", value.source)("hazard_source", value.hazard_source);
}

void write_literal(std::ostream& out, const HostReliability& value) {
  Fields(out, "HostReliability")("value", value.value)("source", value.source)("assumption",
                                                                               value.assumption);
}

void write_literal(std::ostream& out, const MultiNode& value) {
  Fields(out, "MultiNode")("min_gpus_per_instance", value.min_gpus_per_instance)(
      "fabric", value.fabric)("source", value.source);
}

void write_literal(std::ostream& out, const Provider& value) {
  Fields(out, "Provider")("id", value.id)("name", value.name)("kind", value.kind)(
      "billing", value.billing)("storage", value.storage)("network_volume", value.network_volume)(
      "network", value.network)("spot", value.spot)("reliability", value.reliability)(
      "multi_node", value.multi_node)("free_transfer_to_stores", value.free_transfer_to_stores);
}

void write_literal(std::ostream& out, const Offer& value) {
  Fields(out, "Offer")("provider", value.provider)("gpu", value.gpu)("gpus", value.gpus)(
      "tier", value.tier)("usd_per_hour", value.usd_per_hour)("instance_type", value.instance_type)(
      "region", value.region)("hazard_per_hour", value.hazard_per_hour)(
      "reliability", value.reliability)("storage_usd_per_gb_month", value.storage_usd_per_gb_month)(
      "egress_usd_per_gb", value.egress_usd_per_gb)("ingress_usd_per_gb", value.ingress_usd_per_gb)(
      "source", value.source)("as_of", value.as_of)("note", value.note);
}

void write_literal(std::ostream& out, const CheckpointStore& value) {
  Fields(out, "CheckpointStore")("id", value.id)("name", value.name)(
      "usd_per_gb_month", value.usd_per_gb_month)("free_gb", value.free_gb)(
      "write_gb_per_s", value.write_gb_per_s)("source", value.source)("as_of", value.as_of);
}

void write_literal(std::ostream& out, const UnpricedOffer& value) {
  Fields(out, "UnpricedOffer")("where", value.where)("provider", value.provider)("gpu", value.gpu)(
      "gpus", value.gpus)("tier", value.tier)("reason", value.reason);
}

void write_literal(std::ostream& out, const Catalog& value) {
  Fields(out, "Catalog")("schema_version", value.schema_version)("version", value.version)(
      "as_of", value.as_of)("providers", value.providers)(
      "checkpoint_stores", value.checkpoint_stores)("offers", value.offers)("unpriced",
                                                                            value.unpriced);
}

}  // namespace ftcost::data
