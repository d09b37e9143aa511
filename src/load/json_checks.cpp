// parse_checked: duplicate keys and nesting depth checked while the document is built.
#include "json_checks.hpp"

#include <optional>
#include <set>
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
    if (!streamed_.empty() && streaming_depth_ == 0 && pointer(frames_.size() - 1) == streamed_) {
      streaming_depth_ = frames_.size();
    }
    return builder().start_array(n);
  }
  bool end_object() {
    frames_.pop_back();
    return closed(builder().end_object());
  }
  bool end_array() {
    if (streaming_depth_ == frames_.size()) {
      streaming_depth_ = 0;  // the streamed array itself ends
    }
    frames_.pop_back();
    return closed(builder().end_array());
  }
  bool key(json::string_t& name) {
    Frame& frame = frames_.back();
    frame.key = name;
    if (!frame.keys.insert(name).second) {
      throw InputError(origin_, pointer(frames_.size()), "duplicate key",
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
  struct Frame {
    bool object = false;
    std::set<std::string, std::less<>> keys;  // keys seen so far (objects)
    std::string key;                          // the current member's key (objects)
    std::size_t index = 0;                    // the current element's index (arrays)
  };

  [[nodiscard]] bool at_stream_element() const {
    return streaming_depth_ != 0 && frames_.size() == streaming_depth_ && !element_builder_;
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
    if (element_builder_ && frames_.size() == streaming_depth_) {
      element_builder_.reset();
      visit_(element_, frames_.back().index);
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
    // frames_.size() counts the containers already open, so the outermost one has depth 0.
    if (frames_.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      throw InputError(origin_, "",
                       "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                       "at most " + std::to_string(kMaxJsonDepth) + " levels of arrays and objects",
                       ExitCode::InvalidData);
    }
    frames_.push_back(Frame{.object = object, .keys = {}, .key = {}, .index = 0});
  }

  // A container ended: it may complete a streamed element, and it is one element of its parent.
  bool closed(bool ok) {
    finish_element();
    next_element();
    return ok;
  }

  // A value just ended: in an array, the next one is the following element.
  void next_element() {
    if (!frames_.empty() && !frames_.back().object) {
      ++frames_.back().index;
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
  std::vector<Frame> frames_;
  std::size_t streaming_depth_ = 0;  // frames_.size() inside the streamed array; 0 outside
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
