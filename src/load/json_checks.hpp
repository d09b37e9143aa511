// Structural checks every JSON input gets while it is parsed: bounded nesting, no duplicate keys.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ftcost::load {

/// The deepest nesting of arrays and objects any JSON input may have. Real configs, catalogs and
/// dataset rows nest a handful of levels; the limit keeps every recursive walk of a parsed value
/// (string counting, dump()) far from the stack's end. 512 is also simdjson's default depth.
inline constexpr int kMaxJsonDepth = 512;

/// The state of an nlohmann parser callback (see callback()) that throws
/// InputError (ExitCode::InvalidData) naming `origin`:
///   - "<origin>: <pointer>: duplicate key" for the second occurrence of a key in one object;
///   - "<origin>: JSON nested deeper than 512 levels" before such a level is built.
/// It never discards a value (always returns true).
class JsonStructureCheck {
 public:
  explicit JsonStructureCheck(std::string origin);

  bool operator()(int depth, nlohmann::json::parse_event_t event, const nlohmann::json& parsed);

  /// A parser callback that forwards to this object, which must outlive the parse.
  [[nodiscard]] nlohmann::json::parser_callback_t callback();

 private:
  struct Frame {
    bool object = false;
    std::set<std::string, std::less<>> keys;  // keys seen so far (objects)
    std::string key;                          // the current member's key (objects)
    std::size_t index = 0;                    // the current element's index (arrays)
  };

  void open(int depth, bool object);
  void close_value();
  [[nodiscard]] std::string pointer() const;

  std::string origin_;
  std::vector<Frame> frames_;
};

}  // namespace ftcost::load
