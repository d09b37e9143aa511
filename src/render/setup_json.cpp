// setup_json: the TrainingSetup object of every JSON document (docs/json-output.md#setup).
#include "setup_json.hpp"

#include <type_traits>

#include "ftcost/base/names.hpp"

namespace ftcost::render {

nlohmann::json setup_json(const TrainingSetup& s) {
  nlohmann::json object = nlohmann::json::object();
  visit_setup(s, [&object](std::string_view key, const auto& value) {
    using Value = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<Value, std::optional<std::string>>) {
      object[std::string(key)] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    } else {
      object[std::string(key)] = value;
    }
  });
  return object;
}

std::string json_cell_text(const nlohmann::json& value) {
  if (value.is_null()) {
    return {};
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) {
      joined += (joined.empty() ? "" : ",") + json_cell_text(item);
    }
    return joined;
  }
  return value.dump();
}

}  // namespace ftcost::render
