#include "proceedings/check/acm_rights.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "proceedings/check/codes.hpp"

#include "proceedings/check/text_match.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"
#include "proceedings/uploads.hpp"

namespace proceedings::check {

namespace {

// Letters and digits only, lower case: the printed text with its line breaks,
// hyphenation and punctuation gone, for finding a phrase wherever it wraps.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : printed_form(text))
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string page_text(const PdfPage& page) {
  std::string out;
  for (const auto& line : page.lines) out += line.text + "\n";
  return out;
}

PrintedLine printed(const PdfLine& line) { return {collapse_whitespace(printed_form(line.text)), line.box.y0}; }

std::string evidence(const PrintedLine& line) {
  return "page 1, y=" + to_fixed(line.y) + " pt: '" + (line.text.size() > 90 ? line.text.substr(0, 87) + "..." : line.text) + "'";
}

// acmart 1.88's \@copyrightpermission and \@copyrightowner, by the phrase
// each rights type prints (and, where two print the same, the one they must not).
struct RightsText {
  const char* type;
  const char* phrase;
  const char* unless;
};

const RightsText rights_texts[] = {
    {"acmcopyright", "copyrightsforcomponentsofthisworkownedbyothersthanacmmustbehonored", nullptr},
    {"acmlicensed", "copyrightsforcomponentsofthisworkownedbyothersthantheauthorsmustbehonored", nullptr},
    {"rightsretained", "copyrightsforthirdpartycomponentsofthisworkmustbehonored", nullptr},
    {"usgov", "authoredbyanemployeesoftheunitedstatesgovernmentandisinthepublicdomain", nullptr},
    {"usgovmixed", "acmacknowledgesthatthiscontributionwasauthoredorcoauthoredbyanemployeecontractororaffiliateoftheunitedstatesgovernment",
     "publicationrightslicensedtoacmacmacknowledges"},
    {"licensedusgovmixed",
     "publicationrightslicensedtoacmacmacknowledgesthatthiscontributionwasauthoredorcoauthoredbyanemployeecontractororaffiliateoftheunitedstatesgovernment",
     nullptr},
    {"cagov", "authoredbyemployeesofthegovernmentofcanada", "crowninrightofcanadapublicationrightslicensedtoacm"},
    {"licensedcagov", "crowninrightofcanadapublicationrightslicensedtoacm", nullptr},
    {"cagovmixed", "coauthoredbyanaffiliateofthenationalgovernmentofcanada", nullptr},
    {"licensedcagovmixed",
     "publicationrightslicensedtoacmacmacknowledgesthatthiscontributionwasauthoredorcoauthoredbyanemployeecontractororaffiliateofthenationalgovernmentofcanada",
     nullptr},
    {"othergov", "acmacknowledgesthatthiscontributionwasauthoredorcoauthoredbyanemployeecontractororaffiliateofanationalgovernment",
     "publicationrightslicensedtoacmacmacknowledges"},
    {"licensedothergov",
     "publicationrightslicensedtoacmacmacknowledgesthatthiscontributionwasauthoredorcoauthoredbyanemployeecontractororaffiliateofanationalgovernment",
     nullptr},
    {"cc", "thisworkislicensedunderacreativecommons", nullptr},
};

std::vector<std::string> printed_rights(const std::string& squeezed_page) {
  std::vector<std::string> types;
  for (const auto& r : rights_texts)
    if (squeezed_page.find(r.phrase) != std::string::npos &&
        !(r.unless && squeezed_page.find(r.unless) != std::string::npos))
      types.push_back(r.type);
  return types;
}

// A DOI that acmart's \url broke after a '.' or '/' goes on at the next line.
void read_dois(const PdfPage& page, RightsBlock& block) {
  static const Regex doi_url(R"(doi\.org/(10\.\d{4,9}/\S*))", Regex::icase);
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const std::string text = printed_form(page.lines[i].text);
    // The regex needs "doi.org/": a plain search spares it the lines without one.
    if (!match::contains_icase(text, "doi.org/")) continue;
    for (const Match& m : doi_url.all(text)) {
      std::string doi = m.str(1);
      const bool at_line_end = m.position(0) + m.length(0) >= trim(text).size();
      if (at_line_end && (doi.back() == '.' || doi.back() == '/') && i + 1 < page.lines.size()) {
        const std::string next = trim(printed_form(page.lines[i + 1].text));
        doi += next.substr(0, next.find(' '));
      }
      while (!doi.empty() && (doi.back() == '.' || doi.back() == ',')) doi.pop_back();
      block.dois.push_back(doi);
      if (!block.doi_line) block.doi_line = printed(page.lines[i]);
    }
  }
}

void read_reference_paragraph(const PdfPage& page, RightsBlock& block) {
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    if (page.lines[i].text.find("ACM Reference Format") == std::string::npos) continue;
    PrintedLine joined{"", page.lines[i].box.y0};
    for (std::size_t j = i + 1; j < page.lines.size() && j <= i + 10; ++j) {
      const std::string text = collapse_whitespace(printed_form(page.lines[j].text));
      joined.text += (joined.text.empty() ? "" : " ") + text;
      if (text.find("doi.org/") != std::string::npos || text.find(" pages.") != std::string::npos ||
          text.find(" page.") != std::string::npos)
        break;
    }
    block.reference = joined;
    return;
  }
}

std::string only_digits(const std::string& text) {
  std::string out;
  for (char c : text)
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  return out;
}

// The paper the one upload matcher takes `file` for; none when it fits no
// paper or more than one.
const Paper* paper_for(const std::string& file, const PdfPage& page1, const std::vector<Paper>& papers) {
  const UploadMatch m = match_upload(file, [&] { return title_text(page1); }, papers);
  for (const auto& p : papers)
    if (m.matched() && p.id == m.paper) return &p;
  return nullptr;
}

class RecordJudge {
 public:
  RecordJudge(const RightsBlock& block, const AcmRecord& record, const Paper* paper, const std::string& page)
      : block_(block), record_(record), paper_(paper), squeezed_page_(squeezed(page)) {}

  std::vector<Diagnostic> run() {
    if (!block_.copyright && !block_.isbn && block_.dois.empty() && !block_.reference) {
      add("ACM_RIGHTS",
          "Page 1 carries no ACM rights block and no ACM Reference Format (acmart's nonacm option, or "
          "\\settopmatter{printacmref=false} with \\setcopyright{none}); " + record_.short_name +
              " is published by ACM: remove nonacm and paste the rights commands from ACM's rights-form e-mail.");
      return out_;
    }
    conference();
    isbn();
    doi();
    rights();
    year();
    return out_;
  }

 private:
  void add(const std::string& code, const std::string& message) {
    out_.push_back(problem(code, message));
  }

  void conference() {
    const std::string expected = record_.short_name + ", " + record_.dates + ", " + record_.location;
    if (squeezed_page_.find(squeezed(expected)) != std::string::npos) return;
    add("ACM_CONFERENCE", "The rights block does not name the conference as ACM's record does ('" +
                              printed_form(expected) + "'): " +
                              (block_.conference ? evidence(*block_.conference) : std::string("no conference line found")) +
                              ". Use \\acmConference[" + record_.short_name + "]{" + record_.conference + "}{" +
                              record_.dates + "}{" + record_.location + "}.");
  }

  void isbn() {
    if (record_.isbn.empty()) return;
    static const Regex form(R"(ACM\s*ISBN\s*([0-9Xx-]+))");
    Match m;
    const bool printed_isbn = block_.isbn && form.search(block_.isbn->text, m);
    if (printed_isbn && only_digits(m.str(1)) == only_digits(record_.isbn)) return;
    add("ACM_ISBN", "The paper does not print the proceedings' ISBN " + record_.isbn + ": " +
                        (block_.isbn ? evidence(*block_.isbn) : std::string("no 'ACM ISBN' line on page 1")) +
                        ". Use \\acmISBN{" + record_.isbn + "/" + two_digits(record_.year % 100) + "/" +
                        two_digits(record_.month) + "}.");
  }

  static std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

  static bool placeholder_doi(const std::string& doi) {
    return doi.find("nnnnnnn") != std::string::npos || doi.find("XXXXXXX") != std::string::npos;
  }

  void doi() {
    const std::string wanted = paper_ ? paper_->doi : "";
    std::vector<std::string> real;
    for (const auto& d : block_.dois)
      if (!placeholder_doi(d)) real.push_back(d);
    const std::string where = block_.doi_line ? evidence(*block_.doi_line) : "no https://doi.org/ link on page 1";
    if (!wanted.empty()) {
      if (real.empty() && block_.dois.empty())
        add("ACM_DOI", "The paper prints no DOI; ACM assigned it " + wanted + ": use \\acmDOI{" + wanted + "}.");
      for (const auto& d : real)
        if (ascii_lower(d) != ascii_lower(wanted)) {
          add("ACM_DOI", "The paper prints the DOI " + d + ", which is not its own (" + wanted + "): " + where +
                             ". Use \\acmDOI{" + wanted + "}.");
          return;
        }
      return;
    }
    if (record_.doi.empty()) return;
    for (const auto& d : real)
      if (ascii_lower(d).rfind(ascii_lower(record_.doi) + ".", 0) != 0) {
        add("ACM_DOI", "The paper prints the DOI " + d + ", which is not in the proceedings' volume " + record_.doi +
                           ": " + where + ". Use the \\acmDOI from the paper's rights-form e-mail.");
        return;
      }
  }

  void rights() {
    const std::string where = block_.copyright ? evidence(*block_.copyright) : "no copyright line on page 1";
    if (block_.rights.empty()) {
      add("ACM_RIGHTS", "The paper prints no ACM rights statement (\\setcopyright{none}?): " + where +
                            ". Paste the \\setcopyright command from the paper's rights-form e-mail" +
                            (paper_ && !paper_->rights.empty() ? " (\\setcopyright{" + paper_->rights + "})" : "") + ".");
      return;
    }
    if (!paper_ || paper_->rights.empty()) return;
    if (std::find(block_.rights.begin(), block_.rights.end(), paper_->rights) != block_.rights.end()) return;
    add("ACM_RIGHTS", "The paper prints the rights text of '" + block_.rights.front() + "', but its authors chose '" +
                          paper_->rights + "' on ACM's rights form: " + where + ". Use \\setcopyright{" +
                          paper_->rights + "}.");
  }

  void year() {
    const std::string want = std::to_string(record_.year);
    if (block_.year && block_.year != record_.year) {
      add("ACM_YEAR", "The copyright year is " + std::to_string(block_.year) + "; the proceedings' year is " + want +
                          ": " + evidence(*block_.copyright) + ". Use \\copyrightyear{" + want + "} and \\acmYear{" +
                          want + "}.");
      return;
    }
    static const Regex cited_year(R"(\.\s((?:19|20)\d{2})\.\s)");
    Match m;
    if (block_.reference && cited_year.search(block_.reference->text, m) && m.str(1) != want)
      add("ACM_YEAR", "The ACM Reference Format cites the year " + m[1].str() + "; the proceedings' year is " + want +
                          ": 'page 1: " + block_.reference->text.substr(0, 90) + "'. Use \\acmYear{" + want + "}.");
  }

  const RightsBlock& block_;
  const AcmRecord& record_;
  const Paper* paper_;
  std::string squeezed_page_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::string printed_form(const std::string& text) {
  static const std::pair<const char*, const char*> folds[] = {
      {"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""}, {"\u2013", "-"}, {"\u2014", "-"},
      {"\u2010", "-"}, {"\u2011", "-"}, {"\u00A0", " "},  {"\uFB00", "ff"}, {"\uFB01", "fi"}, {"\uFB02", "fl"},
      {"\uFB03", "ffi"}, {"\uFB04", "ffl"}, {"\u00A9", "(c)"}};
  std::string out = text;
  for (const auto& [from, to] : folds)
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + std::string(to).size()))
      out.replace(at, std::string(from).size(), to);
  return out;
}

RightsBlock read_rights_block(const PdfPage& page1) {
  RightsBlock block;
  for (std::size_t i = 0; i < page1.lines.size(); ++i) {
    const std::string text = printed_form(page1.lines[i].text);
    const int year = block.copyright ? 0 : match::copyright_year(text);
    if (year) {
      block.copyright = printed(page1.lines[i]);
      block.year = year;
      if (i > 0) block.conference = printed(page1.lines[i - 1]);
    }
    if (!block.isbn && match::has_acm_isbn(text)) block.isbn = printed(page1.lines[i]);
  }
  read_dois(page1, block);
  read_reference_paragraph(page1, block);
  block.rights = printed_rights(squeezed(page_text(page1)));
  return block;
}

std::vector<PrintedLine> acm_placeholders(const PdfPage& page1) {
  // acmart's defaults (\acmISBN, \acmDOI) and the sample papers' conference.
  std::vector<PrintedLine> found;
  for (const auto& line : page1.lines)
    if (match::has_acm_placeholder(printed_form(line.text))) found.push_back(printed(line));
  return found;
}

std::vector<Diagnostic> judge_acm_rights(const std::string& file, const PdfFacts& facts, const CheckRules& rules) {
  std::vector<Diagnostic> out;
  if (rules.acm_checks == AcmChecks::off || facts.pages.empty()) return out;
  const PdfPage& page1 = facts.pages.front();
  const auto placeholders = acm_placeholders(page1);
  if (!placeholders.empty()) {
    std::string lines;
    for (std::size_t i = 0; i < placeholders.size() && i < 3; ++i)
      lines += (i ? "; " : "") + evidence(placeholders[i]);
    out.push_back(problem("ACM_PLACEHOLDER", "Page 1 still carries acmart's template values (" + lines +
                                                 "): paste the rights commands from ACM's rights-form e-mail "
                                                 "(\\setcopyright, \\copyrightyear, \\acmConference, \\acmISBN, "
                                                 "\\acmDOI) for the final version."));
  }
  if (rules.acm_checks != AcmChecks::record || !rules.acm) return out;
  // The record is the venue's papers': a PDF that is none of them (a test
  // file, another venue's paper) is only checked for placeholders.
  const Paper* paper = paper_for(file, page1, rules.papers);
  if (!paper) return out;
  const RightsBlock block = read_rights_block(page1);
  for (auto& d : RecordJudge(block, *rules.acm, paper, page_text(page1)).run()) out.push_back(std::move(d));
  return out;
}

}  // namespace proceedings::check
