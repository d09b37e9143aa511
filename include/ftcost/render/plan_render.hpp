// Rendering a plan (`ftcost plan`).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/duration/duration_estimate.hpp"
#include "ftcost/memory/memory.hpp"
#include "ftcost/plan/planner.hpp"
#include "ftcost/render/output_format.hpp"
#include "ftcost/render/text_style.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost::render {

/// Version of the `ftcost plan --format json` document (docs/plan-output.md).
inline constexpr std::int64_t kPlanJsonSchemaVersion = 1;

/// What the plan was made for, as the assumptions header and the JSON "request" show it.
struct PlanContext {
  std::string model_id;            ///< resolved model id ("llama-3.1-8b")
  std::string model_name;          ///< "Llama 3.1 8B"
  std::int64_t params_total = 0;   ///< every weight (count_params().total)
  std::int64_t params_active = 0;  ///< weights a token passes through (MoE: fewer than total)
  Method method = Method::Qlora;
  double dataset_tokens = 0;  ///< tokens per epoch
  double epochs = 1;
  Packing packing = Packing::Off;   ///< --packing as resolved
  double eval_share = 0;            ///< --eval-share (0: no evaluation)
  std::optional<double> startup_s;  ///< --startup-s when given (else the default by --compile)
  std::string catalog_origin;       ///< "<built-in providers>" or the --catalog path
  std::string catalog_version;
  std::string catalog_as_of;
  std::int64_t catalog_schema_version = 1;
  std::size_t catalog_offers = 0;
  std::vector<Assumption>
      assumptions;  ///< model, setup and run assumptions (plan's come from Plan)
};

/// How much the table format shows; JSON and CSV always carry everything.
struct PlanTableOptions {
  bool verbose = false;  ///< also every assumption and every rejected offer with its reason
  /// every cost line item, p90 hours and p90 $ (about 150 columns); the default table aims at 100
  bool wide = false;
  TextStyle style;  ///< how the cost bar is drawn (the CLI's --color and terminal)
};

/// How many ranked plans the html report breaks down by memory (the first ones).
inline constexpr std::size_t kHtmlMemoryPlans = 5;

/// The memory of one ranked plan's run, per GPU, for the html report's breakdown.
struct PlanMemory {
  std::size_t rank = 1;       ///< 1-based rank of the plan (Plan::rows[rank - 1])
  MemoryEstimate estimate;    ///< estimate_memory of the row's chosen setup (run.setup)
  double capacity_bytes = 0;  ///< usable memory of one of the plan's GPUs, bytes
};

/// What `ftcost plan` prints: the plan and what it was made for (the report shape every
/// command's renderer takes, as MemoryReport and DurationReport).
struct PlanReport {
  Plan plan;
  PlanRequest request;
  PlanContext context;
  PlanTableOptions table;  ///< the table format only
  /// The html format only: the first min(kHtmlMemoryPlans, rows) plans' memory, in rank order
  /// (computed by the CLI; renderers compute nothing). Empty for the other formats.
  std::vector<PlanMemory> memory;
};

/// Writes `report` to `out` only: table (assumptions header, ranked rows, outcome; see
/// PlanTableOptions), JSON (docs/plan-output.md, versioned), CSV (one flat row per plan,
/// RFC 4180) or html (one self-contained page: the cost × time chart of report.plan.points, the
/// ranked table, report.memory as stacked bars, assumptions; docs/report.md).
void render_plan(const PlanReport& report, OutputFormat format, std::ostream& out);

}  // namespace ftcost::render
