// `ftcost gpus`: lists the built-in GPUs with the figures the estimates use.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "enum_option.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/render/gpu_render.hpp"

namespace ftcost::cli {

void add_gpus_command(CLI::App& subcommand, ExitCode& result) {
  CLI::App* command = &subcommand;
  auto format = std::make_shared<OutputFormat>(OutputFormat::Table);
  add_format_option(*command, *format, kTextFormats);
  command->callback([format, &result] {
    render::render_gpus(default_gpus(), *format, std::cout);
    result = ExitCode::Ok;
  });
}

}  // namespace ftcost::cli
