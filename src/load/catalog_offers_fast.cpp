// read_catalog_offers_fast: RapidJSON's SAX reader over 64 KiB chunks of the file, offers built
// straight from its events. nlohmann's lexer was 40% of loading a 100,000-offer catalog and the
// file text 17 MB of its peak memory; this pass holds neither (docs/catalog.md#size).
#include "catalog_offers_fast.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string_view>

#include "catalog_json.hpp"
#include "ftcost/load/catalog_load.hpp"

namespace ftcost::load {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const noexcept { (void)std::fclose(file); }
};

/// RapidJSON's input-stream concept over a file, read in chunks; the bytes taken while
/// `capture` is on are kept (the parts of the file the checked reader still reads).
class CapturingFileStream {
 public:
  using Ch = char;

  explicit CapturingFileStream(std::FILE* file) : file_(file) { refill(); }

  [[nodiscard]] Ch Peek() const noexcept { return current_; }
  Ch Take() {
    const Ch c = current_;
    if (at_end_) {
      return c;
    }
    if (capture_) {
      captured_.push_back(c);
    }
    ++taken_;
    if (++position_ == filled_) {
      refill();
    } else {
      current_ = buffer_[position_];
    }
    return c;
  }
  [[nodiscard]] std::size_t Tell() const noexcept { return taken_; }

  // Only in-situ parsing writes to the stream, and this parse is not in situ.
  Ch* PutBegin() noexcept { return nullptr; }
  std::size_t PutEnd(Ch*) noexcept { return 0; }
  void Put(Ch) noexcept {}
  void Flush() noexcept {}

  void capture(bool on) noexcept { capture_ = on; }
  void keep(char c) { captured_.push_back(c); }
  [[nodiscard]] bool at_end() const noexcept { return at_end_; }
  [[nodiscard]] std::string& captured() noexcept { return captured_; }

 private:
  void refill() {
    filled_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    position_ = 0;
    at_end_ = filled_ == 0;
    current_ = at_end_ ? '\0' : buffer_[0];
  }

  std::FILE* file_;
  std::array<char, 65536> buffer_{};
  std::size_t filled_ = 0;
  std::size_t position_ = 0;
  std::size_t taken_ = 0;
  char current_ = '\0';
  bool at_end_ = false;
  bool capture_ = true;
  std::string captured_;
};

enum class Field : std::uint8_t {
  Provider,
  Gpu,
  Gpus,
  Tier,
  UsdPerHour,
  InstanceType,
  Region,
  HazardPerHour,
  Reliability,
  StorageUsdPerGbMonth,
  EgressUsdPerGb,
  IngressUsdPerGb,
  Source,
  AsOf,
  Note,
};

// The keys read_offer accepts, in Field order.
constexpr std::array<std::string_view, 15> kFieldNames{"provider",
                                                       "gpu",
                                                       "gpus",
                                                       "tier",
                                                       "usd_per_hour",
                                                       "instance_type",
                                                       "region",
                                                       "hazard_per_hour",
                                                       "reliability",
                                                       "storage_usd_per_gb_month",
                                                       "egress_usd_per_gb",
                                                       "ingress_usd_per_gb",
                                                       "source",
                                                       "as_of",
                                                       "note"};

constexpr std::uint32_t bit(Field field) {
  return 1U << static_cast<unsigned>(field);
}
constexpr std::uint32_t kRequired = bit(Field::Provider) | bit(Field::Gpu) | bit(Field::Gpus) |
                                    bit(Field::Tier) | bit(Field::UsdPerHour) | bit(Field::Source) |
                                    bit(Field::AsOf);

bool printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

bool in_range(double value, double min, double max) {
  return std::isfinite(value) && value >= min && value <= max;
}

/// The SAX handler: tracks where in the document each event is, builds offers from the events
/// inside /offers, and returns false (which stops the parse) at anything read_offer might judge
/// differently.
class OfferHandler {
 public:
  OfferHandler(CapturingFileStream& stream, const std::vector<std::string>& known_gpus,
               std::vector<Offer>& offers)
      : stream_(stream), known_gpus_(known_gpus), offers_(offers) {}

  [[nodiscard]] bool saw_offers() const noexcept { return saw_offers_; }

  // RapidJSON's handler concept. Scalars outside /offers are the checked reader's; inside it,
  // one must be the value of an offer's key.
  bool Null() { return !in_offers_; }
  bool Bool(bool) { return !in_offers_; }
  // Numbers arrive as their text (kParseNumbersAsStringsFlag), never through these.
  bool Int(int) { return !in_offers_; }
  bool Uint(unsigned) { return !in_offers_; }
  bool Int64(std::int64_t) { return !in_offers_; }
  bool Uint64(std::uint64_t) { return !in_offers_; }
  bool Double(double) { return !in_offers_; }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    return !in_offers_ || (in_offer() && number(std::string_view(text, length)));
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return !in_offers_ || (in_offer() && string(std::string_view(text, length)));
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    const std::string_view key(text, length);
    if (depth_ == 1 && root_is_object_) {
      key_is_offers_ = key == "offers";
      return !(key_is_offers_ && saw_offers_);  // a second "offers": the checked reader says so
    }
    if (!in_offer()) {
      return true;
    }
    const auto* found = std::find(kFieldNames.begin(), kFieldNames.end(), key);
    if (found == kFieldNames.end()) {
      return false;
    }
    field_ = static_cast<Field>(found - kFieldNames.begin());
    if ((seen_ & bit(field_)) != 0) {
      return false;
    }
    seen_ |= bit(field_);
    return true;
  }
  bool StartObject() {
    if (depth_ == 0) {
      root_is_object_ = true;
    }
    if (in_offer()) {
      return false;  // offers hold no nested values
    }
    if (in_offers_ && depth_ == 2) {
      offers_.emplace_back();
      seen_ = 0;
    }
    ++depth_;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth_;
    if (in_offers_ && depth_ == 2) {
      return (seen_ & kRequired) == kRequired;
    }
    return true;
  }
  bool StartArray() {
    if (in_offer() || (in_offers_ && depth_ == 2)) {
      return false;
    }
    if (depth_ == 1 && root_is_object_ && key_is_offers_) {
      in_offers_ = true;
      saw_offers_ = true;
      // The iterative reader takes a bracket after its event (reader.h, Transit): '[' has to
      // be kept by hand, and ']' is taken once capture is back on.
      stream_.keep('[');
      stream_.capture(false);
    }
    ++depth_;
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    if (in_offers_ && depth_ == 1) {
      in_offers_ = false;
      stream_.capture(true);
    }
    return true;
  }

 private:
  [[nodiscard]] bool in_offer() const noexcept { return in_offers_ && depth_ == 3; }
  Offer& offer() { return offers_.back(); }

  // A number's text, converted as the checked reader converts it: a count only from plain
  // digits (it reads "2.0" too, so that goes its way), the rest correctly rounded like strtod.
  // RapidJSON's own conversion is not used: 1.1.0's full-precision path misreads numbers past
  // 19 significant digits (Tencent/rapidjson#2326).
  bool number(std::string_view text) {
    const char* const end = text.data() + text.size();
    if (field_ == Field::Gpus) {
      if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
      }
      std::int64_t count = 0;
      const auto [ptr, error] = std::from_chars(text.data(), end, count);
      if (error != std::errc() || ptr != end || count < 1 || count > kMaxGpusPerInstance) {
        return false;
      }
      offer().gpus = count;
      return true;
    }
    double value = 0;
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    // Out of a double's range (either way), the checked reader decides what to say.
    return error == std::errc() && ptr == end && real(value);
  }

  bool real(double v) {
    switch (field_) {
      case Field::UsdPerHour:
        offer().usd_per_hour = v;
        return v > 0 && in_range(v, 0, kMaxUsdPerHour);
      case Field::HazardPerHour:
        offer().hazard_per_hour = v;
        return in_range(v, 0, kMaxHazardPerHour);
      case Field::Reliability:
        offer().reliability = v;
        return v > 0 && in_range(v, 0, 1);
      case Field::StorageUsdPerGbMonth:
        offer().storage_usd_per_gb_month = v;
        return in_range(v, 0, kMaxStorageUsdPerGbMonth);
      case Field::EgressUsdPerGb:
        offer().egress_usd_per_gb = v;
        return in_range(v, 0, kMaxTransferUsdPerGb);
      case Field::IngressUsdPerGb:
        offer().ingress_usd_per_gb = v;
        return in_range(v, 0, kMaxTransferUsdPerGb);
      default:
        return false;  // a number where text (or an integer count) belongs
    }
  }

  bool string(std::string_view text) {
    if (!printable_ascii(text)) {
      return false;
    }
    switch (field_) {
      // Checked before interning: a rejected file leaves less in the pool.
      case Field::Provider:
        if (!is_valid_id(text)) {
          return false;
        }
        offer().provider = Text(text);
        return true;
      case Field::Gpu:
        if (std::find(known_gpus_.begin(), known_gpus_.end(), text) == known_gpus_.end()) {
          return false;
        }
        offer().gpu = Text(text);
        return true;
      case Field::Tier:
        if (text == "on-demand" || text == "spot") {
          offer().tier = text == "spot" ? Tier::Spot : Tier::OnDemand;
          return true;
        }
        return false;
      case Field::InstanceType:
        offer().instance_type = Text(text);
        return true;
      case Field::Region:
        offer().region = Text(text);
        return true;
      case Field::Source:
        offer().source = Text(text);
        return true;
      case Field::AsOf:
        if (!days_from_date(text)) {
          return false;
        }
        offer().as_of = Text(text);
        return true;
      case Field::Note:
        offer().note = Text(text);
        return true;
      default:
        return false;  // text where a number belongs
    }
  }

  CapturingFileStream& stream_;
  const std::vector<std::string>& known_gpus_;
  std::vector<Offer>& offers_;
  int depth_ = 0;  // containers open
  bool root_is_object_ = false;
  bool key_is_offers_ = false;  // the last key of the root object was "offers"
  bool in_offers_ = false;      // inside the root's "offers" array
  bool saw_offers_ = false;
  Field field_ = Field::Provider;  // the key of the value that comes next, inside an offer
  std::uint32_t seen_ = 0;         // the keys this offer has had, as bit(Field)
};

}  // namespace

std::optional<FastCatalogRead> read_catalog_offers_fast(
    const std::string& path, std::uintmax_t max_bytes, const std::vector<std::string>& known_gpus) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return std::nullopt;
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > max_bytes) {
    return std::nullopt;
  }
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return std::nullopt;
  }
  FastCatalogRead read;
  // Reserved, not touched: the vector never regrows (see parse_catalog).
  read.offers.reserve(static_cast<std::size_t>(size) / kMinOfferJsonBytes);
  CapturingFileStream stream(file.get());
  OfferHandler handler(stream, known_gpus, read.offers);
  rapidjson::Reader reader;
  // Iterative: no recursion however deep the nesting. Numbers as text: converted by
  // OfferHandler::number as strtod would. Validated encoding: invalid UTF-8 stops the pass.
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag |
                              rapidjson::kParseValidateEncodingFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  // RapidJSON ends the document at a NUL byte; the checked reader does not: the whole file must
  // have been read.
  if (!result || !handler.saw_offers() || !stream.at_end() || stream.Tell() > max_bytes ||
      std::ferror(file.get()) != 0) {
    return std::nullopt;
  }
  read.rest = std::move(stream.captured());
  return read;
}

}  // namespace ftcost::load
