#include "book/typeset.hpp"

#include <algorithm>
#include <sstream>

#include "meta/crosscheck.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/process.hpp"
#include "proceedings/template.hpp"

namespace proceedings::book {

namespace fs = std::filesystem;

namespace {

std::string esc(const std::string& s) { return latex_escape(s); }

std::string names_of(const std::vector<Person>& people) {
  std::string out;
  for (std::size_t i = 0; i < people.size(); ++i)
    out += (i == 0 ? "" : (i + 1 == people.size() ? (people.size() > 2 ? ", and " : " and ") : ", ")) + people[i].name;
  return out;
}

std::string clock(const ClockTime& t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", t.minutes / 60, t.minutes % 60);
  return buf;
}

std::string span(const std::optional<ClockTime>& start, const std::optional<ClockTime>& end) {
  if (!start) return "";
  return clock(*start) + (end ? "--" + clock(*end) : "");
}

const BookPaper* paper_with_id(const BookPlan& plan, const std::string& id) {
  for (const auto& p : plan.papers)
    if (p.record.id == id) return &p;
  return nullptr;
}

std::string program_slot(const BookPlan& plan) {
  std::ostringstream out;
  for (const auto& s : plan.workshop.sessions) {
    std::string chairs;
    for (const auto& c : s.chairs) chairs += (chairs.empty() ? "" : ", ") + c;
    out << "\\session{" << esc(span(s.start, s.end)) << "}{" << esc(s.title) << "}{" << esc(chairs) << "}\n";
    for (const auto& t : s.talks) {
      std::string who = names_of(t.speakers);
      if (const BookPaper* p = paper_with_id(plan, t.paper_id))
        who = names_of(p->record.authors) + " (page " + std::to_string(p->first_page) + ")";
      out << "\\talk{" << esc(span(t.start, t.end)) << "}{" << esc(t.title) << "}{" << esc(who) << "}\n";
    }
  }
  return out.str();
}

std::string people_slot(const std::vector<Person>& people) {
  std::ostringstream out;
  for (const auto& p : people) out << "\\person{" << esc(p.name) << "}{" << esc(p.affiliation()) << "}\n";
  return out.str();
}

std::string committees_slot(const Workshop& w) {
  std::ostringstream out;
  for (const auto& c : w.committees) out << "\\committee{" << esc(c.name) << "}\n" << people_slot(c.members);
  return out.str();
}

std::string contents_slot(const BookPlan& plan) {
  std::ostringstream out;
  std::string session = "\x01";
  for (const auto& p : plan.papers) {
    if (p.session != session) {
      session = p.session;
      out << "\\tocsession{" << esc(session.empty() ? "Papers" : session) << "}\n";
    }
    out << "\\tocentry{" << esc(p.record.title) << "}{" << esc(names_of(p.record.authors)) << "}{" << p.first_page
        << "}\n";
  }
  out << "\\tocline{Author Index}{" << plan.paper_pages + 1 << "}\n";
  return out.str();
}

std::string message_latex(const BookPlan& plan, const fs::path& work) {
  const fs::path message = plan.workshop.folder / "message.md";
  if (!fs::exists(message))
    return "\\emph{The message from the chairs is missing: write it in " + esc(message.string()) + ".}";
  return markdown_to_latex(message, work, plan.workshop.markdown_raw_tex);
}

Typeset run_latex(const std::string& name, const std::string& source, const fs::path& templates, const fs::path& work,
                  const std::string& epoch) {
  fs::create_directories(work);
  fs::copy_file(templates / "preamble.tex", work / "preamble.tex", fs::copy_options::overwrite_existing);
  write_file_atomic(work / (name + ".tex"), source);
  run_tex("pdflatex", {name + ".tex"}, work, std::chrono::seconds(180), work / (name + ".log"), epoch);
  Typeset out{work / (name + ".pdf"), {}};
  const fs::path sections = work / (name + ".sections");
  if (fs::exists(sections)) {
    std::istringstream in(read_file(sections));
    for (std::string line; std::getline(in, line);) {
      const auto bar = line.rfind('|');
      if (bar != std::string::npos) out.sections.emplace_back(line.substr(0, bar), std::stoi(line.substr(bar + 1)));
    }
  }
  return out;
}

std::string read_template(const fs::path& templates, const std::string& name) {
  const fs::path file = templates / (name + ".tex");
  if (!fs::exists(file)) throw usage_error(file.string(), "template missing");
  return read_file(file);
}

std::string family_key(const std::string& name) {
  const auto space = name.rfind(' ');
  const std::string family = space == std::string::npos ? name : name.substr(space + 1);
  const std::string given = space == std::string::npos ? "" : name.substr(0, space);
  return meta::fold_name(family) + " " + meta::fold_name(given);
}

std::string index_name(const std::string& name) {
  const auto space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1) + ", " + name.substr(0, space);
}

}  // namespace

std::map<std::string, std::string> front_matter_values(const BookPlan& plan, const std::string& message) {
  const Workshop& w = plan.workshop;
  return {{"PAPER", plan.workshop.submission && plan.workshop.submission->paper == "a4" ? "a4paper" : "letterpaper"},
          {"ACRONYM", esc(w.acronym)},
          {"NAME", esc(w.name)},
          {"HOST", esc(w.host.empty() ? "" : "held with " + w.host)},
          {"DATE", esc(long_date(w.date))},
          {"LOCATION", esc(w.location)},
          {"PUBLICATION", esc(w.publication)},
          {"MESSAGE", message},
          {"ORGANIZERS", people_slot(w.organizers)},
          {"COMMITTEES", committees_slot(w)},
          {"PROGRAM_INTRO", esc(long_date(w.date) + ". Times are local (" + w.timezone + ").")},
          {"PROGRAM", program_slot(plan)},
          {"CONTENTS", contents_slot(plan)}};
}

std::vector<std::pair<std::string, std::vector<int>>> author_index(const BookPlan& plan) {
  std::map<std::string, std::pair<std::string, std::vector<int>>> by_key;
  for (const auto& p : plan.papers)
    for (const auto& a : p.record.authors) {
      auto& entry = by_key[family_key(a.name) + "\x01" + a.name];
      entry.first = a.name;
      entry.second.push_back(p.first_page);
    }
  std::vector<std::pair<std::string, std::vector<int>>> out;
  for (auto& [key, entry] : by_key) out.push_back(entry);
  return out;
}

std::map<std::string, std::string> author_index_values(const BookPlan& plan) {
  std::ostringstream entries;
  for (const auto& [name, pages] : author_index(plan)) {
    std::string list;
    for (int page : pages) list += (list.empty() ? "" : ", ") + std::to_string(page);
    entries << "\\indexentry{" << esc(index_name(name)) << "}{" << list << "}\n";
  }
  return {{"PAPER", front_matter_values(plan, "").at("PAPER")},
          {"FIRST_PAGE", std::to_string(plan.paper_pages + 1)},
          {"ENTRIES", entries.str()}};
}

std::map<std::string, std::string> stamp_values(const BookPlan& plan) {
  std::ostringstream stamps;
  for (const auto& p : plan.papers)
    stamps << "\\stamppages{" << esc(plan.footer) << "}{" << p.first_page << "}{" << p.pages << "}\n";
  return {{"PAPER", front_matter_values(plan, "").at("PAPER")}, {"STAMPS", stamps.str()}};
}

Typeset typeset_front_matter(const BookPlan& plan, const fs::path& templates, const fs::path& work) {
  fs::create_directories(work);
  const auto values = front_matter_values(plan, message_latex(plan, work));
  return run_latex("frontmatter", fill_template(read_template(templates, "frontmatter"), values, "frontmatter.tex"),
                   templates, work, source_date_epoch(plan.workshop));
}

Typeset typeset_author_index(const BookPlan& plan, const fs::path& templates, const fs::path& work) {
  return run_latex("authorindex",
                   fill_template(read_template(templates, "authorindex"), author_index_values(plan), "authorindex.tex"),
                   templates, work, source_date_epoch(plan.workshop));
}

Typeset typeset_stamps(const BookPlan& plan, const fs::path& templates, const fs::path& work) {
  return run_latex("stamps", fill_template(read_template(templates, "stamps"), stamp_values(plan), "stamps.tex"),
                   templates, work, source_date_epoch(plan.workshop));
}

}  // namespace proceedings::book
