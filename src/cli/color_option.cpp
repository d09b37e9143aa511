// --color: an explicit choice beats NO_COLOR (no-color.org: command-line flags override it).
#include "color_option.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "enum_option.hpp"

namespace ftcost::cli {

render::TextStyle text_style_for(ColorChoice choice, bool stdout_is_tty,
                                 const char* no_color) noexcept {
  switch (choice) {
    case ColorChoice::Always:
      return {.glyphs = render::BarGlyphs::Unicode, .color = true};
    case ColorChoice::Never:
      return {.glyphs = render::BarGlyphs::Unicode, .color = false};
    case ColorChoice::Auto:
      break;
  }
  if (!stdout_is_tty) {
    return {.glyphs = render::BarGlyphs::Ascii, .color = false};
  }
  const bool no_color_set = no_color != nullptr && no_color[0] != '\0';
  return {.glyphs = render::BarGlyphs::Unicode, .color = !no_color_set};
}

render::TextStyle text_style(ColorChoice choice) noexcept {
  return text_style_for(choice, isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR"));
}

CLI::Option* add_color_option(CLI::App& app, ColorChoice& choice) {
  return add_enum_option(app, "--color", choice,
                         "Table bars: auto (blocks and colour on a terminal, NO_COLOR honoured; "
                         "ASCII on a pipe), always (blocks and colour), never (blocks, no colour)");
}

}  // namespace ftcost::cli
