// render_plan: the format switch, and the text pieces every plan format shares.
#include "ftcost/render/plan_render.hpp"

#include <fmt/format.h>

#include "html/html_reports.hpp"
#include "plan_text.hpp"

namespace ftcost::render {

std::string shape_text(const PlanRow& row, const std::string& gpu) {
  const std::string one = fmt::format("{}x {}", row.offer.gpus, gpu);
  return row.instances == 1 ? one : fmt::format("{} x {}", row.instances, one);
}

std::string config_text(const TrainingSetup& setup, bool compact) {
  std::string text = fmt::format("mb {} x ga {}", setup.micro_batch, setup.grad_accum);
  if (setup.grad_ckpt != GradCkpt::None) {
    text += fmt::format(", ckpt {}", name_of(setup.grad_ckpt));
  }
  if (setup.sharding != Sharding::None && !(compact && setup.sharding == Sharding::Ddp)) {
    text += fmt::format(", {}", name_of(setup.sharding));
  }
  if (setup.cpu_offload != CpuOffload::None) {
    text += fmt::format(", offload {}", name_of(setup.cpu_offload));
  }
  // The memory-saving switches the search may make for full fine-tuning (pure bf16, 8-bit
  // AdamW): shown, since offers of one plan can differ in them.
  if (setup.method == Method::Full && setup.precision == Precision::Bf16True) {
    text += ", bf16-true";
  }
  if (setup.optimizer == Optimizer::AdamW8bit || setup.optimizer == Optimizer::PagedAdamW8bit ||
      setup.optimizer == Optimizer::PagedAdamW) {
    text += fmt::format(", {}", name_of(setup.optimizer));
  }
  return text;
}

namespace {

// Which figure --budget was compared with, when it is not the expected total.
std::string budget_basis_text(const PlanRequest& request) {
  switch (request.budget_on) {
    case BudgetBasis::Expected:
      return "";
    case BudgetBasis::High:
      return " (--budget-on high)";
    case BudgetBasis::P90:
      return " (--budget-on p90)";
  }
  return "";
}

}  // namespace

std::string outcome_text(const Plan& plan, const PlanRequest& request) {
  switch (plan.outcome) {
    case PlanOutcome::Ok:
      return request.budget_usd
                 ? fmt::format("outcome: ok: cheapest plan ${:.2f}{} is within --budget ${:.2f}",
                               *plan.cheapest_usd, budget_basis_text(request), *request.budget_usd)
                 : "outcome: ok";
    case PlanOutcome::NoFit:
      return "outcome: no-fit: no offer can run this job (exit code 4)";
    case PlanOutcome::OverBudget:
      return fmt::format(
          "outcome: over-budget: cheapest plan ${:.2f}{} exceeds --budget ${:.2f} "
          "(exit code 5)",
          *plan.cheapest_usd, budget_basis_text(request), *request.budget_usd);
  }
  return {};
}

void render_plan(const PlanReport& report, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Table:
      write_plan_table(report.plan, report.request, report.context, report.table, out);
      return;
    case OutputFormat::Json:
      write_plan_json(report.plan, report.request, report.context, out);
      return;
    case OutputFormat::Csv:
      write_plan_csv(report.plan, out);
      return;
    case OutputFormat::Html:
      write_plan_html(report, out);
      return;
  }
}

}  // namespace ftcost::render
