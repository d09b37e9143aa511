// Dataset files: counting samples and text, and the errors for unreadable or invalid files.
#include "ftcost/load/dataset.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "ftcost/base/error.hpp"

using ftcost::DatasetFormat;

TEST_CASE("JSONL counts one sample per line and the characters of string values", "[dataset]") {
  // "hi" (2) + "there" (5) + "abc" (3) = 10 characters; keys are not counted.
  const auto stats =
      ftcost::count_dataset("{\"q\": \"hi\", \"a\": \"there\"}\n\n{\"text\": \"abc\", \"n\": 4}\n",
                            DatasetFormat::Jsonl, "d.jsonl");
  CHECK(stats.samples == 2);
  CHECK(stats.text_chars == 10);
}

TEST_CASE("a JSON array counts its items", "[dataset]") {
  const auto stats = ftcost::count_dataset(R"([{"t": "abcd"}, {"t": ["ef", "g"]}])",
                                           DatasetFormat::Json, "d.json");
  CHECK(stats.samples == 2);
  CHECK(stats.text_chars == 7);  // "abcd" + "ef" + "g"
}

TEST_CASE("plain text counts non-blank lines", "[dataset]") {
  const auto stats = ftcost::count_dataset("first line\n\n  \nsecond\n", DatasetFormat::Text, "t");
  CHECK(stats.samples == 2);
  CHECK(stats.text_chars == 16);  // "first line" (10) + "second" (6)
}

TEST_CASE("each sample's length goes into an ascending histogram of tokens", "[dataset]") {
  // 400, 40, 40 and 2 characters at 4 per token: 100, 10, 10 and 1 token (never 0).
  const std::string text =
      std::string(400, 'x') + "\n" + std::string(40, 'y') + "\n" + std::string(40, 'z') + "\nab\n";
  const auto stats = ftcost::count_dataset(text, DatasetFormat::Text, "t");
  REQUIRE(stats.sample_lengths.size() == 3);
  CHECK(stats.sample_lengths[0].tokens == 1);
  CHECK(stats.sample_lengths[0].samples == 1);
  CHECK(stats.sample_lengths[1].tokens == 10);
  CHECK(stats.sample_lengths[1].samples == 2);
  CHECK(stats.sample_lengths[2].tokens == 100);
  CHECK(stats.sample_lengths[2].samples == 1);
}

TEST_CASE("records with no text are counted apart, not as 0-token samples", "[dataset]") {
  const auto stats = ftcost::count_dataset(
      "{\"text\": \"abcdefgh\"}\n{\"id\": 5}\n{\"n\": [1, 2]}\n", DatasetFormat::Jsonl, "d.jsonl");
  CHECK(stats.samples == 1);
  CHECK(stats.samples_without_text == 2);
  REQUIRE(stats.sample_lengths.size() == 1);
  CHECK(stats.sample_lengths[0].tokens == 2);  // 8 characters
  const auto array =
      ftcost::count_dataset(R"([{"t": "abcd"}, {"id": 1}])", DatasetFormat::Json, "d.json");
  CHECK(array.samples == 1);
  CHECK(array.samples_without_text == 1);
}

TEST_CASE("the extension picks the format", "[dataset]") {
  CHECK(ftcost::dataset_format_of("a/b.jsonl") == DatasetFormat::Jsonl);
  CHECK(ftcost::dataset_format_of("b.json") == DatasetFormat::Json);
  CHECK(ftcost::dataset_format_of("c.txt") == DatasetFormat::Text);
}

TEST_CASE("an invalid JSONL line is reported with its line number", "[dataset]") {
  try {
    (void)ftcost::count_dataset("{\"a\": \"x\"}\n{\"a\": \"y\"}\n{\"a\": oops}\n",
                                DatasetFormat::Jsonl, "train.jsonl");
    FAIL("expected InputError");
  } catch (const ftcost::InputError& error) {
    CHECK(std::string(error.what()) ==
          "train.jsonl:3: invalid JSON on this line (one JSON object per line (JSONL))");
    CHECK(error.exit_code() == ftcost::ExitCode::InvalidData);
  }
}

TEST_CASE("datasets without samples, and JSON that is not an array, are invalid data",
          "[dataset]") {
  auto [text, format, message] = GENERATE(table<std::string, DatasetFormat, std::string>({
      {"\n\n", DatasetFormat::Jsonl, "dataset has no text samples"},
      {"[]", DatasetFormat::Json, "dataset has no text samples"},
      {"{\"a\": 1}", DatasetFormat::Json, "expected a JSON array of samples"},
      {"[1, 2", DatasetFormat::Json, "invalid JSON"},
  }));
  try {
    (void)ftcost::count_dataset(text, format, "d");
    FAIL("expected InputError");
  } catch (const ftcost::InputError& error) {
    CHECK_THAT(error.what(), Catch::Contains(message));
    CHECK(error.exit_code() == ftcost::ExitCode::InvalidData);
  }
}

TEST_CASE("missing and empty dataset files are invalid data", "[dataset]") {
  CHECK_THROWS_WITH(ftcost::load_dataset_stats("/nonexistent/train.jsonl"),
                    Catch::Contains("no such file"));
  const std::string empty = "ftcost_dataset_test_empty.jsonl";
  { std::ofstream(empty) << "\n"; }
  CHECK_THROWS_WITH(ftcost::load_dataset_stats(empty), Catch::Contains("file is empty"));
  (void)std::remove(empty.c_str());
}

TEST_CASE("deeply nested dataset values are invalid data, not a stack overflow", "[dataset]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THROWS_WITH(
      ftcost::count_dataset("{\"text\": \"hi\"}\n{\"text\": \"hi\", \"x\": " + deep + "}\n",
                            DatasetFormat::Jsonl, "d.jsonl"),
      "d.jsonl:2: JSON nested deeper than 512 levels (at most 512 levels of arrays and objects)");
  CHECK_THROWS_WITH(ftcost::count_dataset("[{\"text\": \"hi\", \"x\": " + deep + "}]",
                                          DatasetFormat::Json, "d.json"),
                    Catch::Matchers::StartsWith("d.json: JSON nested deeper than 512 levels"));
  CHECK_THROWS_WITH(
      ftcost::count_dataset(std::string(100000, '['), DatasetFormat::Jsonl, "d.jsonl"),
      Catch::Matchers::StartsWith("d.jsonl:1: JSON nested deeper than 512 levels"));
}

TEST_CASE("a number beyond a double in a JSON dataset is invalid data with its position",
          "[dataset]") {
  // 1e400 fills columns 22-26; the position is its last character.
  CHECK_THROWS_WITH(
      ftcost::count_dataset("[{\"text\": \"hi\", \"n\": 1e400}]", DatasetFormat::Json, "d.json"),
      "d.json:1:26: invalid JSON: number overflow parsing '1e400' (a finite number)");
  CHECK_THROWS_WITH(
      ftcost::count_dataset("{\"text\": \"hi\", \"n\": 1e400}\n", DatasetFormat::Jsonl, "d.jsonl"),
      "d.jsonl:1: invalid JSON on this line (one JSON object per line (JSONL))");
}

TEST_CASE("a device or FIFO is not read as a dataset", "[dataset]") {
  CHECK_THROWS_WITH(ftcost::load_dataset_stats("/dev/zero"),
                    "/dev/zero: is not a regular file (a regular file)");
}
