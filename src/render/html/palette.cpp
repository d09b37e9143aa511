// One colour per memory component, fixed by name so every bar of a report colours alike.
#include "palette.hpp"

#include <utility>

namespace ftcost::render::html {

Swatch component_swatch(std::string_view name) noexcept {
  constexpr std::string_view kWhite = "#FFFFFF";
  constexpr std::string_view kBlack = "#1B1B1B";
  constexpr std::array<std::pair<std::string_view, Swatch>, 14> kSwatches{{
      {"weights_frozen", {"#332288", kWhite}},
      {"weights_trainable", {"#88CCEE", kBlack}},
      {"optimizer_states", {"#44AA99", kBlack}},
      {"gradients", {"#117733", kWhite}},
      {"activations", {"#DDCC77", kBlack}},
      {"logits", {"#CC6677", kBlack}},
      {"autocast_copies", {"#AA4499", kWhite}},
      {"ddp_buckets", {"#999933", kBlack}},
      {"fsdp_gathered", {"#882255", kWhite}},
      // Past the nine muted colours: two of Tol's "light" scheme, for the ZeRO-only terms.
      {"master_weights", {"#EE8866", kBlack}},
      {"fp32_gradients", {"#BBCC33", kBlack}},
      {"allocator cache", {"#D9D9D9", kBlack}},
      {"CUDA context", {"#9E9E9E", kBlack}},
      {"phase total (allocated)", {"#4477AA", kWhite}},
  }};
  for (const auto& [known, swatch] : kSwatches) {
    if (known == name) {
      return swatch;
    }
  }
  return {"#555555", kWhite};
}

}  // namespace ftcost::render::html
