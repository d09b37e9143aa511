// Shared set-up of the memory-model tests: presets by id and resolved setups.
#pragma once

#include <stdexcept>
#include <string>

#include "ftcost/models.hpp"
#include "ftcost/resolve.hpp"
#include "ftcost/units.hpp"

namespace ftcost::test {

inline const ModelArch& preset(const std::string& id) {
  for (const ModelArch& arch : default_model_presets()) {
    if (arch.id == id) {
      return arch;
    }
  }
  throw std::runtime_error("no preset " + id);
}

inline TrainingSetup resolved(const ModelArch& arch, const SetupRequest& request) {
  return resolve_setup(arch, request).setup;
}

inline double gib_of(double bytes) {
  return bytes_to_gib(bytes);
}

}  // namespace ftcost::test
