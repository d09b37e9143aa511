// Assumptions the user must see even without reading the output: printed once each on stderr.
#pragma once

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "ftcost/base/assumption.hpp"

namespace ftcost::cli {

/// Writes "ftcost: warning: <text>" to stderr for each assumption marked `warning`, once per
/// distinct text; they stay listed among the output's assumptions too.
inline void print_warnings(const std::vector<Assumption>& assumptions) {
  std::vector<std::string> printed;
  for (const Assumption& assumption : assumptions) {
    if (assumption.warning &&
        std::find(printed.begin(), printed.end(), assumption.text) == printed.end()) {
      std::cerr << "ftcost: warning: " << assumption.text << '\n';
      printed.push_back(assumption.text);
    }
  }
}

}  // namespace ftcost::cli
