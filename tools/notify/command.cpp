#include "notify/command.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "notify/mail.hpp"
#include "notify/smtp.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/program.hpp"

namespace proceedings::notify {

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string venue;
  std::string results;    // JSON written by `check --json`
  std::string annotated;  // folder written by `check --annotate`
  std::string out = "out";
  bool send = false;
  bool insecure_smtp_auth = false;  // credentials may go without TLS
};

// One failing paper's email before its attachment is read.
struct Notice {
  std::string id;
  fs::path file;  // as `check --json` named it
  Mail mail;
};

nlohmann::json read_results(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw input_error(file, "cannot be read (the JSON that `proceedings check --json` printed)");
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (!j.contains("papers") || !j["papers"].is_array()) throw input_error(file, "has no \"papers\" list");
    return j;
  } catch (const nlohmann::json::exception& e) {
    throw input_error(file, std::string("is not the JSON of `proceedings check --json`: ") + e.what());
  }
}

const Paper* paper_with_id(const Workshop& w, const std::string& id) {
  for (const auto& p : w.papers)
    if (p.id == id) return &p;
  return nullptr;
}

std::string body_for(const Workshop& w, const Paper& paper, const nlohmann::json& result) {
  const std::string names = name_list(paper.authors);
  std::string errors, warnings;
  for (const auto& p : result["problems"]) {
    const std::string line = "- " + p.value("message", "") + "\n";
    (p.value("severity", "") == "error" ? errors : warnings) += line;
  }
  std::string text = "Dear " + names + ",\n\nthe format check of your camera-ready paper\n\"" + paper.title +
                     "\"\nfor " + w.acronym + " found problems that must be fixed before the paper can go into the "
                     "proceedings:\n\n" + errors;
  if (!warnings.empty()) text += "\nAlso worth fixing (not required):\n\n" + warnings;
  text += "\nThe attached copy of your PDF marks each problem on its page (open it in any PDF viewer and look at "
          "the notes). Please upload a corrected version.\n\nThe " + w.acronym + " proceedings chairs\n";
  return text;
}

std::string paper_where(const std::string& venue) { return (fs::path(venue) / "papers.yaml").string(); }

// The emails to write, every address and header value checked before the
// first is written or sent; nullopt (and a line on stdout) when the paper is skipped.
std::optional<Notice> notice_for(const Options& o, const Workshop& w, const SmtpSettings& smtp,
                                 const nlohmann::json& result) {
  const fs::path file = result.value("file", "");
  const std::string id = file.stem().string();
  const Paper* paper = paper_with_id(w, id);
  if (!paper) {
    std::cout << "notify: " << visible(file.string()) << ": no paper '" << visible(id) << "' in " << o.venue
              << "/papers.yaml; skipped\n";
    return std::nullopt;
  }
  if (const std::string problem = header_text_problem(id); !problem.empty())  // it names the attachment
    throw usage_error(paper_where(o.venue), "the paper id '" + visible(id) + "' " + problem);
  Notice n{id, file, {}};
  n.mail.from = smtp.from;
  for (const auto& a : paper->authors) {
    if (a.email().empty()) continue;
    n.mail.to.push_back({a.name, a.email()});
    require_mailbox(n.mail.to.back(), paper_where(o.venue), "paper '" + visible(id) + "', author '" + visible(a.name) + "'");
  }
  if (n.mail.to.empty()) {
    std::cout << "notify: " << visible(id) << ": no author has an email in papers.yaml; skipped\n";
    return std::nullopt;
  }
  n.mail.subject = "[" + w.acronym + "] Your camera-ready paper needs changes: " + paper->title;
  if (const std::string problem = header_text_problem(n.mail.subject); !problem.empty())
    throw usage_error(paper_where(o.venue), "paper '" + visible(id) + "': the subject \"" + visible(n.mail.subject) +
                                                "\" " + problem);
  n.mail.body = body_for(w, *paper, result);
  return n;
}

std::string mailbox_text(const Mailbox& m) { return m.name.empty() ? m.address : m.name + " <" + m.address + ">"; }

int run(const Options& o) {
  const Workshop w = load_workshop(o.venue);
  const nlohmann::json results = read_results(o.results);
  const SmtpSettings smtp = smtp_settings_from_environment(o.send, o.insecure_smtp_auth);
  std::vector<Notice> notices;
  for (const auto& result : results["papers"])
    if (result.value("verdict", "") == "fail")
      if (auto n = notice_for(o, w, smtp, result)) notices.push_back(std::move(*n));

  const fs::path mail_dir = fs::path(o.out) / "mail";
  fs::create_directories(mail_dir);
  const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
  int written = 0, refused = 0;
  for (auto& [id, file, mail] : notices) {
    if (!o.annotated.empty() && fs::is_regular_file(fs::path(o.annotated) / file.filename()))
      mail.attachments.push_back({id + "-marked.pdf", read_file(fs::path(o.annotated) / file.filename())});
    const std::string message = render(mail, sha256_hex(id + mail.body + std::to_string(now)), now);
    write_file_atomic(mail_dir / (id + ".eml"), message);
    ++written;
    std::cout << "notify: wrote " << (mail_dir / (id + ".eml")).string() << " to " << mail.to.size() << " author(s)\n";
    if (!o.send) continue;
    std::vector<std::string> recipients;
    for (const auto& to : mail.to) recipients.push_back(to.address);
    const std::vector<Delivery> deliveries = send_mail(smtp, recipients, message);
    for (std::size_t i = 0; i < deliveries.size(); ++i) {
      const Delivery& d = deliveries[i];
      std::cout << "notify: " << id << ": " << mailbox_text(mail.to[i]) << ": "
                << (d.accepted ? "sent" : "refused: " + d.detail) << "\n";
      refused += !d.accepted;
    }
  }
  std::cout << "notify: " << written << " email(s) written" << (o.send ? ", " + std::to_string(refused) + " recipient(s) refused" : "")
            << "\n";
  return static_cast<int>(refused ? Exit::failed : Exit::ok);
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<Options>();
  cmd.footer(
      "Writes OUT/mail/<paper id>.eml (RFC 5322/MIME, the annotated PDF attached) for each failing paper.\n"
      "--send also sends them through SMTP: PROCEEDINGS_SMTP_URL (smtp://host:port or smtps://),\n"
      "PROCEEDINGS_SMTP_USER, PROCEEDINGS_SMTP_PASSWORD, PROCEEDINGS_SMTP_STARTTLS=1, PROCEEDINGS_SMTP_CA_FILE,\n"
      "PROCEEDINGS_MAIL_FROM. With a user set, the password goes only over TLS (smtps:// or STARTTLS).\n"
      "Every author's email must be one address (local@domain) and no name, email or title may hold a\n"
      "control character (a line break would add a header or an SMTP command): such a papers.yaml is\n"
      "refused (exit status 2) before any email is written or sent.");
  cmd.add_option("--venue", options->venue, "Workshop folder (papers.yaml gives titles and authors' emails)")->required();
  cmd.add_option("--results", options->results, "The JSON printed by `proceedings check --json`")->required();
  cmd.add_option("--annotated", options->annotated, "The folder written by `proceedings check --annotate`");
  cmd.add_option("--out", options->out, "Output folder (emails go to OUT/mail)");
  cmd.add_flag("--send", options->send, "Send the emails through SMTP (settings from the environment)");
  cmd.add_flag("--insecure-smtp-auth", options->insecure_smtp_auth,
               "Send PROCEEDINGS_SMTP_USER's password even when the connection is not encrypted");
  cmd.callback([options, &status] { status = run(*options); });
}

}  // namespace proceedings::notify
