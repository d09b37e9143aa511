// parse_checked: duplicate keys and nesting depth checked while the document is built.
#include "json_checks.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ftcost/base/error.hpp"
#include "json_reader.hpp"

namespace ftcost::load {

namespace {

using json = nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<json>;

/// nlohmann's SAX interface: checks each event, then forwards it to the document's builder, or,
/// inside an element of the streamed array, to that element's own builder.
class CheckedBuilder {
 public:
  CheckedBuilder(json& result, const std::string& origin, std::string_view streamed,
                 const ElementVisitor& visit)
      : origin_(origin), streamed_(streamed), visit_(visit), document_(result) {}

  bool null() {
    return scalar([](DomBuilder& b) { return b.null(); });
  }
  bool boolean(bool v) {
    return scalar([v](DomBuilder& b) { return b.boolean(v); });
  }
  bool number_integer(json::number_integer_t v) {
    return scalar([v](DomBuilder& b) { return b.number_integer(v); });
  }
  bool number_unsigned(json::number_unsigned_t v) {
    return scalar([v](DomBuilder& b) { return b.number_unsigned(v); });
  }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    return scalar([v, &s](DomBuilder& b) { return b.number_float(v, s); });
  }
  bool string(json::string_t& v) {
    return scalar([&v](DomBuilder& b) { return b.string(v); });
  }
  bool binary(json::binary_t& v) {
    return scalar([&v](DomBuilder& b) { return b.binary(v); });
  }
  bool start_object(std::size_t n) {
    begin_element();
    open(true);
    return builder().start_object(n);
  }
  bool start_array(std::size_t n) {
    begin_element();
    open(false);
    if (!streamed_.empty() && streaming_depth_ == 0 && pointer(depth_ - 1) == streamed_) {
      streaming_depth_ = depth_;
    }
    return builder().start_array(n);
  }
  bool end_object() {
    --depth_;
    return closed(builder().end_object());
  }
  bool end_array() {
    if (streaming_depth_ == depth_) {
      streaming_depth_ = 0;  // the streamed array itself ends
    }
    --depth_;
    return closed(builder().end_array());
  }
  bool key(json::string_t& name) {
    Frame& frame = frames_[depth_ - 1];
    frame.key.assign(name);
    if (!frame.add_key(name)) {
      throw InputError(origin_, pointer(depth_), "duplicate key",
                       "each key at most once per object", ExitCode::InvalidData);
    }
    return builder().key(name);
  }
  // A template, as nlohmann's builder's: it rethrows the concrete parse_error or out_of_range.
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& error) {
    return document_.parse_error(position, token, error);  // throws it
  }

 private:
  // One open container. Frames are reused from one object to the next (depth_ counts the open
  // ones), so their strings keep their capacity: a 100,000-offer catalog allocates no key.
  struct Frame {
    bool object = false;
    std::vector<std::string> keys;  // keys seen so far (objects): slots [0, key_count)
    std::size_t key_count = 0;
    std::unordered_set<std::string> many;  // all keys, once an object has more than kFewKeys
    std::string key;                       // the current member's key (objects)
    std::size_t index = 0;                 // the current element's index (arrays)

    void reset(bool is_object) {
      object = is_object;
      key_count = 0;
      many.clear();
      index = 0;
    }
    // False when `name` was seen already. A linear scan for the usual few keys; a hash set
    // beyond, so a hostile object with a million keys stays linear.
    bool add_key(const std::string& name) {
      static constexpr std::size_t kFewKeys = 32;
      if (key_count < kFewKeys) {
        const auto end = keys.begin() + static_cast<std::ptrdiff_t>(key_count);
        if (std::find(keys.begin(), end, name) != end) {
          return false;
        }
        if (key_count == keys.size()) {
          keys.push_back(name);
        } else {
          keys[key_count].assign(name);
        }
        ++key_count;
        return true;
      }
      if (many.empty()) {
        many.insert(keys.begin(), keys.end());
      }
      ++key_count;
      return many.insert(name).second;
    }
  };

  [[nodiscard]] bool at_stream_element() const {
    return streaming_depth_ != 0 && depth_ == streaming_depth_ && !element_builder_;
  }

  // A value starts directly in the streamed array: it gets a builder of its own.
  void begin_element() {
    if (at_stream_element()) {
      element_ = json();
      element_builder_.emplace(element_, true);
    }
  }

  // The streamed element just completed: hand it over and drop it.
  void finish_element() {
    if (element_builder_ && depth_ == streaming_depth_) {
      element_builder_.reset();
      visit_(element_, frames_[depth_ - 1].index);
      element_ = json();
    }
  }

  DomBuilder& builder() { return element_builder_ ? *element_builder_ : document_; }

  template <class Event>
  bool scalar(Event event) {
    begin_element();
    const bool ok = event(builder());
    finish_element();
    next_element();
    return ok;
  }

  void open(bool object) {
    // depth_ counts the containers already open, so the outermost one has depth 0.
    if (depth_ >= static_cast<std::size_t>(kMaxJsonDepth)) {
      throw InputError(origin_, "",
                       "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                       "at most " + std::to_string(kMaxJsonDepth) + " levels of arrays and objects",
                       ExitCode::InvalidData);
    }
    if (depth_ == frames_.size()) {
      frames_.emplace_back();
    }
    frames_[depth_++].reset(object);
  }

  // A container ended: it may complete a streamed element, and it is one element of its parent.
  bool closed(bool ok) {
    finish_element();
    next_element();
    return ok;
  }

  // A value just ended: in an array, the next one is the following element.
  void next_element() {
    if (depth_ > 0 && !frames_[depth_ - 1].object) {
      ++frames_[depth_ - 1].index;
    }
  }

  // The JSON Pointer through the first `depth` open containers.
  [[nodiscard]] std::string pointer(std::size_t depth) const {
    std::string text;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& frame = frames_[i];
      text += '/';
      text += frame.object ? escape_pointer_token(frame.key) : std::to_string(frame.index);
    }
    return text;
  }

  const std::string& origin_;
  std::string_view streamed_;
  const ElementVisitor& visit_;
  DomBuilder document_;
  std::vector<Frame> frames_;        // [0, depth_) are open; the rest wait to be reused
  std::size_t depth_ = 0;            // containers open
  std::size_t streaming_depth_ = 0;  // depth_ inside the streamed array; 0 outside
  json element_;
  std::optional<DomBuilder> element_builder_;
};

}  // namespace

json parse_checked(std::string_view text, const std::string& origin,
                   std::string_view streamed_array, const ElementVisitor& visit) {
  json result;
  CheckedBuilder builder(result, origin, streamed_array, visit);
  json::sax_parse(text.begin(), text.end(), &builder);
  return result;
}

}  // namespace ftcost::load
