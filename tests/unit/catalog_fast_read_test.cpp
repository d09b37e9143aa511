// The fast path for catalog files (read_catalog_offers_fast) against the checked reader: for every
// file, load_catalog_file must give the same catalog, or the same error, as parse_catalog on the
// same text; the fast path must be taken for ordinary files and refused for anything doubtful.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <variant>

#include "ftcost/base/error.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "ftcost/load/defaults.hpp"
#include "load/catalog_offers_fast.hpp"
#include "test_gpus.hpp"

using ftcost::Catalog;
using ftcost::CatalogRole;
using ftcost::InputError;
using ftcost::test::known_gpu_ids;
using nlohmann::json;

namespace {

struct Failure {
  std::string what;
  ftcost::ExitCode exit_code;
};
using Outcome = std::variant<Catalog, Failure>;

// A file removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("ftcost-fast-read-" + std::to_string(getpid()) + "-" + std::to_string(counter_++) +
               ".json")) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { std::filesystem::remove(path_); }
  [[nodiscard]] std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

template <class Load>
Outcome outcome(Load load) {
  try {
    return load();
  } catch (const InputError& error) {
    return Failure{error.what(), error.exit_code()};
  }
}

struct Compared {
  bool fast_taken = false;
  Outcome file;     // load_catalog_file: the fast path, or its fallback
  Outcome checked;  // parse_catalog on the same text
};

Compared compare(const std::string& text, CatalogRole role = CatalogRole::Full) {
  const TempFile file(text);
  const auto& ids = known_gpu_ids();
  Compared c;
  c.fast_taken = ftcost::load::read_catalog_offers_fast(file.path(), ftcost::kMaxCatalogBytes, ids)
                     .has_value();
  c.file = outcome([&] { return ftcost::load_catalog_file(file.path(), ids, role); });
  c.checked = outcome([&] { return ftcost::parse_catalog(text, file.path(), ids, role); });
  return c;
}

void require_same(const Compared& c) {
  REQUIRE(c.file.index() == c.checked.index());
  if (const auto* failure = std::get_if<Failure>(&c.file)) {
    const auto& expected = std::get<Failure>(c.checked);
    CHECK(failure->what == expected.what);
    CHECK(failure->exit_code == expected.exit_code);
  } else {
    CHECK(std::get<Catalog>(c.file) == std::get<Catalog>(c.checked));
  }
}

// The built-in catalog with only its first `offers` offers (it has providers with and without
// spot rules, regions, notes and per-offer rates).
json small_catalog(std::size_t offers = 6) {
  json doc = json::parse(ftcost::embedded::default_providers_json());
  json& list = doc["offers"];
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(offers), list.end());
  return doc;
}

}  // namespace

TEST_CASE("the fast path reads the built-in catalog exactly as the checked reader does",
          "[catalog][fast]") {
  const Compared c = compare(std::string(ftcost::embedded::default_providers_json()));
  CHECK(c.fast_taken);
  require_same(c);
  CHECK(std::get<Catalog>(c.file).offers.size() ==
        json::parse(ftcost::embedded::default_providers_json())["offers"].size());
}

TEST_CASE("offers the fast path refuses are read the checked way, with the same result",
          "[catalog][fast]") {
  using Edit = void (*)(json&);
  const auto [name, edit, fast] = GENERATE(table<std::string, Edit, bool>({
      {"unchanged", [](json&) {}, true},
      {"an escaped key", [](json&) {}, true},
      {"a non-ASCII note", [](json& o) { o["note"] = "caf\xc3\xa9"; }, false},
      {"a null price", [](json& o) { o["usd_per_hour"] = nullptr; }, false},
      {"no price", [](json& o) { o.erase("usd_per_hour"); }, false},
      {"a GPU count written 2.0", [](json& o) { o["gpus"] = 2.0; }, false},
      {"65 GPUs", [](json& o) { o["gpus"] = 65; }, false},
      {"an unknown key", [](json& o) { o["usd_per_hr"] = 1; }, false},
      {"an unknown GPU", [](json& o) { o["gpu"] = "rtx-4900"; }, false},
      {"a capitalized tier", [](json& o) { o["tier"] = "Spot"; }, false},
      {"month 13", [](json& o) { o["as_of"] = "2026-13-01"; }, false},
      {"a capitalized provider", [](json& o) { o["provider"] = "Vast"; }, false},
      {"an unknown provider", [](json& o) { o["provider"] = "nobody"; }, true},
      {"a control character", [](json& o) { o["instance_type"] = "a\x01z"; }, false},
      {"a nested region", [](json& o) { o["region"] = json::object(); }, false},
      {"a zero price", [](json& o) { o["usd_per_hour"] = 0; }, false},
      {"a reliability above 1", [](json& o) { o["reliability"] = 1.5; }, false},
      {"a negative egress rate", [](json& o) { o["egress_usd_per_gb"] = -0.01; }, false},
      {"a hazard of 17 significant digits",
       [](json& o) { o["hazard_per_hour"] = 0.012345678901234567; }, true},
      {"a string price", [](json& o) { o["usd_per_hour"] = "1.5"; }, false},
      {"a boolean note", [](json& o) { o["note"] = true; }, false},
  }));
  CAPTURE(name);
  json doc = small_catalog();
  edit(doc["offers"][0]);
  std::string text = doc.dump(1);
  if (name == "an escaped key") {
    const auto at = text.find("\"provider\"");
    text.replace(at, 10, "\"\\u0070rovider\"");
  }
  const Compared c = compare(text);
  CHECK(c.fast_taken == fast);
  require_same(c);
}

TEST_CASE("files whose text the two JSON readers could judge differently go the checked way",
          "[catalog][fast]") {
  const std::string good = small_catalog().dump();
  const auto offers_at = good.find("\"offers\":[") + 10;
  const auto between_offers = good.find("},{", offers_at);
  const std::string first_offer = good.substr(offers_at, between_offers + 2 - offers_at);
  json empty = small_catalog();
  empty["offers"] = json::array();
  std::string bad_utf8 = good;
  bad_utf8[bad_utf8.find("\"name\":\"") + 8] = '\xff';
  // The first offer's price written as `token` (dump() never writes more than 17 digits).
  const auto price_at = good.find("\"usd_per_hour\":", offers_at) + 15;
  const auto price = [&](const std::string& token) {
    return good.substr(0, price_at) + token + good.substr(good.find_first_of(",}", price_at));
  };
  // `member` added as the first offer's first key.
  const auto first_member = [&](const std::string& member) {
    return good.substr(0, offers_at + 1) + member + "," + good.substr(offers_at + 1);
  };
  const auto [name, text, fast] = GENERATE_COPY(table<std::string, std::string, bool>({
      {"a NUL byte and more after the document", good + std::string("\0{}", 3), false},
      {"a byte-order mark", "\xef\xbb\xbf" + good, false},
      {"a missing comma between offers",
       good.substr(0, between_offers + 1) + good.substr(between_offers + 2), false},
      {"a duplicate key in an offer",
       good.substr(0, offers_at + 1) + R"("as_of":"2026",)" + good.substr(offers_at + 1), false},
      {"an offer repeated", good.substr(0, offers_at) + first_offer + good.substr(offers_at), true},
      {"a second offers key", good.substr(0, good.size() - 1) + R"(,"offers":[]})", false},
      {"an offers array of numbers", good.substr(0, offers_at) + "1," + good.substr(offers_at),
       false},
      {"invalid UTF-8 outside the offers", bad_utf8, false},
      {"an empty offers array", empty.dump(), true},
      // Past 19 digits RapidJSON 1.1.0's own conversion wraps its significand
      // (Tencent/rapidjson#2326): 3.67e-40 for this one.
      {"a 21-digit price", price("0.184467440737095516159"), true},
      // Halfway between two doubles once cut to 780 digits; the 801st digit rounds it up.
      {"an 855-digit price",
       price("1.00000000000000011102230246251565404236316680908203125" + std::string(800, '0') +
             "1"),
       true},
      {"a price in exponent form", price("2.5E-1"), true},
      {"a hazard that overflows a double",
       first_member(R"("hazard_per_hour":359538626972463181545861038157804414618709466700786e258)"),
       false},
      {"a hazard that underflows to 0", first_member(R"("hazard_per_hour":1e-400)"), false},
      {"a negative zero hazard", first_member(R"("hazard_per_hour":-0.0)"), true},
  }));
  CAPTURE(name);
  const Compared c = compare(text);
  CHECK(c.fast_taken == fast);
  require_same(c);
  if (name == "a 21-digit price") {
    CHECK(std::get<Catalog>(c.file).offers[0].usd_per_hour == 0.18446744073709551);
  }
}

TEST_CASE("prices with 17 significant digits round as the checked reader rounds them",
          "[catalog][fast]") {
  json doc = small_catalog(1);
  const json first = doc["offers"][0];
  std::mt19937_64 random(20261205);
  std::uniform_int_distribution<std::uint64_t> digits(10000000000000000ULL, 99999999999999999ULL);
  std::uniform_int_distribution<int> exponent(-19, -14);
  std::string offers;
  for (int i = 0; i < 2000; ++i) {
    json offer = first;
    offer["instance_type"] = "random-" + std::to_string(i);
    offer.erase("usd_per_hour");
    std::string o = offer.dump();
    o.insert(1, "\"usd_per_hour\":" + std::to_string(digits(random)) + "e" +
                    std::to_string(exponent(random)) + ",");
    offers += (i == 0 ? "" : ",") + o;
  }
  doc["offers"] = json::array();
  std::string text = doc.dump();
  text.insert(text.find("\"offers\":[") + 10, offers);
  const Compared c = compare(text);
  CHECK(c.fast_taken);
  require_same(c);
  CHECK(std::get<Catalog>(c.file).offers.size() == 2000);
}

TEST_CASE("an overlay catalog reads the same either way", "[catalog][fast]") {
  json overlay = {{"schema_version", 1}, {"offers", small_catalog(3)["offers"]}};
  const Compared c = compare(overlay.dump(), CatalogRole::Overlay);
  CHECK(c.fast_taken);
  require_same(c);
  CHECK(std::get<Catalog>(c.file).offers.size() == 3);
}
