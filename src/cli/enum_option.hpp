// Command-line options whose values are enum names, with uniform "did you mean" errors.
#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ftcost/base/names.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/render/output_format.hpp"

namespace ftcost::cli {

/// A CLI11 validator accepting exactly the canonical names of E; its error reads
/// "'qlroa' is not one of full, lora, qlora (did you mean 'qlora'?)", which CLI11 prefixes
/// with the flag name.
template <class E>
CLI::Validator enum_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (enum_from_name<E>(value)) {
          return {};
        }
        const auto names = enum_names<E>();
        std::string message = "'" + value + "' is not one of " + join_names(names);
        if (const std::string hint = did_you_mean(value, names); !hint.empty()) {
          message += " (" + hint + ")";
        }
        return message;
      },
      join_names(enum_names<E>()));
}

/// Adds `--flag NAME` storing the parsed enumerator into `target` (left unset when absent).
template <class E>
CLI::Option* add_enum_option(CLI::App& app, const std::string& flag, std::optional<E>& target,
                             const std::string& description) {
  return app
      .add_option_function<std::string>(
          flag, [&target](const std::string& value) { target = enum_from_name<E>(value); },
          description)
      ->check(enum_validator<E>());
}

/// Adds `--flag NAME` storing the parsed enumerator into `target`, which holds the default.
template <class E>
CLI::Option* add_enum_option(CLI::App& app, const std::string& flag, E& target,
                             const std::string& description) {
  return app
      .add_option_function<std::string>(
          flag, [&target](const std::string& value) { target = *enum_from_name<E>(value); },
          description + " (default: " + std::string(name_of(target)) + ")")
      ->check(enum_validator<E>());
}

/// The formats every listing and estimate command takes; `plan` and `vram` also take html.
inline constexpr std::array<OutputFormat, 3> kTextFormats{OutputFormat::Table, OutputFormat::Json,
                                                          OutputFormat::Csv};

/// The `--format` option, accepting the names of `accepted` only: any other name, html
/// included, is a usage error naming the accepted ones ("--format: 'html' is not one of table,
/// json, csv (html: plan and vram only)").
template <std::size_t N>
CLI::Option* add_format_option(CLI::App& app, OutputFormat& format,
                               const std::array<OutputFormat, N>& accepted) {
  std::vector<std::string> names;
  for (OutputFormat f : accepted) {
    names.emplace_back(name_of(f));
  }
  const bool html =
      std::find(accepted.begin(), accepted.end(), OutputFormat::Html) != accepted.end();
  CLI::Validator validator(
      [names, html](std::string& value) -> std::string {
        if (std::find(names.begin(), names.end(), value) != names.end()) {
          return {};
        }
        std::string message = "'" + value + "' is not one of " + join_names(names);
        if (!html && value == name_of(OutputFormat::Html)) {
          message += " (html: plan and vram only)";
        } else if (const std::string hint = did_you_mean(value, names); !hint.empty()) {
          message += " (" + hint + ")";
        }
        return message;
      },
      join_names(names));
  return app
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& value) { format = *enum_from_name<OutputFormat>(value); },
          "Output format: " + join_names(names) + " (default: " + std::string(name_of(format)) +
              ")")
      ->check(validator);
}

}  // namespace ftcost::cli
