// Shared set-up of the memory-model tests: presets by id and resolved setups.
#pragma once

#include <stdexcept>
#include <string>

#include "core/memory/memory_terms.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/setup/resolve.hpp"

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

/// The memory model's internal terms for one setup (each builds the estimate's context).
inline memory_detail::StaticTerms static_terms_of(const ModelArch& arch,
                                                  const TrainingSetup& setup) {
  return memory_detail::static_terms(memory_detail::memory_context(arch, setup));
}
inline memory_detail::LossBuffers loss_buffers_of(const ModelArch& arch,
                                                  const TrainingSetup& setup) {
  return memory_detail::loss_buffers(memory_detail::memory_context(arch, setup));
}
inline double gathered_unit_bytes_of(const ModelArch& arch, const TrainingSetup& setup) {
  return memory_detail::gathered_unit_bytes(memory_detail::memory_context(arch, setup));
}

}  // namespace ftcost::test
