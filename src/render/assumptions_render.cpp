// Renders an estimate's assumptions for the table and JSON outputs.
#include "assumptions_render.hpp"

#include <nlohmann/json.hpp>
#include <string_view>

namespace ftcost::render {

void write_assumption_item(std::ostream& out, const std::string& line) {
  std::string current = "  -";
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string::npos) {
      end = line.size();
    }
    const std::string_view word(line.data() + start, end - start);
    if (current.size() + 1 + word.size() > kTextWidth && current.size() > 4) {
      out << current << '\n';
      current = "   ";
    }
    current.append(" ").append(word);
    start = end + 1;
  }
  out << current << '\n';
}

void write_assumptions(std::ostream& out, const std::vector<Assumption>& assumptions) {
  if (assumptions.empty()) {
    return;
  }
  out << "\nassumptions:\n";
  for (const Assumption& assumption : assumptions) {
    write_assumption_item(out, assumption.text + " [" + assumption.source + "]");
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
