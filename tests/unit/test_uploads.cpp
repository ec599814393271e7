// The one upload matcher (proceedings/uploads.hpp): which paper a file is,
// and how, for check --venue, collect, build, notify and status.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/uploads.hpp"

using namespace proceedings;

namespace {

Paper paper(const std::string& id, const std::string& title, const std::string& submission = "") {
  Paper p;
  p.id = id;
  p.title = title;
  p.submission = submission;
  return p;
}

const std::vector<Paper> venue_papers{
    paper("wages", "WAGES: Workload-Aware GPU Sharing System for Energy-Efficient Serverless LLM Serving", "hotcrp:12"),
    paper("omnifed", "OmniFed: A Modular Framework for Configurable Federated Learning from Edge to HPC", "hotcrp:7"),
    paper("green500", "Green500 in Practice", "easychair:42"),
    paper("carbonq", "CarbonQ: Carbon-Aware Queues", "csv:carbonq-carbon-aware-queues"),
};

std::function<std::string()> no_title() {
  return [] { return std::string(); };
}

}  // namespace

TEST_CASE("submission numbers in the names submission systems give their downloads") {
  CHECK(submission_number_in_name("exhetai25-final12.pdf") == 12);  // HotCRP, final versions
  CHECK(submission_number_in_name("exhetai25-paper12.pdf") == 12);  // HotCRP, submissions
  CHECK(submission_number_in_name("final7.pdf") == 7);               // HotCRP without a prefix
  CHECK(submission_number_in_name("EXHETAI25-FINAL012.PDF") == 12);
  CHECK(submission_number_in_name("paper_42.pdf") == 42);
  CHECK(submission_number_in_name("ExHetAI25_42.pdf") == 42);  // EasyChair
  CHECK(submission_number_in_name("ExHetAI2025_submission_42.pdf") == 42);  // EasyChair's "..._submission_N.pdf"
  CHECK(submission_number_in_name("42.pdf") == 42);
  CHECK(submission_number_in_name("uploads/sub/submission-9.pdf") == 9);
  CHECK_FALSE(submission_number_in_name("wages.pdf"));
  CHECK_FALSE(submission_number_in_name("green500-camera.pdf"));
  CHECK_FALSE(submission_number_in_name("20261103.pdf"));  // a date is no submission number
  CHECK(submission_number_of(venue_papers[0]) == 12);
  CHECK(submission_number_of(venue_papers[2]) == 42);
  CHECK_FALSE(submission_number_of(venue_papers[3]));  // keyed on title words
}

TEST_CASE("the file name decides first, then the submission number, then the title") {
  const auto by_name = match_upload("wages.pdf", no_title(), venue_papers);
  CHECK(by_name.paper == "wages");
  CHECK(by_name.how() == "file name");
  const auto by_number = match_upload("exhetai25-final12.pdf", no_title(), venue_papers);
  CHECK(by_number.paper == "wages");
  CHECK(by_number.how() == "submission number 12");
  bool read = false;
  const auto by_title = match_upload("green500-camera.pdf", [&] {
    read = true;
    return std::string("Green500 in\nPrac-\ntice\nAda Lovelace\n");
  }, venue_papers);
  CHECK(read);
  CHECK(by_title.paper == "green500");
  CHECK(by_title.how() == "title");
  // The name decides without reading the file.
  read = false;
  match_upload("omnifed.pdf", [&] { read = true; return std::string(); }, venue_papers);
  CHECK_FALSE(read);
}

TEST_CASE("a file whose name and title fit no paper is unmatched; an unreadable one too") {
  const auto none = match_upload("notes.pdf", [] { return std::string("Minutes of the PC meeting"); }, venue_papers);
  CHECK_FALSE(none.matched());
  CHECK(none.how().empty());
  CHECK_FALSE(match_upload("notes.pdf", no_title(), venue_papers).matched());
  // A number no paper holds falls through to the title.
  const auto title = match_upload("final99.pdf", [] { return std::string("CarbonQ: Carbon-Aware Queues"); }, venue_papers);
  CHECK(title.paper == "carbonq");
}

TEST_CASE("one file that fits two papers is ambiguous and names them") {
  std::vector<Paper> papers = venue_papers;
  papers.push_back(paper("wages-short", "Another paper", "easychair:12"));
  const auto twelve = match_upload("final12.pdf", no_title(), papers);
  CHECK_FALSE(twelve.matched());
  CHECK(twelve.ambiguous());
  CHECK(twelve.candidates == std::vector<std::string>{"wages", "wages-short"});
  const MatchedUpload m{"final12.pdf", twelve, {}};
  CHECK(m.problem() == "fits 2 papers by submission number 12: 'wages', 'wages-short'");
  // Two titles on one page: a title that is part of a longer one gives way.
  papers.push_back(paper("green", "Green500", ""));
  const auto longer = match_upload("x.pdf", [] { return std::string("Green500 in Practice"); }, papers);
  CHECK(longer.paper == "green500");
  const auto both = match_upload("x.pdf", [] { return std::string("CarbonQ: Carbon-Aware Queues\nGreen500 in Practice"); }, papers);
  CHECK(both.candidates == std::vector<std::string>{"green500", "carbonq"});
}

TEST_CASE("two files for one paper: neither is taken, each names the other") {
  const std::vector<std::filesystem::path> files{"in/exhetai25-final12.pdf", "in/wages.pdf", "in/omnifed.pdf", "in/x.pdf"};
  const auto matched = match_uploads(files, venue_papers, [](const std::filesystem::path&) { return std::string(); });
  REQUIRE(matched.size() == 4);
  CHECK_FALSE(matched[0].taken());
  CHECK_FALSE(matched[1].taken());
  CHECK(matched[0].problem() ==
        "is one of 2 files for paper 'wages': exhetai25-final12.pdf (submission number 12), wages.pdf (file name)");
  CHECK(matched[2].taken());
  CHECK(matched[2].problem().empty());
  CHECK(matched[3].problem() == "matches no paper of papers.yaml (not by file name, submission number or title)");
}

TEST_CASE("a real PDF is matched by the title acmart prints on page 1") {
  PdfReader reader;
  const std::string text = read_title_text(reader, test::fixture("acm-record.pdf"));
  const std::vector<Paper> papers{paper("synthetic", "A Synthetic Stand-in Paper for Format Checks"),
                                  venue_papers[0]};
  const auto m = match_upload("camera-ready-v2.pdf", [&] { return text; }, papers);
  CHECK(m.paper == "synthetic");
  CHECK(m.how() == "title");
  CHECK(read_title_text(reader, test::fixture("empty.pdf")).empty());  // unreadable: no title, no exception
}

TEST_CASE("a file in a numbered folder of a \"download all\" zip is matched by the folder's number") {
  CHECK(submission_number_in_folder("exhetai25-12") == 12);        // HotCRP: <prefix>-<N>/
  CHECK(submission_number_in_folder("submission_12") == 12);
  CHECK(submission_number_in_folder("12") == 12);
  CHECK(submission_number_in_folder("EXHETAI25_paper_42") == 42);  // EasyChair: <ACRONYM>_paper_<N>/
  CHECK_FALSE(submission_number_in_folder("camera-ready"));
  CHECK_FALSE(submission_number_in_folder(""));
  // Only a folder below the source's root: never the root itself (a scratch
  // folder, the chair's own "sc25" folder) or anything above it.
  CHECK(folder_below("/tmp/src/exhetai25-12/paper.pdf", "/tmp/src") == "exhetai25-12");
  CHECK(folder_below("/tmp/src/all/submission_7/final.pdf", "/tmp/src") == "submission_7");
  CHECK(folder_below("/tmp/src-12/paper.pdf", "/tmp/src-12").empty());
  CHECK(folder_below("/tmp/12/paper.pdf", "/tmp/src").empty());
  CHECK(folder_below("/tmp/src/12/paper.pdf", "").empty());

  const auto by_folder = match_upload("paper.pdf", no_title(), venue_papers, "exhetai25-12");
  CHECK(by_folder.paper == "wages");
  CHECK(by_folder.by == MatchedBy::submission_number);
  CHECK(by_folder.how() == "submission number 12 (folder exhetai25-12)");
  // The order stays: the file's own name first (its id, then its number), the title last.
  CHECK(match_upload("omnifed.pdf", no_title(), venue_papers, "exhetai25-12").paper == "omnifed");
  CHECK(match_upload("final7.pdf", no_title(), venue_papers, "exhetai25-12").how() == "submission number 7");
  const auto title = match_upload("paper.pdf", [] { return std::string("Green500 in Practice"); }, venue_papers, "camera-ready");
  CHECK(title.how() == "title");

  const std::vector<std::filesystem::path> files{"/tmp/src/exhetai25-12/paper.pdf", "/tmp/src/submission_7/final.pdf",
                                                 "/tmp/src/42/camera-ready.pdf", "/tmp/src/ExHetAI25_paper_3/x.pdf"};
  const auto matched = match_uploads(files, venue_papers, [](const std::filesystem::path&) { return std::string(); }, "/tmp/src");
  REQUIRE(matched.size() == 4);
  CHECK(matched[0].match.paper == "wages");
  CHECK(matched[1].match.paper == "omnifed");
  CHECK(matched[1].match.how() == "submission number 7 (folder submission_7)");
  CHECK(matched[2].match.paper == "green500");
  CHECK_FALSE(matched[3].match.matched());  // no paper holds number 3
  // Without a root (a flat papers/ folder) no folder is asked.
  CHECK_FALSE(match_uploads(files, venue_papers, nullptr)[0].match.matched());
}

TEST_CASE("numbered folders keep the matcher's ambiguity errors") {
  // Two folders for one paper: neither file is taken, each names the other.
  const std::vector<std::filesystem::path> files{"/s/exhetai25-12/paper.pdf", "/s/12/camera-ready.pdf"};
  const auto two = match_uploads(files, venue_papers, nullptr, "/s");
  CHECK_FALSE(two[0].taken());
  CHECK(two[0].problem() == "is one of 2 files for paper 'wages': paper.pdf (submission number 12 (folder exhetai25-12)), "
                            "camera-ready.pdf (submission number 12 (folder 12))");
  // One folder's number that two papers hold.
  std::vector<Paper> papers = venue_papers;
  papers.push_back(paper("wages-short", "Another paper", "easychair:12"));
  const auto both = match_upload("paper.pdf", no_title(), papers, "submission_12");
  CHECK(both.candidates == std::vector<std::string>{"wages", "wages-short"});
  CHECK(MatchedUpload{"paper.pdf", both, {}}.problem() ==
        "fits 2 papers by submission number 12 (folder submission_12): 'wages', 'wages-short'");
}
