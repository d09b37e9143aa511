// The shared page: a system font stack, dark text on white, tabular numbers; nothing fetched.
#include "html_page.hpp"

#include <stdexcept>

namespace ftcost::render::html {
namespace {

// No '<' or '&' (Markup::raw), no child combinator '>' either: the same text reads as XML and
// as HTML raw text.
constexpr std::string_view kStyle =
    "body{margin:0;background:#fff;color:#1b1b1b;font:16px/1.5 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",\"Liberation Sans\",sans-serif}"
    "main{max-width:1180px;margin:0 auto;padding:28px 36px 48px}"
    "h1{font-size:1.75rem;line-height:1.25;margin:0 0 .3rem}"
    "h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;"
    "border-bottom:1px solid #cfcfcf}"
    "p{margin:.45rem 0;max-width:66rem}"
    ".lead{color:#333;margin:0 0 1rem}"
    ".outcome{display:inline-block;padding:.35rem .8rem;border-radius:4px;font-weight:600;"
    "border:1px solid;margin:.6rem 0}"
    ".outcome.ok{background:#e7f4ec;border-color:#1b7f4a;color:#0f4f2e}"
    ".outcome.warn{background:#fff3df;border-color:#a35f00;color:#5e3600}"
    ".outcome.bad{background:#fdeceb;border-color:#b3261e;color:#6f140f}"
    "table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.95rem}"
    "th,td{padding:.3rem .7rem;border-bottom:1px solid #e0e0e0;text-align:left;"
    "vertical-align:top}"
    "thead th{border-bottom:2px solid #8a8a8a;background:#f4f4f4;white-space:nowrap}"
    ".num{text-align:right;white-space:nowrap}"
    "table.plans td{white-space:nowrap}"
    "table.kv th{font-weight:600;padding-left:0;white-space:nowrap;background:none;border:0;"
    "color:#333}"
    "table.kv td{border:0}"
    "figure{margin:0}"
    "figcaption{color:#2b2b2b;font-size:.95rem;margin-top:.5rem;max-width:66rem}"
    "svg{display:block;max-width:100%;height:auto}"
    "svg text{font-family:inherit}"
    ".grid{stroke:#d6d6d6;stroke-width:1}"
    ".grid-minor{stroke:#eeeeee;stroke-width:1}"
    ".frame{fill:none;stroke:#8a8a8a;stroke-width:1}"
    ".tick{font-size:13px;fill:#333}"
    ".axis-title{font-size:15px;font-weight:600;fill:#1b1b1b}"
    ".bar-label{font-size:14px;fill:#1b1b1b}"
    ".segment-value{font-size:12px;stroke-width:3px;paint-order:stroke}"
    ".capacity{stroke:#1b1b1b;stroke-width:2;stroke-dasharray:5 3}"
    ".capacity-label{font-size:12px;fill:#1b1b1b}"
    ".bar-total{font-size:13px;fill:#1b1b1b}"
    ".legend{font-size:13px;fill:#1b1b1b}"
    ".legend-head{font-size:13px;font-weight:700;fill:#1b1b1b}"
    ".front{fill:none;stroke:#1b1b1b;stroke-width:1.8}"
    ".whisker{stroke-width:1.2;stroke-opacity:.45}"
    ".key.whisker{stroke-opacity:.9}"
    ".mark,.swatch{stroke:#1b1b1b;stroke-width:.7;fill-opacity:.9}"
    ".doubtful{stroke-dasharray:2 1.5;stroke-width:1.3}"
    ".rank-ring{fill:none;stroke:#1b1b1b;stroke-width:1.6}"
    ".leader{stroke:#1b1b1b;stroke-width:1}"
    ".rank-box{fill:#fff;fill-opacity:.92;stroke:#1b1b1b;stroke-width:.8}"
    ".rank-text{font-size:12px;font-weight:700;fill:#1b1b1b}"
    "ul{padding-left:1.3rem}"
    "li{margin:.2rem 0;max-width:66rem}"
    ".source{color:#555}"
    ".note{font-size:.95rem}"
    "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace;"
    "font-size:.9em}"
    "details summary{cursor:pointer;color:#1f4f8f}"
    "footer{margin-top:3rem;color:#4a4a4a;font-size:.9rem;border-top:1px solid #ddd;"
    "padding-top:.6rem}";

}  // namespace

void begin_page(Markup& page, std::string_view title) {
  page.doctype();
  page.open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", "en"}});
  page.newline();
  page.open("head");
  page.leaf("meta", {{"charset", "utf-8"}});
  page.leaf("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  page.element("title", title);
  page.open("style");
  page.raw(kStyle);
  page.close();
  page.close();
  page.newline();
  page.open("body");
  page.open("main");
  page.newline();
}

void end_page(Markup& page, std::string_view footer) {
  if (page.depth() != 3) {
    throw std::logic_error("html end_page: elements left open");
  }
  page.open("footer");
  page.text(footer);
  page.close();
  page.close();  // main
  page.close();  // body
  page.close();  // html
  page.newline();
}

void key_value_table(Markup& page, const std::vector<std::pair<std::string, std::string>>& pairs) {
  page.open("table", {{"class", "kv"}});
  page.open("tbody");
  for (const auto& [key, value] : pairs) {
    page.open("tr");
    page.element("th", {{"scope", "row"}}, key);
    page.element("td", value);
    page.close();
  }
  page.close();
  page.close();
  page.newline();
}

void assumption_list(Markup& page, const std::vector<Assumption>& assumptions) {
  if (assumptions.empty()) {
    page.element("p", "none");
    return;
  }
  page.open("ul");
  for (const Assumption& a : assumptions) {
    page.open("li");
    page.text(a.text);
    if (!a.source.empty()) {
      page.text(" ");
      page.element("span", {{"class", "source"}}, "[" + a.source + "]");
    }
    page.close();
    page.newline();
  }
  page.close();
}

}  // namespace ftcost::render::html
