// Non-template helpers for enum names.
#include "ftcost/base/names.hpp"

namespace ftcost {

std::string join_names(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) {
    if (!text.empty()) {
      text += ", ";
    }
    text += name;
  }
  return text;
}

}  // namespace ftcost
