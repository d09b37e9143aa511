// `vastai search offers --raw` JSON (docs/catalog.md#import): one on-demand offer per ask, plus
// an interruptible one when the ask has a minimum bid. Field meanings: shared ecosystem notes 5c.
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "../json_reader.hpp"
#include "ftcost/base/error.hpp"
#include "imported_rows.hpp"

namespace ftcost::load {

namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxValueChars = 60;
// More GPUs than any marketplace host has; also keeps the count far inside ImportedOffer::gpus.
constexpr std::uint64_t kMaxGpus = 1024;
// Vast's gpu_ram is MiB-ish (24564 for a 24 GB card), so GB = gpu_ram / 1024, rounded.
constexpr double kMiBPerGB = 1024;

enum class Bound { Positive, NonNegative, Share, GpuMiB };  // > 0, >= 0, 0..1, >= 0.5 GB

// `value` as JSON text, cut to kMaxValueChars without splitting a UTF-8 sequence.
std::string value_text(const Json* value) {
  if (value == nullptr) {
    return {};
  }
  std::string text = value->dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > kMaxValueChars) {
    std::size_t end = kMaxValueChars - 3;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
      --end;
    }
    text.resize(end);
    text += "...";
  }
  return text;
}

// Reads one offer's fields. The first unusable field is remembered (the offer is then skipped
// naming it) and later reads return nullopt, so a caller checks ok() once after reading all.
class OfferFields {
 public:
  explicit OfferFields(const Json& offer) : offer_(offer) {}

  [[nodiscard]] bool ok() const { return problem_.empty(); }

  // A member, or nullptr when absent or null (Vast sends null for unknown values).
  [[nodiscard]] const Json* find(std::string_view key) const {
    const auto it = offer_.find(key);
    return it == offer_.end() || it->is_null() ? nullptr : &*it;
  }

  std::optional<double> number(std::string_view key, Bound bound, bool required = false) {
    const Json* value = present(key, required);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (!value->is_number() || !std::isfinite(value->get<double>())) {
      return fail(key, value, "not a number");
    }
    const auto number = value->get<double>();
    if ((bound == Bound::Positive || bound == Bound::GpuMiB) && !(number > 0)) {
      return fail(key, value, "not a positive number");
    }
    if (number < 0) {
      return fail(key, value, "negative");
    }
    if (bound == Bound::Share && number > 1) {
      return fail(key, value, "not a share from 0 to 1");
    }
    if (bound == Bound::GpuMiB && std::round(number / kMiBPerGB) < 1) {
      return fail(key, value, "less than 512 MB per GPU");
    }
    return number;
  }

  // A required integer from 1 to `max`; an integral float (4.0) counts, as elsewhere in ftcost,
  // while it is exact (up to 2^53).
  std::optional<std::uint64_t> count(std::string_view key, std::uint64_t max) {
    const Json* value = present(key, true);
    if (value == nullptr) {
      return std::nullopt;
    }
    std::optional<std::uint64_t> count;
    if (value->is_number_unsigned()) {
      count = value->get<std::uint64_t>();
    } else if (value->is_number_float()) {
      const auto number = value->get<double>();
      if (number >= 1 && number <= 0x1p53 && std::floor(number) == number) {
        count = static_cast<std::uint64_t>(number);
      }
    }
    if (!count || *count == 0) {
      return fail(key, value, "not a positive integer");
    }
    if (*count > max) {
      return fail(key, value, "more than " + std::to_string(max));
    }
    return count;
  }

  std::optional<std::string> text(std::string_view key, bool required = false) {
    const Json* value = present(key, required);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (!value->is_string()) {
      return fail(key, value, "not a string");
    }
    if (required && value->get_ref<const std::string&>().empty()) {
      return fail(key, value, "empty");
    }
    return value->get<std::string>();
  }

  std::optional<bool> flag(std::string_view key) {
    const Json* value = present(key, false);
    if (value != nullptr && !value->is_boolean()) {
      return fail(key, value, "not true or false");
    }
    return value == nullptr ? std::nullopt : std::optional<bool>(value->get<bool>());
  }

  // The offer at JSON Pointer `base`, skipped for the remembered field.
  [[nodiscard]] SkippedRow skipped(const std::string& base) const {
    const std::string key(key_);
    return {base + "/" + escape_pointer_token(key), key, value_text(value_), problem_};
  }

 private:
  const Json* present(std::string_view key, bool required) {
    if (!ok()) {
      return nullptr;
    }
    const Json* value = find(key);
    if (value == nullptr && required) {
      fail(key, nullptr, "missing (required)");
    }
    return value;
  }

  std::nullopt_t fail(std::string_view key, const Json* value, std::string problem) {
    if (ok()) {
      key_ = key;
      value_ = value;
      problem_ = std::move(problem);
    }
    return std::nullopt;
  }

  const Json& offer_;
  std::string_view key_;
  const Json* value_ = nullptr;
  std::string problem_;
};

// The offers array of either accepted top level; anything else is a whole-file error.
const Json& offers_array(const Json& root, const std::string& origin, std::string& base) {
  const std::string accepted =
      "a JSON array of offers as `vastai search offers --raw` prints it, or an object with an "
      "\"offers\" array";
  if (root.is_array()) {
    return root;
  }
  std::string found = "the top level is " + describe_json(root);
  if (root.is_object()) {
    const auto offers = root.find("offers");
    if (offers != root.end() && offers->is_array()) {
      base = "/offers";
      return *offers;
    }
    found = offers == root.end() ? "the top level is an object without \"offers\""
                                 : "\"offers\" is " + describe_json(*offers);
  }
  throw InputError(origin, "", found, accepted, ExitCode::InvalidData);
}

// Reads one element into `rows`: its offers, or one skipped row saying why not.
void read_offer(const Json& element, const std::string& where, ImportRows& rows) {
  if (!element.is_object()) {
    rows.skipped.push_back({where, "", value_text(&element), "not an offer object"});
    return;
  }
  OfferFields fields(element);
  const auto rentable = fields.flag("rentable");
  const auto rented = fields.flag("rented");
  const auto id = fields.count("id", std::numeric_limits<std::uint64_t>::max());
  const auto gpus = fields.count("num_gpus", kMaxGpus);
  auto gpu_name = fields.text("gpu_name", true);
  const auto dph_total = fields.number("dph_total", Bound::Positive, true);
  const auto gpu_ram = fields.number("gpu_ram", Bound::GpuMiB);
  // Prefer "reliability"; only some responses carry "reliability2" instead.
  const auto reliability = fields.find("reliability") != nullptr
                               ? fields.number("reliability", Bound::Share)
                               : fields.number("reliability2", Bound::Share);
  const auto storage = fields.number("storage_cost", Bound::NonNegative);
  const auto egress = fields.number("inet_up_cost", Bound::NonNegative);
  const auto ingress = fields.number("inet_down_cost", Bound::NonNegative);
  const auto dph_base = fields.number("dph_base", Bound::NonNegative);
  const auto min_bid = fields.number("min_bid", Bound::NonNegative);
  auto region = fields.text("geolocation");
  if (!fields.ok()) {
    rows.skipped.push_back(fields.skipped(where));
    return;
  }
  if (rentable == false || rented == true) {
    const std::string key = rented == true ? "rented" : "rentable";
    rows.skipped.push_back(
        {where + "/" + key, key, rented == true ? "true" : "false", "not rentable"});
    return;
  }

  ImportedOffer offer;
  offer.where = where;
  offer.provider = "vast";
  offer.gpu_name = std::move(*gpu_name);
  if (gpu_ram) {
    offer.gpu_memory_gb = std::round(*gpu_ram / kMiBPerGB);
  }
  offer.gpus = static_cast<std::int64_t>(*gpus);
  offer.usd_per_hour = *dph_total;
  offer.instance_type = "ask " + std::to_string(*id);
  offer.region = std::move(region).value_or("");
  offer.reliability = reliability;
  offer.storage_usd_per_gb_month = storage;
  offer.egress_usd_per_gb = egress;
  offer.ingress_usd_per_gb = ingress;
  offer.note = "dph_total includes the searched disk allocation";
  rows.offers.push_back(offer);

  // A bid at or above the on-demand price buys nothing an on-demand rental would not.
  if (min_bid && *min_bid > 0 && *min_bid < *dph_total) {
    // min_bid prices the GPU rental only; dph_total - dph_base is the disk's share of the price.
    offer.tier = Tier::Spot;
    offer.usd_per_hour = *min_bid;
    offer.note = "interruptible at the current min_bid (you may be outbid)";
    if (dph_base && *dph_base <= *dph_total) {
      offer.usd_per_hour += *dph_total - *dph_base;
      offer.note += "; plus dph_total - dph_base for the disk, assumed not in min_bid";
    }
    rows.offers.push_back(std::move(offer));
  }
}

}  // namespace

ImportRows read_vast_offers_json(std::string_view text, const std::string& origin) {
  const Json root = parse_json_text(text, origin);
  std::string base;
  const Json& offers = offers_array(root, origin, base);
  ImportRows rows;
  rows.rows = offers.size();
  rows.offers.reserve(2 * offers.size());  // at most an on-demand and a spot offer each
  for (std::size_t index = 0; index < offers.size(); ++index) {
    read_offer(offers[index], base + "/" + std::to_string(index), rows);
  }
  return rows;
}

}  // namespace ftcost::load
