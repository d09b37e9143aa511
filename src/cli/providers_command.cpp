// `ftcost providers`: list providers (billing, storage, network, spot rules) and their offers.
#include "providers_command.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>

#include "catalog_options.hpp"
#include "enum_option.hpp"
#include "ftcost/render/provider_render.hpp"
#include "plan_flags.hpp"
#include "subject_options.hpp"

namespace ftcost::cli {
namespace {

struct ProvidersOptions {
  CatalogOptions catalog;
  std::vector<std::string> providers;
  std::vector<std::string> gpus;
  OutputFormat format = OutputFormat::Table;
};

bool wanted(const std::vector<std::string>& list, const std::string& id) {
  return list.empty() || std::find(list.begin(), list.end(), id) != list.end();
}

ExitCode run_providers(const ProvidersOptions& options) {
  const LoadedCatalog loaded = load_selected_catalog(options.catalog, AgeWarning::Caller);
  Catalog catalog = loaded.catalog();  // a copy: filtered below
  // The same spellings and errors as plan's --provider and --gpu.
  const std::vector<std::string> providers = expand_providers(options.providers, catalog);
  std::vector<std::string> gpus;
  for (const std::string& spelling : options.gpus) {
    gpus.push_back(choose_builtin_gpu(spelling).gpu->id);
  }
  // Only now, so that a usage error stays the one line on stderr.
  check_catalog_age(catalog, loaded.origin, options.catalog, AgeWarning::WholeCatalog);
  std::erase_if(catalog.providers, [&](const Provider& p) { return !wanted(providers, p.id); });
  std::erase_if(catalog.offers, [&](const Offer& o) {
    return !wanted(providers, o.provider) || !wanted(gpus, o.gpu);
  });
  render::render_providers(catalog, options.format, std::cout);
  return ExitCode::Ok;
}

}  // namespace

void add_providers_command(CLI::App& subcommand, ExitCode& result) {
  auto options = std::make_shared<ProvidersOptions>();
  CLI::App* command = &subcommand;
  add_catalog_options(*command, options->catalog);
  command->add_option("--provider", options->providers, "Only these provider ids (repeatable)");
  command->add_option("--gpu", options->gpus, "Only offers of these GPU ids (repeatable)");
  add_format_option(*command, options->format, kTextFormats);
  command->callback([options, &result] { result = run_providers(*options); });
}

}  // namespace ftcost::cli
