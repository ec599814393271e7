#include "notify/job.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "notify/letter.hpp"
#include "notify/mail.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/program.hpp"
#include "proceedings/sent_log.hpp"
#include "proceedings/uploads.hpp"

namespace proceedings::notify {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

json read_results(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw input_error(file, "cannot be read (the JSON that `proceedings check --json` printed)");
  try {
    json j = json::parse(in);
    if (!j.contains("papers") || !j["papers"].is_array()) throw input_error(file, "has no \"papers\" list");
    return j;
  } catch (const json::exception& e) {
    throw input_error(file, std::string("is not the JSON of `proceedings check --json`: ") + e.what());
  }
}

// The venue's contact, checked: From and Reply-To of every notice.
Mailbox venue_contact(const Workshop& w) {
  const std::string where = (w.folder / "workshop.yaml").string();
  if (!w.contact || w.contact->email().empty())
    throw usage_error(where, "has no 'contact:' with an email: notices come from it and authors reply to it; add e.g. "
                             "contact: {name: \"" + w.acronym + " proceedings chairs\", email: chairs@example.org}");
  Mailbox m{w.contact->name, w.contact->email()};
  require_mailbox(m, where, "contact");
  return m;
}

// A paper with its result, and what a notice about it would tell.
struct Candidate {
  const Paper* paper;
  json result;
  SentNotice told;  // time, to and message_id are filled when it is sent
};

SentNotice what_is_told(const Paper& paper, const json& result, const std::string& stage) {
  SentNotice n;
  n.paper = paper.id;
  n.stage = stage;
  n.verdict = result.value("verdict", "");
  std::set<std::string> codes;
  for (const auto& p : result.value("problems", json::array()))
    if (p.value("severity", "") == "error") codes.insert(p.value("code", ""));
  n.codes.assign(codes.begin(), codes.end());
  const fs::path file = result.value("file", "");
  std::error_code ec;
  if (fs::is_regular_file(file, ec)) n.sha256 = sha256_file(file);
  return n;
}

std::string codes_text(const SentNotice& n) {
  std::string out = n.verdict;
  for (std::size_t i = 0; i < n.codes.size(); ++i) out += (i ? " " : ": ") + n.codes[i];
  return out;
}

// Whether the authors of `c` get a notice now: a failing or unreadable paper
// unless they were told this verdict of this upload already, a passing one
// only when they were told something else before (a fixed paper).
bool needs_notice(const Candidate& c, const std::vector<SentNotice>& log, bool resend, Result& result) {
  const std::optional<SentNotice> last = last_notice(log, c.paper->id);
  if (c.told.verdict == "pass") return last && last->verdict != "pass";
  const bool same = last && last->verdict == c.told.verdict && last->codes == c.told.codes && last->sha256 == c.told.sha256;
  if (same && !resend) {
    result.unchanged.push_back(c.paper->id + ": " + codes_text(c.told) + ", told on " + last->time.substr(0, 10));
    return false;
  }
  return true;
}

// Addresses that share exactly the same papers share one message.
struct Group {
  std::vector<std::size_t> papers;  // indices into the candidates
  std::vector<Mailbox> to;
};

std::vector<Group> group_by_address(const std::vector<Candidate>& candidates) {
  std::map<std::string, std::pair<Mailbox, std::vector<std::size_t>>> by_address;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    for (const auto& a : candidates[i].paper->authors) {
      if (a.email().empty()) continue;
      auto [at, fresh] = by_address.try_emplace(a.email(), Mailbox{a.name, a.email()}, std::vector<std::size_t>{});
      if (fresh) order.push_back(a.email());
      if (at->second.second.empty() || at->second.second.back() != i) at->second.second.push_back(i);
    }
  std::vector<Group> groups;
  for (const auto& address : order) {
    const auto& [mailbox, papers] = by_address.at(address);
    auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.papers == papers; });
    if (same == groups.end()) same = groups.insert(groups.end(), Group{papers, {}});
    same->to.push_back(mailbox);
  }
  return groups;
}

// The greeting: a paper's authors as the book lists them when the message
// goes to all of them who have an address; else the recipients.
std::string greeting(const std::vector<Candidate>& candidates, const Group& g) {
  if (g.papers.size() == 1) {
    const Paper& p = *candidates[g.papers.front()].paper;
    const auto with_email =
        std::count_if(p.authors.begin(), p.authors.end(), [](const Person& a) { return !a.email().empty(); });
    if (static_cast<std::size_t>(with_email) == g.to.size()) return name_list(p.authors);
  }
  std::vector<Person> people;
  for (const auto& m : g.to) {
    Person p;
    p.name = m.name.empty() ? m.address : m.name;
    people.push_back(p);
  }
  return name_list(people);
}

std::string mail_name(const std::vector<Candidate>& candidates, const Group& g) {
  std::string name;
  for (std::size_t i : g.papers) name += (name.empty() ? "" : "+") + candidates[i].paper->id;
  return name + ".eml";
}

long long unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// One message ready to write and send.
struct Outgoing {
  const Group* group;
  Mail mail;
};

class Notifier {
 public:
  Notifier(const Job& job, const Workshop& w, const SmtpSettings& smtp, const Mailbox& contact, Result& result)
      : job_(job), w_(w), smtp_(smtp), contact_(contact), result_(result) {}

  Mail compose(const std::vector<Candidate>& candidates, const Group& g) const {
    Mail mail;
    mail.from = smtp_.from;
    mail.reply_to = {contact_};
    mail.to = g.to;
    mail.message_id_domain = contact_.address.substr(contact_.address.rfind('@') + 1);
    std::vector<Covered> covered;
    for (std::size_t i : g.papers) {
      const Candidate& c = candidates[i];
      Covered item{c.paper, c.result, ""};
      const fs::path marked = fs::path(job_.annotated) / fs::path(c.result.value("file", "")).filename();
      if (!job_.annotated.empty() && c.told.verdict == "fail" && fs::is_regular_file(marked)) {
        item.attachment = c.paper->id + "-marked.pdf";
        mail.attachments.push_back({item.attachment, read_file(marked)});
      }
      covered.push_back(std::move(item));
    }
    mail.subject = subject_for(w_, covered);
    if (const std::string problem = header_text_problem(mail.subject); !problem.empty())
      throw usage_error((w_.folder / "papers.yaml").string(), "the subject \"" + visible(mail.subject) + "\" " + problem);
    mail.body = body_for(w_, covered, greeting(candidates, g));
    return mail;
  }

  void write_and_send(const std::vector<Candidate>& candidates, const Outgoing& out, const fs::path& mail_dir) {
    const std::string seed = sha256_hex(out.mail.body + out.mail.subject + std::to_string(now_));
    const std::string message = render(out.mail, seed, now_);
    Message written;
    written.file = mail_dir / mail_name(candidates, *out.group);
    write_file_atomic(written.file, message);
    for (std::size_t i : out.group->papers) {
      written.papers.push_back(candidates[i].paper->id);
      written.verdicts.push_back(candidates[i].told.verdict);
    }
    written.to = out.mail.to;
    if (job_.send && result_.connection_failure.empty()) {
      std::vector<std::string> recipients;
      for (const auto& to : out.mail.to) recipients.push_back(to.address);
      written.deliveries = send_mail(smtp_, recipients, message);
      if (!written.deliveries.empty() && written.deliveries.back().connection_failed) {
        result_.connection_failure = smtp_.url + ": " + written.deliveries.back().detail;
        written.deliveries.pop_back();
      }
      log_accepted(candidates, *out.group, written.deliveries, "<" + seed.substr(0, 32) + "@" + out.mail.message_id_domain + ">");
    }
    result_.messages.push_back(std::move(written));
  }

 private:
  // One line per paper, with the addresses that accepted the message, so
  // that a re-run does not tell them again.
  void log_accepted(const std::vector<Candidate>& candidates, const Group& g, const std::vector<Delivery>& deliveries,
                    const std::string& message_id) const {
    std::vector<std::string> accepted;
    for (const auto& d : deliveries)
      if (d.accepted) accepted.push_back(d.recipient);
    if (accepted.empty()) return;
    for (std::size_t i : g.papers) {
      SentNotice line = candidates[i].told;
      line.time = utc_now();
      line.to = accepted;
      line.message_id = message_id;
      append_sent_log(w_.folder, line);
    }
  }

  const Job& job_;
  const Workshop& w_;
  const SmtpSettings& smtp_;
  const Mailbox& contact_;
  Result& result_;
  long long now_ = unix_now();
};

// Each upload of the results taken for its paper by core's matcher; the
// others are skipped with the matcher's reason.
std::vector<Candidate> candidates_of(const Workshop& w, const json& results, Result& result) {
  std::vector<fs::path> files;
  for (const auto& r : results["papers"]) files.push_back(r.value("file", ""));
  std::unique_ptr<PdfReader> reader;
  const auto title_of = [&](const fs::path& file) {
    if (!reader) reader = std::make_unique<PdfReader>();
    return read_title_text(*reader, file);
  };
  const std::vector<MatchedUpload> matches = match_uploads(files, w.papers, title_of);
  const std::string stage = results.value("stage", "camera-ready");
  std::vector<Candidate> out;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const MatchedUpload& m = matches[i];
    if (!m.taken()) {
      // An upload that passes tells its authors nothing, whoever they are.
      if (results["papers"][i].value("verdict", "") == "pass")
        result.matched.push_back(m.file.string() + ": passes; " + m.problem() + ", so no one is told");
      else
        result.skipped.push_back({m.file.string(), m.problem()});
      continue;
    }
    result.matched.push_back(m.file.string() + ": paper " + m.match.paper + " (by " + m.match.how() + ")");
    const auto paper = std::find_if(w.papers.begin(), w.papers.end(), [&](const Paper& p) { return p.id == m.match.paper; });
    const json& r = results["papers"][i];
    out.push_back({&*paper, r, what_is_told(*paper, r, r.value("stage", stage))});
  }
  return out;
}

// Every address and header value checked before anything is written or sent.
void require_addresses(const std::vector<Candidate>& candidates, const Workshop& w) {
  const std::string where = (w.folder / "papers.yaml").string();
  for (const auto& c : candidates) {
    if (const std::string problem = header_text_problem(c.paper->id); !problem.empty())  // it names the attachment
      throw usage_error(where, "the paper id '" + visible(c.paper->id) + "' " + problem);
    for (const auto& a : c.paper->authors)
      if (!a.email().empty())
        require_mailbox({a.name, a.email()}, where, "paper '" + visible(c.paper->id) + "', author '" + visible(a.name) + "'");
  }
}

bool has_email(const Paper& p) {
  return std::any_of(p.authors.begin(), p.authors.end(), [](const Person& a) { return !a.email().empty(); });
}

}  // namespace

Result run(const Job& job) {
  const Workshop w = load_workshop(job.venue);
  const Mailbox contact = venue_contact(w);
  const json results = read_results(job.results);
  SmtpSettings smtp = smtp_settings_from_environment(job.send, job.insecure_smtp_auth);
  if (smtp.from.address.empty()) smtp.from = contact;  // PROCEEDINGS_MAIL_FROM, when set, is the sending account
  const std::vector<SentNotice> log = read_sent_log(w.folder);
  Result result;
  result.sent = job.send;
  std::vector<Candidate> candidates;
  for (auto& c : candidates_of(w, results, result)) {
    if (!needs_notice(c, log, job.resend, result)) continue;
    if (!has_email(*c.paper)) {
      result.skipped.push_back({c.result.value("file", ""), "paper '" + c.paper->id + "': no author has an email in papers.yaml"});
      continue;
    }
    candidates.push_back(std::move(c));
  }
  require_addresses(candidates, w);
  const std::vector<Group> groups = group_by_address(candidates);
  Notifier notifier(job, w, smtp, contact, result);
  std::vector<Outgoing> outgoing;
  for (const auto& g : groups) outgoing.push_back({&g, notifier.compose(candidates, g)});

  const fs::path mail_dir = fs::path(job.out) / "mail";
  fs::create_directories(mail_dir);
  for (const auto& out : outgoing) notifier.write_and_send(candidates, out, mail_dir);

  const bool refused = std::any_of(result.messages.begin(), result.messages.end(), [](const Message& m) {
    return std::any_of(m.deliveries.begin(), m.deliveries.end(), [](const Delivery& d) { return !d.accepted; });
  });
  result.status = !result.connection_failure.empty()      ? Exit::external
                  : refused || !result.skipped.empty() ? Exit::failed
                                                          : Exit::ok;
  return result;
}

}  // namespace proceedings::notify
