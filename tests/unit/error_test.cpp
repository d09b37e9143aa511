// InputError: every message is one line, whatever the input contained.
#include "ftcost/base/error.hpp"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("control characters in an error are escaped so the message stays one line", "[error]") {
  const ftcost::InputError newline("", "--model", "unknown model '8b\n'", "did you mean '8b'?");
  CHECK(std::string(newline.what()) == "--model: unknown model '8b\\n' (did you mean '8b'?)");
  const std::string others = std::string("a\tb\rc") + '\x01' + '\x7f' + "d";
  const ftcost::InputError escaped(others, "", "bad");
  CHECK(std::string(escaped.what()) == "a\\tb\\rc\\x01\\x7fd: bad");
  // The parts stay as given, for callers that compare them.
  CHECK(newline.problem() == "unknown model '8b\n'");
}
