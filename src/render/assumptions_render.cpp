// Renders an estimate's assumptions for the table and JSON outputs.
#include "assumptions_render.hpp"

#include <nlohmann/json.hpp>

namespace ftcost::render {

void write_assumptions(std::ostream& out, const std::vector<Assumption>& assumptions) {
  if (assumptions.empty()) {
    return;
  }
  out << "\nassumptions:\n";
  for (const Assumption& assumption : assumptions) {
    out << "  - " << assumption.text << " [" << assumption.source << "]\n";
  }
}

nlohmann::json assumptions_json(const std::vector<Assumption>& assumptions) {
  nlohmann::json list = nlohmann::json::array();
  for (const Assumption& assumption : assumptions) {
    list.push_back({{"text", assumption.text}, {"source", assumption.source}});
  }
  return list;
}

}  // namespace ftcost::render
