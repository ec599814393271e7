#include "status/html.hpp"

#include <sstream>

#include "proceedings/text.hpp"
#include "status/cells.hpp"

namespace proceedings::status {

namespace {

// The check report's look (tools/check/html_report.cpp); on a phone each
// paper becomes a card of labelled lines.
const char* const kStyle = R"(
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#222}
h1{margin-bottom:.2em}
.sub{color:#555;margin-top:0}
.table{display:flex;flex-direction:column;border:1px solid #ccc;margin:1em 0}
.row{display:grid;grid-template-columns:2fr 1fr 3fr 3fr 3fr 2fr 1.5fr;gap:.5em;padding:.35em .5em;border-top:1px solid #eee}
.row.head{font-weight:bold;background:#f3f3f3;border-top:0}
.row .title{display:block;color:#555;font-size:85%}
.label{display:none;color:#555}
.state{font-weight:bold;text-transform:uppercase}
.state.ready{color:#1a7f37}.state.failing{color:#c62828}.state.missing{color:#8a4b00}
.code{font-family:ui-monospace,monospace;font-size:90%}
.summary{font-size:110%;font-weight:bold}
.strays li{color:#c62828}
@media (max-width:700px){
.row{grid-template-columns:1fr;gap:.1em;padding:.6em .5em;border-top:2px solid #ccc}
.row.head{display:none}
.label{display:inline}
}
)";

void cell(std::ostringstream& out, const std::string& label, const std::string& text, const std::string& cls = "") {
  out << "<span><span class=\"label\">" << label << ": </span>"
      << (cls.empty() ? html_escape(text) : "<span class=\"" + cls + "\">" + html_escape(text) + "</span>") << "</span>";
}

void row(std::ostringstream& out, const PaperStatus& p) {
  out << "<div class=\"row\"><span><strong>" << html_escape(p.id) << "</strong><span class=\"title\">"
      << html_escape(p.title) << "</span></span>";
  out << "<span class=\"state " << state_name(p.state) << "\">" << state_name(p.state) << "</span>";
  cell(out, "upload", upload_cell(p));
  cell(out, "check", check_cell(p), "code");
  cell(out, "rights, DOI", rights_cell(p));
  cell(out, "last notice", notice_cell(p));
  cell(out, "book", book_cell(p));
  out << "</div>\n";
}

void head(std::ostringstream& out, const std::string& title, const std::string& heading) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Status of "
      << html_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<h1>Status of "
      << html_escape(heading) << "</h1>\n";
}

// The stage, the uploads' folder, the book, the summary line.
void overview(std::ostringstream& out, const VenueStatus& s) {
  out << "<p class=\"sub\">At the " << stage_name(s.stage) << " stage; uploads in " << html_escape(s.papers_dir.string())
      << "; "
      << (s.book_manifest.empty() ? std::string("no book built yet") : "last book: " + html_escape(s.book_manifest.string()))
      << ".</p>\n<p class=\"summary\">" << html_escape(status_summary(s)) << "</p>\n";
}

// The table of papers, then the files taken for none under a heading of `level`.
void table(std::ostringstream& out, const VenueStatus& s, int level) {
  out << "<div class=\"table\">\n"
      << "<div class=\"row head\"><span>Paper</span><span>State</span><span>Upload</span><span>Check</span>"
         "<span>Rights, DOI</span><span>Last notice</span><span>Book</span></div>\n";
  for (const auto& p : s.papers) row(out, p);
  out << "</div>\n";
  if (s.strays.empty()) return;
  out << "<h" << level << ">Files taken for no paper</h" << level << ">\n<ul class=\"strays\">\n";
  for (const auto& stray : s.strays)
    out << "<li>" << html_escape(stray.file.filename().string() + ": " + stray.problem) << "</li>\n";
  out << "</ul>\n";
}

// The volume's papers and strays as one venue, for its total summary line.
VenueStatus all_of(const std::vector<VenueStatus>& workshops) {
  VenueStatus total;
  for (const auto& s : workshops) {
    total.papers.insert(total.papers.end(), s.papers.begin(), s.papers.end());
    total.strays.insert(total.strays.end(), s.strays.begin(), s.strays.end());
  }
  return total;
}

}  // namespace

std::string html_page(const VenueStatus& s) {
  std::ostringstream out;
  head(out, s.venue, s.title);
  overview(out, s);
  table(out, s, 2);
  out << "</body>\n</html>\n";
  return out.str();
}

std::string volume_html_page(const std::string& volume, const std::vector<VenueStatus>& workshops) {
  std::ostringstream out;
  head(out, volume, volume);
  out << "<p class=\"summary\">" << workshops.size() << " workshops, " << html_escape(status_summary(all_of(workshops)))
      << "</p>\n";
  for (const auto& s : workshops) {
    out << "<section>\n<h2>" << html_escape(s.title) << "</h2>\n";
    overview(out, s);
    table(out, s, 3);
    out << "</section>\n";
  }
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace proceedings::status
