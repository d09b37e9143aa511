// The compiled tables (ftcost_embed_tables) equal what the loaders make of data/*.json at run
// time, field by field: a field the table writer forgets to write fails here.
#include <catch2/catch.hpp>

#include "ftcost/load/catalog_load.hpp"
#include "ftcost/load/defaults.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/load/model_load.hpp"

using namespace ftcost;

TEST_CASE("the compiled GPU table equals data/gpus.json as parsed", "[tables]") {
  const std::vector<Gpu> parsed = parse_gpus(embedded::default_gpus_json(), "gpus.json");
  REQUIRE(parsed.size() == default_gpus().size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    INFO(parsed[i].id);
    CHECK(parsed[i] == default_gpus()[i]);
  }
  // Spot checks that the comparison sees real values (datasheet figures of data/gpus.json).
  const auto h100 = std::find_if(default_gpus().begin(), default_gpus().end(),
                                 [](const Gpu& gpu) { return gpu.id == "h100-sxm"; });
  REQUIRE(h100 != default_gpus().end());
  CHECK(h100->bf16_dense_tflops == 989.5);
  CHECK(h100->memory_gb == 80.0);
}

TEST_CASE("the compiled model table equals data/models.json as parsed", "[tables]") {
  const std::vector<ModelArch> parsed =
      parse_model_presets(embedded::default_models_json(), "models.json");
  REQUIRE(parsed.size() == default_model_presets().size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    INFO(parsed[i].id);
    CHECK(parsed[i] == default_model_presets()[i]);
  }
}

TEST_CASE("the compiled catalog equals data/providers.json as parsed", "[tables]") {
  std::vector<std::string> ids;
  for (const Gpu& gpu : default_gpus()) {
    ids.push_back(gpu.id);
  }
  const Catalog parsed = parse_catalog(embedded::default_providers_json(), "providers.json", ids);
  const Catalog& table = default_catalog();
  REQUIRE(parsed.offers.size() == table.offers.size());
  for (std::size_t i = 0; i < parsed.offers.size(); ++i) {
    INFO("offer " << i << ": " << parsed.offers[i].provider << " " << parsed.offers[i].gpu);
    CHECK(parsed.offers[i] == table.offers[i]);
  }
  for (std::size_t i = 0; i < parsed.providers.size(); ++i) {
    INFO(parsed.providers[i].id);
    CHECK(parsed.providers[i] == table.providers[i]);
  }
  CHECK(parsed == table);
  CHECK(table.offers.size() > 100);
}

TEST_CASE("a table differs from data changed after the build", "[tables]") {
  // The comparison must be able to fail: one changed price makes the catalogs unequal.
  Catalog changed = default_catalog();
  changed.offers.front().usd_per_hour += 0.01;
  CHECK_FALSE(changed == default_catalog());
  std::vector<Gpu> gpus = default_gpus();
  gpus.back().aliases.emplace_back("another-spelling");
  CHECK_FALSE(gpus == default_gpus());
}
