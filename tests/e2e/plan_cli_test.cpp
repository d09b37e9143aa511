// `ftcost plan`, `providers` and `catalog validate` end to end: exit codes 0/3/4/5, formats,
// catalog files, and nothing on stdout when input is bad.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using ftcost::e2e::run_ftcost;

namespace {

const std::string kCatalogs = std::string(FTCOST_TEST_DATA) + "/catalog/";

std::vector<std::string> plan_args(std::vector<std::string> extra, const std::string& model = "8b",
                                   const std::string& method = "qlora") {
  std::vector<std::string> args{"plan", "--model", model, "--method", method};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

nlohmann::json plan_json(std::vector<std::string> extra, int expected_exit,
                         const std::string& model = "8b", const std::string& method = "qlora") {
  extra.insert(extra.end(), {"--format", "json"});
  const auto run = run_ftcost(plan_args(extra, model, method));
  REQUIRE(run.exit_code == expected_exit);
  auto parsed = nlohmann::json::parse(run.out);
  // The document is streamed (JsonStream) with the bytes nlohmann's dump(2) would write.
  CHECK(run.out == parsed.dump(2) + "\n");
  return parsed;
}

// Warnings are allowed on stderr (the built-in catalog has stale rows); errors are not.
void check_no_error(const std::string& err) {
  CHECK_THAT(err, !Contains("error"));
}

}  // namespace

TEST_CASE("plan: the default answer ranks plans and exits 0", "[plan_cli]") {
  const auto run = run_ftcost(plan_args({}));
  REQUIRE(run.exit_code == 0);
  check_no_error(run.err);
  CHECK_THAT(run.out, Contains("model:") && Contains("llama-3.1-8b") && Contains("catalog:") &&
                          Contains("total $") && Contains("outcome: ok"));
}

TEST_CASE("plan --budget: 0 within budget, 5 over budget, with the outcome in JSON", "[plan_cli]") {
  const auto ok = plan_json({"--budget", "1000"}, 0);
  CHECK(ok.at("outcome") == "ok");
  const auto over = plan_json({"--budget", "0.01"}, 5);
  CHECK(over.at("outcome") == "over-budget");
  CHECK(over.at("cheapest_usd").get<double>() > 0.01);
  CHECK_FALSE(over.at("plans").empty());  // the plans are still reported
  CHECK(over.at("plans").at(0).at("within_budget") == false);
}

TEST_CASE("plan carries the 80% duration range into every plan's cost", "[plan_cli]") {
  const auto json = plan_json({}, 0);
  const auto& plans = json.at("plans");
  REQUIRE_FALSE(plans.empty());
  for (const auto& plan : plans) {
    CHECK(plan.at("total_usd_low").get<double>() <= plan.at("total_usd").get<double>());
    CHECK(plan.at("total_usd").get<double>() <= plan.at("total_usd_high").get<double>());
    CHECK(plan.at("wall_hours_low").get<double>() <= plan.at("wall_hours").get<double>());
    CHECK(plan.at("wall_hours").get<double>() <= plan.at("wall_hours_high").get<double>());
  }
  CHECK(plans.at(0).at("tied_with_top") == true);
  // A plan on the top plan's GPU model shares its duration error: never tied.
  for (const auto& plan : plans) {
    if (plan.at("rank") != 1 && plan.at("gpu") == plans.at(0).at("gpu")) {
      CHECK(plan.at("tied_with_top") == false);
    }
  }
}

TEST_CASE("plan --budget-on high gates on the high end of the cheapest cost range", "[plan_cli]") {
  const auto json = plan_json({}, 0);
  double cheapest_high = 1e300;
  for (const auto& plan : json.at("plans")) {
    cheapest_high = std::min(cheapest_high, plan.at("total_usd_high").get<double>());
  }
  const double expected = json.at("plans").at(0).at("total_usd");
  REQUIRE(expected < cheapest_high);
  // A budget between the expected cheapest total and the cheapest high end passes on the
  // expected total and fails on the high end.
  const std::string budget = std::to_string((expected + cheapest_high) / 2);
  CHECK(plan_json({"--budget", budget}, 0).at("outcome") == "ok");
  const auto high = plan_json({"--budget", budget, "--budget-on", "high"}, 5);
  CHECK(high.at("outcome") == "over-budget");
  CHECK(high.at("request").at("budget_on") == "high");
  CHECK(high.at("cheapest_usd").get<double>() == Approx(cheapest_high));
  // The table names the figure it gated on.
  const auto table = run_ftcost(plan_args({"--budget", budget, "--budget-on", "high"}));
  CHECK(table.exit_code == 5);
  CHECK_THAT(table.out,
             Contains("cheapest plan $") && Contains(" (--budget-on high) exceeds --budget"));
  // --budget-on alone gates nothing: a usage error, not a silent pass.
  const auto alone = run_ftcost(plan_args({"--budget-on", "high"}));
  CHECK(alone.exit_code == 2);
  CHECK(alone.out.empty());
  CHECK_THAT(alone.err, StartsWith("ftcost: error:") && Contains("--budget"));
}

TEST_CASE("plan: 70B full fine-tuning never fits one 24 GB GPU (exit 4)", "[plan_cli]") {
  const auto doc = plan_json({"--gpu", "rtx-4090", "--max-gpus", "1"}, 4, "70b", "full");
  CHECK(doc.at("outcome") == "no-fit");
  CHECK(doc.at("plans").empty());
  REQUIRE_FALSE(doc.at("rejected").empty());
  for (const auto& r : doc.at("rejected")) {
    CHECK(r.at("gpu") == "rtx-4090");
    CHECK_FALSE(r.at("reason").get<std::string>().empty());
  }
}

TEST_CASE("plan: an 8B QLoRA plan exists on a 24 GB GPU", "[plan_cli]") {
  for (const char* gpu : {"rtx-4090", "rtx-3090", "l4"}) {
    CAPTURE(gpu);
    const auto doc = plan_json({"--gpu", gpu}, 0);
    REQUIRE_FALSE(doc.at("plans").empty());
    for (const auto& p : doc.at("plans")) {
      CHECK(p.at("gpu") == gpu);
      CHECK(p.at("configuration").at("peak_reserved_gib").get<double>() <=
            p.at("configuration").at("capacity_gib").get<double>());
    }
  }
}

TEST_CASE("plan --format csv: header plus one row per plan", "[plan_cli]") {
  const auto run = run_ftcost(plan_args({"--top", "3", "--format", "csv"}));
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, StartsWith("\"rank\",\"provider\""));
  std::size_t rows = 0;
  for (std::size_t pos = run.out.find("\r\n"); pos != std::string::npos;
       pos = run.out.find("\r\n", pos + 2)) {
    ++rows;
  }
  CHECK(rows == 4);
}

TEST_CASE("plan --catalog-add: a negotiated price replaces the catalog's", "[plan_cli]") {
  const auto doc = plan_json({"--catalog-add", kCatalogs + "good/negotiated.json", "--provider",
                              "vast", "--gpu", "4090", "--tier", "on-demand"},
                             0);
  REQUIRE(doc.at("plans").size() == 1);
  CHECK(doc.at("plans").at(0).at("offer_usd_per_hour") == 0.05);
}

TEST_CASE("plan: malformed catalogs exit 3 with one line and nothing on stdout", "[plan_cli]") {
  const std::string file =
      GENERATE("wrong-type.json", "negative-price.json", "unknown-gpu.json", "duplicate-offer.json",
               "empty.json", "unknown-key.json", "syntax-error.json", "not-an-object.json");
  const std::string path = kCatalogs + "bad/" + file;
  const auto run = run_ftcost(plan_args({"--catalog", path}));
  CAPTURE(file, run.err);
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, StartsWith("ftcost: error: " + path));
  CHECK(run.err.find('\n') == run.err.size() - 1);
}

TEST_CASE("plan: a 100 MB catalog is refused quickly with exit 3", "[plan_cli]") {
  const auto path = std::filesystem::temp_directory_path() / "ftcost-e2e-100mb.json";
  { std::ofstream(path.string()) << "{"; }
  std::filesystem::resize_file(path, 100ULL * 1024 * 1024);
  const auto run = run_ftcost(plan_args({"--catalog", path.string()}));
  std::filesystem::remove(path);
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Contains("larger than the limit"));
}

TEST_CASE("plan --strict-catalog-age: stale rows are an error for CI", "[plan_cli]") {
  const auto run = run_ftcost(plan_args({"--strict-catalog-age"}));
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, StartsWith("ftcost: error: --strict-catalog-age: "));
  const auto relaxed = run_ftcost(plan_args({"--max-catalog-age", "36500"}));
  CHECK(relaxed.exit_code == 0);
  CHECK(relaxed.err.empty());
}

TEST_CASE("plan: unknown provider or store is a usage error (exit 2)", "[plan_cli]") {
  const auto provider = run_ftcost(plan_args({"--provider", "vastai"}));
  CHECK(provider.exit_code == 2);
  CHECK(provider.out.empty());
  CHECK_THAT(provider.err,
             Contains("--provider: unknown provider 'vastai' (did you mean 'vast'?)"));
  const auto store = run_ftcost(plan_args({"--checkpoint-to", "s33"}));
  CHECK(store.exit_code == 2);
  CHECK_THAT(store.err, Contains("--checkpoint-to: unknown store 's33' (did you mean 's3'?)"));
}

TEST_CASE("providers lists providers and offers; catalog validate checks files", "[plan_cli]") {
  const auto list = run_ftcost({"providers", "--provider", "vast"});
  REQUIRE(list.exit_code == 0);
  CHECK_THAT(list.out, Contains("Vast.ai") && Contains("rtx-4090"));
  const auto good = run_ftcost({"catalog", "validate", kCatalogs + "good/minimal.json"});
  CHECK(good.exit_code == 0);
  CHECK_THAT(good.out, Contains("valid catalog (schema 1): 1 providers, 2 offers"));
  const auto overlay =
      run_ftcost({"catalog", "validate", "--add", kCatalogs + "good/negotiated.json"});
  CHECK(overlay.exit_code == 0);
  const auto orphan = run_ftcost({"catalog", "validate", "--add", kCatalogs + "good/overlay.json"});
  CHECK(orphan.exit_code == 3);  // its provider 'p' is neither built in nor in the file
  CHECK(orphan.out.empty());
  const auto bad = run_ftcost({"catalog", "validate", kCatalogs + "bad/negative-price.json"});
  CHECK(bad.exit_code == 3);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, Contains("/offers/1/usd_per_hour: out of range: -0.4"));
}

TEST_CASE("plan --provider runpod selects both RunPod tiers of the catalog", "[plan_cli]") {
  // The built-in catalog lists runpod-community and runpod-secure as separate providers.
  const auto plan = plan_json({"--provider", "runpod", "--top", "200"}, 0);
  std::set<std::string> providers;
  for (const auto& row : plan["plans"]) {
    providers.insert(row["provider"].get<std::string>());
  }
  CHECK(providers == std::set<std::string>{"runpod-community", "runpod-secure"});
}

TEST_CASE("the plan table keeps within 100 columns; --wide adds every line item", "[plan_cli]") {
  // The default 8B plan and the 70B plan with 20 rows, whose long GPU ids and multi-node shapes
  // make the widest default rows.
  const auto narrow = run_ftcost(plan_args({}));
  const auto seventy = run_ftcost(plan_args({"--top", "20"}, "70b"));
  const auto wide = run_ftcost(plan_args({"--wide"}));
  REQUIRE(narrow.exit_code == 0);
  REQUIRE(seventy.exit_code == 0);
  REQUIRE(wide.exit_code == 0);
  for (const std::string& out : {narrow.out, seventy.out}) {
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(line.size() <= 100);  // ASCII on a pipe: bytes are columns
    }
  }
  const auto header = [](const std::string& out) {
    return out.substr(out.find(" #  provider"),
                      out.find('\n', out.find(" #  provider")) - out.find(" #  provider"));
  };
  CHECK_THAT(header(narrow.out), Contains("total $") && !Contains("interrupt") &&
                                     !Contains("p90") && EndsWith("80% $  cost"));
  CHECK_THAT(header(wide.out), Contains("compute  setup  storage  egress  interrupt  total $") &&
                                   Contains("80% $  p90 $  cost"));
  // The one GPU id over 14 characters is cut at a hyphen in the default table, whole in --wide.
  CHECK_THAT(seventy.out, Contains(" 1x rtx-pro-6000~ ") && !Contains("blackwell"));
}

TEST_CASE("plan warns about the stale prices of the plans it shows; providers about all",
          "[plan_cli]") {
  // The three cheapest 8B QLoRA plans use Vast.ai and TensorDock prices dated 2025-09 or earlier
  // (data/providers.json), and ages only grow, so all three plans shown are stale; the warning
  // counts those three, not the 127 offers.
  const auto plan = run_ftcost(plan_args({"--top", "3"}));
  REQUIRE(plan.exit_code == 0);
  CHECK_THAT(plan.err, StartsWith("ftcost: warning: <built-in providers>: 3 of the 3 plans shown "
                                  "use prices older than 60 days ("));
  CHECK(std::count(plan.err.begin(), plan.err.end(), '\n') == 1);
  const auto providers = run_ftcost({"providers"});
  REQUIRE(providers.exit_code == 0);
  CHECK_THAT(providers.err, Contains("offers are older than 60 days"));
}

TEST_CASE(
    "plan names uncalibrated GPUs, leaves within_budget null without a budget, "
    "and shows the offload it chose",
    "[plan_cli]") {
  const auto table = run_ftcost(plan_args({"--gpu", "mi300x"}));
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Contains("mi300x: no measured run calibrates these GPUs"));
  const auto doc = plan_json({"--gpu", "mi300x"}, 0);
  CHECK(doc.at("plans").at(0).at("throughput_extrapolated") == true);
  CHECK(doc.at("plans").at(0).at("within_budget").is_null());
  const auto offload = run_ftcost(plan_args(
      {"--gpu", "4090", "--sharding", "fsdp", "--cpu-offload", "params", "--top", "1"}, "70b"));
  REQUIRE(offload.exit_code == 0);
  CHECK_THAT(offload.out, Contains("fsdp, offload params"));
}

TEST_CASE("plan --verbose says when nothing was rejected", "[plan_cli]") {
  const auto run = run_ftcost(plan_args({"--gpu", "h100-sxm", "--verbose"}));
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("rejected: none") || Contains("rejected:\n  - "));
}

TEST_CASE("an overlay that drops a provider's spot rules under its spot offers exits 3",
          "[plan_cli]") {
  // Redefining vast without "spot" would leave the built-in vast spot offers with no
  // interruption rules (this aborted before the check existed).
  const std::string path = kCatalogs + "bad/overlay-drops-spot.json";
  for (const auto& args : {plan_args({"--catalog-add", path}),
                           std::vector<std::string>{"catalog", "validate", "--add", path},
                           std::vector<std::string>{"providers", "--catalog-add", path}}) {
    const auto run = run_ftcost(args);
    INFO(run.err);
    CHECK(run.exit_code == 3);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, StartsWith("ftcost: error: " + path +
                                   ": /providers/0: redefines 'vast' "
                                   "without \"spot\""));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
}

TEST_CASE("catalog validate refuses what a table or the planner would mishandle", "[plan_cli]") {
  auto [file, overlay, message] = GENERATE(table<std::string, bool, std::string>({
      {"description-not-text.json", false, "/description: expected a string, got 5"},
      {"overlay-unknown-store.json", true,
       "/providers/0/free_transfer_to_stores/0: unknown checkpoint store 'nope'"},
      {"overlay-control-character.json", true,
       "/providers/0/name: string contains the control character U+000A"},
      {"overlay-future-date.json", true,
       "offer vast/rtx-4090/x1/on-demand 2099-01-01 is dated after today"},
  }));
  const std::string path = kCatalogs + "bad/" + file;
  std::vector<std::string> args{"catalog", "validate"};
  if (overlay) {
    args.push_back("--add");
  }
  args.push_back(path);
  const auto run = run_ftcost(args);
  INFO(run.err);
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, StartsWith("ftcost: error: " + path + ": ") && Contains(message));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("a missing catalog file is invalid input (3); an empty path is a usage error (2)",
          "[plan_cli]") {
  for (const auto& args :
       {std::vector<std::string>{"catalog", "validate", "/nonexistent/prices.json"},
        plan_args({"--catalog", "/nonexistent/prices.json"}),
        plan_args({"--catalog-add", "/nonexistent/prices.json"})}) {
    const auto run = run_ftcost(args);
    CHECK(run.exit_code == 3);
    CHECK(run.err == "ftcost: error: /nonexistent/prices.json: no such file\n");
  }
  const auto empty = run_ftcost(plan_args({"--catalog", ""}));
  CHECK(empty.exit_code == 2);
  CHECK_THAT(empty.err, StartsWith("ftcost: error: --catalog: empty value; expected a file path"));
}

TEST_CASE("filters no offer matches are a usage error, apart from nothing fitting", "[plan_cli]") {
  const auto run = run_ftcost(plan_args({"--gpu", "rtx-3090", "--provider", "aws"}));
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err,
             Contains("--gpu: no offer of the catalog matches --gpu rtx-3090, --provider aws"));
  // Offers were tried and none could hold the job: exit 4, as before.
  CHECK(run_ftcost(plan_args({"--gpu", "t4"}, "70b", "full")).exit_code == 4);
}

TEST_CASE("a GPU family spelling selects every variant in a plan", "[plan_cli]") {
  const auto doc = plan_json({"--gpu", "h100", "--top", "0"}, 0);
  std::set<std::string> variants;
  for (const auto& row : doc.at("plans")) {
    variants.insert(row.at("gpu").get<std::string>());
  }
  CHECK(variants.count("h100-sxm") == 1);
  CHECK(variants.count("h100-pcie") == 1);
  CHECK(variants.size() >= 2);
}

TEST_CASE("plans on doubtful prices are marked low confidence with the reason", "[plan_cli]") {
  const auto doc = plan_json({"--provider", "modal", "--top", "3"}, 0);
  REQUIRE_FALSE(doc.at("plans").empty());
  for (const auto& row : doc.at("plans")) {
    CHECK(row.at("low_confidence") == true);
    CHECK_THAT(row.at("price_caveat").get<std::string>(), Contains("leaves out the host"));
  }
  const auto table = run_ftcost(plan_args({"--provider", "modal", "--top", "3"}));
  CHECK_THAT(table.out, Contains("! low confidence: the offer's price is doubtful"));
  CHECK_THAT(table.err, Contains("of the 3 plans shown rest on doubtful prices"));
  // Plans on whole-machine prices carry none.
  const auto aws = plan_json({"--provider", "aws", "--top", "3"}, 0);
  CHECK(aws.at("plans").at(0).at("low_confidence") == false);
}

TEST_CASE("an unpriced offer is listed under rejected, the rest of the catalog plans",
          "[plan_cli]") {
  const auto doc = plan_json({"--catalog", kCatalogs + "good/doubtful.json", "--top", "0"}, 0);
  bool listed = false;
  for (const auto& r : doc.at("rejected")) {
    listed = listed || r.at("reason").get<std::string>() == "/offers/4: usd_per_hour is null";
  }
  CHECK(listed);
}

TEST_CASE("idle hours, a rented volume and a fixed checkpoint interval are costed", "[plan_cli]") {
  const auto base = plan_json({"--provider", "vast", "--tier", "spot", "--top", "1"}, 0);
  const auto job = plan_json({"--provider", "vast", "--tier", "spot", "--top", "1", "--idle-hours",
                              "2", "--volume-gb", "500", "--checkpoint-every", "15m"},
                             0);
  const auto& b = base.at("plans").at(0);
  const auto& j = job.at("plans").at(0);
  REQUIRE(b.at("gpu") == j.at("gpu"));
  const auto item = [](const nlohmann::json& row, const std::string& name) {
    for (const auto& li : row.at("line_items")) {
      if (li.at("item") == name) {
        return li.at("usd").get<double>();
      }
    }
    return -1.0;
  };
  // Idle hours bill the instance at its price: 2 h x offer $/h.
  CHECK(item(j, "idle") == Approx(2 * j.at("usd_per_hour").get<double>()));
  CHECK(item(b, "idle") == 0);
  CHECK(j.at("disk_gb") == 500);
  CHECK(item(j, "storage") > item(b, "storage"));
  // 15 minutes between checkpoints, and what the computed optimum would have cost instead.
  CHECK(j.at("interruption").at("checkpoint_interval_hours").get<double>() == Approx(0.25));
  CHECK(j.at("interruption").at("optimum_interruption_usd").get<double>() <=
        item(j, "interruption"));
  const auto bad = run_ftcost(plan_args({"--checkpoint-every", "5x"}));
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains("--checkpoint-every: '5x' is not a duration"));
}

TEST_CASE("a network volume keeps a month of data for less where the provider sells one",
          "[plan_cli]") {
  // 500 GB kept 30 days on RunPod: the stopped volume disk bills 0.20 $/GB-month, the network
  // volume 0.07 (RunPod pricing via the catalog).
  const std::vector<std::string> job{"--provider", "runpod-secure", "--top", "1", "--keep-days",
                                     "30",         "--volume-gb",   "500"};
  auto with_volume = job;
  with_volume.push_back("--network-volume");
  const auto disk = plan_json(job, 0).at("plans").at(0);
  const auto network = plan_json(with_volume, 0).at("plans").at(0);
  CHECK(disk.at("on_network_volume") == false);
  CHECK(network.at("on_network_volume") == true);
  const double hours = network.at("wall_hours").get<double>() + 30 * 24;
  CHECK(network.at("line_items").at(2).at("usd").get<double>() == Approx(500 * 0.07 * hours / 730));
  CHECK(disk.at("line_items").at(2).at("usd").get<double>() >
        2 * network.at("line_items").at(2).at("usd").get<double>());
}

TEST_CASE("job flags echo in the request, a bare interval is refused, CSV names the switches",
          "[plan_cli]") {
  const auto doc = plan_json(
      {"--idle-hours", "3", "--volume-gb", "200", "--network-volume", "--checkpoint-every", "30m"},
      0);
  const auto& r = doc.at("request");
  CHECK(r.at("idle_hours") == 3);
  CHECK(r.at("volume_gb") == 200);
  CHECK(r.at("network_volume") == true);
  CHECK(r.at("checkpoint_every_hours") == Approx(0.5));
  CHECK(run_ftcost(plan_args({"--checkpoint-every", "15"})).exit_code == 2);
  const auto csv = run_ftcost(plan_args({"--format", "csv", "--top", "3"}, "8b", "full"));
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, Contains("\"sharding\",\"precision\",\"optimizer\",\"cpu_offload\""));
  CHECK_THAT(csv.out, Contains("\"bf16-true\""));  // the H100 plans' memory-saving switch
  CHECK_THAT(csv.err, Contains("warning: on h100-sxm x1 nothing fit with adamw in bf16-mixed"));
}

TEST_CASE("when nothing fits, the nearest attempt is reported, ZeRO-3 included", "[plan_cli]") {
  // 70B full fine-tuning with AdamW stated on 8 B200s: data parallel needs ~1,590 GiB per GPU,
  // ZeRO-3 ~181 GiB; the report names the nearer one.
  const auto run = run_ftcost({"time", "--model", "70b", "--method", "full", "--optimizer", "adamw",
                               "--gpu", "b200", "--gpus", "8", "--format", "json"});
  CHECK(run.exit_code == 4);
  const auto doc = nlohmann::json::parse(run.out);
  CHECK(doc.at("setup").at("sharding") == "zero3");
  const std::string why = doc.at("why_not").get<std::string>();
  REQUIRE(why.starts_with("needs "));
  CHECK(std::stod(why.substr(6)) < 200);
}
