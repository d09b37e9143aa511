// The list of subcommands, in the order --help shows them.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <array>

#include "catalog_command.hpp"
#include "models_command.hpp"
#include "plan_command.hpp"
#include "providers_command.hpp"
#include "vram_command.hpp"

namespace ftcost::cli {
namespace {

struct Command {
  const char* name;
  const char* description;
  void (*add_options)(CLI::App& subcommand, ExitCode& result);
};

constexpr std::array<Command, 7> kCommands{{
    {"models", "List the built-in model presets and their parameter counts", add_models_command},
    {"gpus", "List the known GPUs: usable memory, bandwidth, dense tensor TFLOPS, interconnect",
     add_gpus_command},
    {"vram", "Peak GPU memory per GPU for a fine-tune, by component and phase", add_vram_command},
    {"time", "Training time on N GPUs of one type: tokens/s, step time, hours", add_time_command},
    {"plan",
     "Rank GPU offers by the whole project's cost: compute, setup, storage, egress, spot "
     "interruptions",
     add_plan_command},
    {"providers", "List the catalog's providers (billing, storage, egress, spot) and offers",
     add_providers_command},
    {"catalog", "Work with price catalog files", add_catalog_command},
}};

}  // namespace

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  names.reserve(kCommands.size());
  for (const Command& command : kCommands) {
    names.emplace_back(command.name);
  }
  return names;
}

void register_commands(CLI::App& app, ExitCode& result, std::string_view selected) {
  for (const Command& command : kCommands) {
    CLI::App* subcommand = app.add_subcommand(command.name, command.description);
    // Only the command that runs gets its options: the others' hundred-odd options would cost
    // a third of a plan's start-up (docs/design.md#start-up), and --help lists only names.
    if (selected.empty() || selected == command.name) {
      command.add_options(*subcommand, result);
    }
  }
}

}  // namespace ftcost::cli
