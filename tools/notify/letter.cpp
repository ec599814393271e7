#include "notify/letter.hpp"

#include "notify/notice.hpp"

namespace proceedings::notify {

namespace {

std::string verdict_of(const Covered& c) { return c.result.value("verdict", ""); }

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += "- " + item + "\n";
  return out;
}

// What one paper's authors must do, or that nothing is left to do.
std::string paper_part(const Workshop& w, const Covered& c) {
  const std::string title = "\"" + c.paper->title + "\"";
  const Actions actions = author_actions(c.result);
  const std::string verdict = verdict_of(c);
  std::string text;
  if (verdict == "error") {
    text = "We could not read the PDF uploaded for your camera-ready paper\n" + title + "\nfor " + w.acronym + ":\n\n" +
           list(actions.required);
  } else if (verdict == "pass") {
    text = "Your corrected camera-ready paper\n" + title + "\npasses the format check for " + w.acronym +
           ": nothing more is needed for the proceedings.\n";
    if (!actions.advised.empty()) text += "\nStill worth fixing if you upload again (not required):\n\n" + list(actions.advised);
  } else {
    text = "The format check of your camera-ready paper\n" + title + "\nfor " + w.acronym +
           " found problems that must be fixed before the paper can go into the proceedings:\n\n" +
           list(actions.required);
    if (!actions.advised.empty()) text += "\nAlso worth fixing (not required):\n\n" + list(actions.advised);
  }
  if (!c.attachment.empty())
    text += "\nThe attached " + c.attachment + " is a copy of your PDF that marks each problem on its page (open it "
            "in any PDF viewer and look at the notes).\n";
  return text;
}

bool any_to_fix(const std::vector<Covered>& papers) {
  for (const auto& c : papers)
    if (verdict_of(c) != "pass") return true;
  return false;
}

}  // namespace

std::string subject_for(const Workshop& w, const std::vector<Covered>& papers) {
  const std::string tag = "[" + w.acronym + "] ";
  if (papers.size() > 1)
    return tag + (any_to_fix(papers) ? "Your " + std::to_string(papers.size()) + " camera-ready papers: what to fix"
                                     : "Your " + std::to_string(papers.size()) + " camera-ready papers are ready");
  const Covered& c = papers.front();
  const std::string verdict = verdict_of(c);
  if (verdict == "error") return tag + "We could not read your camera-ready paper: " + c.paper->title;
  if (verdict == "pass") return tag + "Your camera-ready paper is ready: " + c.paper->title;
  return tag + "Your camera-ready paper needs changes: " + c.paper->title;
}

std::string body_for(const Workshop& w, const std::vector<Covered>& papers, const std::string& greeted) {
  std::string text = "Dear " + greeted + ",\n\n";
  if (papers.size() > 1)
    text += "this message covers your " + std::to_string(papers.size()) + " camera-ready papers for " + w.acronym + ".\n\n";
  for (std::size_t i = 0; i < papers.size(); ++i) {
    if (papers.size() > 1) text += std::to_string(i + 1) + ". ";
    text += paper_part(w, papers[i]) + "\n";
  }
  if (any_to_fix(papers)) text += "Please upload a corrected version. ";
  text += "Reply to this message with any question.\n\nThe " + w.acronym + " proceedings chairs\n";
  if (w.contact) text += w.contact->name + " <" + w.contact->email() + ">\n";
  return text;
}

}  // namespace proceedings::notify
