// `ftcost models`: list the built-in model presets with their parameter counts.
#include "models_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "enum_option.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/render/model_render.hpp"

namespace ftcost::cli {

void add_models_command(CLI::App& subcommand, ExitCode& result) {
  auto format = std::make_shared<OutputFormat>(OutputFormat::Table);
  CLI::App* command = &subcommand;
  add_format_option(*command, *format, kTextFormats);
  command->callback([format, &result] {
    render::render_models(default_model_presets(), *format, std::cout);
    result = ExitCode::Ok;
  });
}

}  // namespace ftcost::cli
