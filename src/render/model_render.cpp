// `ftcost models` output as a table, JSON or CSV.
#include "ftcost/render/model_render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "csv_writer.hpp"
#include "ftcost/model/params.hpp"
#include "table_writer.hpp"

namespace ftcost::render {
namespace {

std::string billions(std::int64_t count) {
  return fmt::format("{:.2f}", static_cast<double>(count) / 1e9);
}

std::string context_text(const ModelArch& arch) {
  return arch.max_position_embeddings > 0 ? std::to_string(arch.max_position_embeddings) : "";
}

void write_models_table(const std::vector<ModelArch>& models, std::ostream& out) {
  const std::vector<Column> columns = {
      {"id", Align::Left},          {"name", Align::Left},        {"family", Align::Left},
      {"params (B)", Align::Right}, {"active (B)", Align::Right}, {"layers", Align::Right},
      {"hidden", Align::Right},     {"vocab", Align::Right},      {"max context", Align::Right}};
  std::vector<std::vector<std::string>> rows;
  for (const ModelArch& arch : models) {
    const ParamCounts counts = count_params(arch);
    rows.push_back({arch.id, arch.name, arch.family, billions(counts.total),
                    billions(counts.active), std::to_string(arch.num_layers),
                    std::to_string(arch.hidden_size), std::to_string(arch.vocab_size),
                    context_text(arch)});
  }
  write_table(out, columns, rows);
}

void write_models_json(const std::vector<ModelArch>& models, std::ostream& out) {
  nlohmann::json rows = nlohmann::json::array();
  for (const ModelArch& arch : models) {
    const ParamCounts counts = count_params(arch);
    rows.push_back({{"id", arch.id},
                    {"name", arch.name},
                    {"family", arch.family},
                    {"total_params", counts.total},
                    {"active_params", counts.active},
                    {"num_layers", arch.num_layers},
                    {"hidden_size", arch.hidden_size},
                    {"vocab_size", arch.vocab_size},
                    {"max_context_tokens", arch.max_position_embeddings > 0
                                               ? nlohmann::json(arch.max_position_embeddings)
                                               : nlohmann::json(nullptr)}});
  }
  out << nlohmann::json{{"models", rows}}.dump(2) << '\n';
}

void write_models_csv(const std::vector<ModelArch>& models, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (const ModelArch& arch : models) {
    const ParamCounts counts = count_params(arch);
    rows.push_back({arch.id, arch.name, arch.family, std::to_string(counts.total),
                    std::to_string(counts.active), std::to_string(arch.num_layers),
                    std::to_string(arch.hidden_size), std::to_string(arch.vocab_size),
                    context_text(arch)});
  }
  write_csv(out,
            {"id", "name", "family", "total_params", "active_params", "num_layers", "hidden_size",
             "vocab_size", "max_context_tokens"},
            rows);
}

}  // namespace

void render_models(const std::vector<ModelArch>& models, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Table:
      write_models_table(models, out);
      return;
    case OutputFormat::Json:
      write_models_json(models, out);
      return;
    case OutputFormat::Csv:
      write_models_csv(models, out);
      return;
    case OutputFormat::Html:  // refused on the command line (add_format_option)
      throw std::invalid_argument("html is a format of plan and vram only");
  }
}

}  // namespace ftcost::render
