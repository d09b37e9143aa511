// check_json_structure: duplicate keys, nesting depth and array sizes, in one SAX pass.
#include "json_checks.hpp"

#include <utility>

#include "ftcost/error.hpp"
#include "json_reader.hpp"

namespace ftcost::load {

namespace {

using json = nlohmann::json;

/// nlohmann's SAX interface: every value event closes one element of the enclosing container.
class StructureCheck {
 public:
  StructureCheck(const std::string& origin, const JsonLimits& limits)
      : origin_(origin), limits_(limits) {}

  bool null() { return value(); }
  bool boolean(bool /*unused*/) { return value(); }
  bool number_integer(json::number_integer_t /*unused*/) { return value(); }
  bool number_unsigned(json::number_unsigned_t /*unused*/) { return value(); }
  bool number_float(json::number_float_t /*unused*/, const json::string_t& /*unused*/) {
    return value();
  }
  bool string(json::string_t& /*unused*/) { return value(); }
  bool binary(json::binary_t& /*unused*/) { return value(); }
  bool start_object(std::size_t /*unused*/) { return open(true); }
  bool start_array(std::size_t /*unused*/) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& name) {
    Frame& frame = frames_.back();
    frame.key = name;
    if (!frame.keys.insert(name).second) {
      throw InputError(origin_, pointer(), "duplicate key", "each key at most once per object",
                       ExitCode::InvalidData);
    }
    return true;
  }
  bool parse_error(std::size_t /*unused*/, const std::string& /*unused*/,
                   const nlohmann::detail::exception& /*unused*/) {
    return false;  // the DOM parse that follows reports it with line and column
  }

 private:
  struct Frame {
    bool object = false;
    std::set<std::string, std::less<>> keys;  // keys seen so far (objects)
    std::string key;                          // the current member's key (objects)
    std::size_t index = 0;                    // the current element's index (arrays)
  };

  bool open(bool object) {
    // frames_.size() counts the containers already open, so the outermost one has depth 0.
    if (frames_.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      throw InputError(origin_, "",
                       "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                       "at most " + std::to_string(kMaxJsonDepth) + " levels of arrays and objects",
                       ExitCode::InvalidData);
    }
    frames_.push_back(Frame{.object = object, .keys = {}, .key = {}, .index = 0});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return value();
  }

  // A value just ended: in an array, the next one is the following element.
  bool value() {
    if (frames_.empty() || frames_.back().object) {
      return true;
    }
    if (++frames_.back().index > limits_.max_array_elements) {
      const std::string array = pointer(frames_.size() - 1);
      if (array != limits_.unbounded_array) {
        throw InputError(
            origin_, array,
            "array of more than " + std::to_string(limits_.max_array_elements) + " elements",
            "at most " + std::to_string(limits_.max_array_elements), ExitCode::InvalidData);
      }
    }
    return true;
  }

  // The JSON Pointer of the current value, or of the container `depth` levels down.
  [[nodiscard]] std::string pointer(std::size_t depth) const {
    std::string text;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& frame = frames_[i];
      text += '/';
      text += frame.object ? escape_pointer_token(frame.key) : std::to_string(frame.index);
    }
    return text;
  }
  [[nodiscard]] std::string pointer() const { return pointer(frames_.size()); }

  const std::string& origin_;
  const JsonLimits& limits_;
  std::vector<Frame> frames_;
};

}  // namespace

void check_json_structure(std::string_view text, const std::string& origin,
                          const JsonLimits& limits) {
  StructureCheck check(origin, limits);
  json::sax_parse(text.begin(), text.end(), &check);
}

}  // namespace ftcost::load
