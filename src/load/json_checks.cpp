// JsonStructureCheck: duplicate keys and nesting depth, checked by the parser as it reads.
#include "json_checks.hpp"

#include <utility>

#include "ftcost/error.hpp"
#include "json_reader.hpp"

namespace ftcost::load {

JsonStructureCheck::JsonStructureCheck(std::string origin) : origin_(std::move(origin)) {}

bool JsonStructureCheck::operator()(int depth, nlohmann::json::parse_event_t event,
                                    const nlohmann::json& parsed) {
  using Event = nlohmann::json::parse_event_t;
  switch (event) {
    case Event::object_start:
    case Event::array_start:
      open(depth, event == Event::object_start);
      break;
    case Event::key: {
      Frame& frame = frames_.back();
      frame.key = parsed.get<std::string>();
      if (!frame.keys.insert(frame.key).second) {
        throw InputError(origin_, pointer(), "duplicate key", "each key at most once per object",
                         ExitCode::InvalidData);
      }
      break;
    }
    case Event::object_end:
    case Event::array_end:
      frames_.pop_back();
      close_value();
      break;
    case Event::value:
      close_value();
      break;
  }
  return true;
}

nlohmann::json::parser_callback_t JsonStructureCheck::callback() {
  return [this](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    return (*this)(depth, event, parsed);
  };
}

void JsonStructureCheck::open(int depth, bool object) {
  // `depth` counts the containers already open, so the outermost one has depth 0.
  if (depth >= kMaxJsonDepth) {
    throw InputError(origin_, "",
                     "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                     "at most " + std::to_string(kMaxJsonDepth) + " levels of arrays and objects",
                     ExitCode::InvalidData);
  }
  frames_.push_back(Frame{.object = object, .keys = {}, .key = {}, .index = 0});
}

// A value just ended: in an array, the next one is the following element.
void JsonStructureCheck::close_value() {
  if (!frames_.empty() && !frames_.back().object) {
    ++frames_.back().index;
  }
}

std::string JsonStructureCheck::pointer() const {
  std::string text;
  for (const Frame& frame : frames_) {
    text += '/';
    if (!frame.object) {
      text += std::to_string(frame.index);
      continue;
    }
    text += escape_pointer_token(frame.key);
  }
  return text;
}

}  // namespace ftcost::load
