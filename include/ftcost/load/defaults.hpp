// The default data files' text, embedded at build time (cmake/EmbedFile.cmake) into the
// ftcost_data_json library for tests and benchmarks that parse it. The binary itself carries the
// data as tables (default_gpus(), default_model_presets(), default_catalog()), not this text.
#pragma once

#include <string_view>

namespace ftcost::embedded {

/// data/models.json as built in: model architectures (schema: docs/models.md).
[[nodiscard]] std::string_view default_models_json() noexcept;

/// data/gpus.json as built in: GPU datasheet figures (schema: docs/gpus.md).
[[nodiscard]] std::string_view default_gpus_json() noexcept;

/// data/providers.json as built in: the price catalog (schema: docs/catalog.md).
[[nodiscard]] std::string_view default_providers_json() noexcept;

}  // namespace ftcost::embedded
