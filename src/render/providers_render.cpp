// `ftcost providers`: the catalog's providers (billing, storage, network, spot) and offers.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "csv_writer.hpp"
#include "ftcost/render/provider_render.hpp"
#include "table_writer.hpp"

namespace ftcost::render {
namespace {

using nlohmann::json;

std::string spot_text(const Provider& p) {
  if (!p.spot) {
    return "-";
  }
  return fmt::format("{} {:g}/h, notice {:g} s", name_of(p.spot->cause), p.spot->hazard_per_hour,
                     p.spot->notice_s);
}

void write_providers_tables(const Catalog& catalog, std::ostream& out) {
  std::vector<std::vector<std::string>> providers;
  for (const Provider& p : catalog.providers) {
    providers.push_back({p.id, p.name, std::string(name_of(p.kind)),
                         fmt::format("{:g} s", p.billing.granularity_s),
                         fmt::format("{:g} / {:g}", p.storage.running_usd_per_gb_month,
                                     p.storage.stopped_usd_per_gb_month),
                         fmt::format("{:g}", p.network.egress_usd_per_gb), spot_text(p),
                         p.reliability ? fmt::format("{:g}", p.reliability->value) : "-",
                         p.multi_node ? p.multi_node->fabric : "-"});
  }
  write_table(out,
              {{"provider", Align::Left},
               {"name", Align::Left},
               {"kind", Align::Left},
               {"billing", Align::Right},
               {"disk $/GB-mo run/stop", Align::Right},
               {"egress $/GB", Align::Right},
               {"spot", Align::Left},
               {"reliability", Align::Right},
               {"multi-node", Align::Left}},
              providers);
  out << '\n';
  std::vector<std::vector<std::string>> offers;
  for (const Offer& o : catalog.offers) {
    offers.push_back({o.provider, o.gpu, std::to_string(o.gpus), std::string(name_of(o.tier)),
                      fmt::format("{:.4g}", o.usd_per_hour),
                      fmt::format("{:.4g}", o.usd_per_hour / static_cast<double>(o.gpus)),
                      o.instance_type, o.region.empty() ? "-" : o.region, o.as_of});
  }
  write_table(out,
              {{"provider", Align::Left},
               {"gpu", Align::Left},
               {"gpus", Align::Right},
               {"tier", Align::Left},
               {"$/h", Align::Right},
               {"$/GPU-h", Align::Right},
               {"instance", Align::Left},
               {"region", Align::Left},
               {"as of", Align::Left}},
              offers);
}

json provider_json(const Provider& p) {
  json spot = nullptr;
  if (p.spot) {
    spot = {{"notice_s", p.spot->notice_s},
            {"cause", name_of(p.spot->cause)},
            {"hazard_per_hour", p.spot->hazard_per_hour},
            {"restart_minutes", p.spot->restart_minutes},
            {"hazard_source", p.spot->hazard_source}};
  }
  return {{"id", p.id},
          {"name", p.name},
          {"kind", name_of(p.kind)},
          {"billing_granularity_s", p.billing.granularity_s},
          {"billing_minimum_s", p.billing.minimum_s},
          {"storage_running_usd_per_gb_month", p.storage.running_usd_per_gb_month},
          {"storage_stopped_usd_per_gb_month", p.storage.stopped_usd_per_gb_month},
          {"egress_usd_per_gb", p.network.egress_usd_per_gb},
          {"egress_free_gb_per_month", p.network.egress_free_gb_per_month},
          {"ingress_usd_per_gb", p.network.ingress_usd_per_gb},
          {"spot", spot},
          {"host_reliability", p.reliability ? json(p.reliability->value) : json(nullptr)},
          {"multi_node_fabric", p.multi_node ? json(p.multi_node->fabric) : json(nullptr)}};
}

void write_providers_json(const Catalog& catalog, std::ostream& out) {
  json providers = json::array();
  for (const Provider& p : catalog.providers) {
    providers.push_back(provider_json(p));
  }
  json offers = json::array();
  for (const Offer& o : catalog.offers) {
    offers.push_back({{"provider", o.provider},
                      {"gpu", o.gpu},
                      {"gpus", o.gpus},
                      {"tier", name_of(o.tier)},
                      {"usd_per_hour", o.usd_per_hour},
                      {"instance_type", o.instance_type},
                      {"region", o.region.empty() ? json(nullptr) : json(o.region)},
                      {"usd_per_gpu_hour", usd_per_gpu_hour(o)},
                      {"note", o.note},
                      {"source", o.source},
                      {"as_of", o.as_of}});
  }
  json stores = json::array();
  for (const CheckpointStore& st : catalog.checkpoint_stores) {
    stores.push_back({{"id", st.id},
                      {"name", st.name},
                      {"usd_per_gb_month", st.usd_per_gb_month},
                      {"free_gb", st.free_gb},
                      {"write_gb_per_s", st.write_gb_per_s},
                      {"source", st.source},
                      {"as_of", st.as_of}});
  }
  out << json{{"catalog_version", catalog.version},
              {"as_of", catalog.as_of},
              {"providers", providers},
              {"checkpoint_stores", stores},
              {"offers", offers}}
             .dump(2)
      << '\n';
}

void write_providers_csv(const Catalog& catalog, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (const Offer& o : catalog.offers) {
    const Provider* p = catalog.find_provider(o.provider);
    rows.push_back({o.provider, p != nullptr ? p->name : "", o.gpu, std::to_string(o.gpus),
                    std::string(name_of(o.tier)), fmt::format("{}", o.usd_per_hour),
                    fmt::format("{}", usd_per_gpu_hour(o)), o.instance_type, o.region, o.as_of,
                    o.source});
  }
  write_csv(out,
            {"provider", "provider_name", "gpu", "gpus", "tier", "usd_per_hour", "usd_per_gpu_hour",
             "instance_type", "region", "as_of", "source"},
            rows);
}

}  // namespace

void render_providers(const Catalog& catalog, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Table:
      write_providers_tables(catalog, out);
      return;
    case OutputFormat::Json:
      write_providers_json(catalog, out);
      return;
    case OutputFormat::Csv:
      write_providers_csv(catalog, out);
      return;
    case OutputFormat::Html:  // refused on the command line (add_format_option)
      throw std::invalid_argument("html is a format of plan and vram only");
  }
}

}  // namespace ftcost::render
