// --color auto|always|never, and the terminal detection behind `auto` (the only place ftcost
// looks at its stdout and environment to decide how text looks).
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "ftcost/base/names.hpp"
#include "ftcost/render/text_style.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace ftcost::cli {

/// What --color asked for.
enum class ColorChoice {
  Auto,    ///< bars in eighth blocks with colour on a terminal (stdout a TTY), colour off when
           ///< NO_COLOR is set and not empty (no-color.org); ASCII bars on a pipe or file
  Always,  ///< eighth blocks and colour whatever stdout is (and whatever NO_COLOR says)
  Never,   ///< eighth blocks without colour whatever stdout is
};

/// The text style for `choice` given what stdout is and the NO_COLOR value (nullptr: unset).
/// Pure, so each combination is testable; text_style() supplies the real terminal.
[[nodiscard]] render::TextStyle text_style_for(ColorChoice choice, bool stdout_is_tty,
                                               const char* no_color) noexcept;

/// text_style_for with isatty(stdout) and getenv("NO_COLOR").
[[nodiscard]] render::TextStyle text_style(ColorChoice choice) noexcept;

/// Adds `--color auto|always|never` storing into `choice` (default auto), which must outlive
/// `app`.
CLI::Option* add_color_option(CLI::App& app, ColorChoice& choice);

}  // namespace ftcost::cli

namespace ftcost {

template <>
struct EnumNames<cli::ColorChoice> {
  static constexpr std::array<std::pair<cli::ColorChoice, std::string_view>, 3> kEntries{
      {{cli::ColorChoice::Auto, "auto"},
       {cli::ColorChoice::Always, "always"},
       {cli::ColorChoice::Never, "never"}}};
};

}  // namespace ftcost
