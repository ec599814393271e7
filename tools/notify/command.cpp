#include "notify/command.hpp"

#include <iostream>

#include "notify/job.hpp"
#include "proceedings/exit_status.hpp"
#include "proceedings/install.hpp"

namespace proceedings::notify {

namespace {

std::string mailbox_text(const Mailbox& m) { return m.name.empty() ? m.address : m.name + " <" + m.address + ">"; }

std::string joined(const std::vector<std::string>& items, const char* between = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : between) + item;
  return out;
}

// What a message covers: "paper a (fail)" or "papers a (fail), b (error)".
std::string covered_text(const Message& m) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < m.papers.size(); ++i) items.push_back(m.papers[i] + " (" + m.verdicts[i] + ")");
  return (m.papers.size() == 1 ? "paper " : "papers ") + joined(items);
}

int print(const Result& r) {
  for (const auto& line : r.matched) std::cout << "notify: " << visible(line) << "\n";
  for (const auto& s : r.skipped) std::cout << "notify: " << visible(s.file) << ": skipped: " << visible(s.why) << "\n";
  for (const auto& line : r.unchanged)
    std::cout << "notify: " << visible(line) << ": the authors were told this verdict already; not sent again (--resend sends it)\n";
  std::size_t refused = 0, sent = 0;
  for (const auto& m : r.messages) {
    std::cout << "notify: wrote " << m.file.string() << " (" << covered_text(m) << ") to " << m.to.size() << " address(es)\n";
    for (std::size_t i = 0; i < m.deliveries.size(); ++i) {
      const Delivery& d = m.deliveries[i];
      std::cout << "notify: " << joined(m.papers, "+") << ": " << mailbox_text(m.to[i]) << ": "
                << (d.accepted ? "sent" : "refused: " + d.detail) << "\n";
      refused += !d.accepted;
      sent += d.accepted;
    }
  }
  if (!r.connection_failure.empty())
    std::cerr << "proceedings: notify: cannot deliver through " << r.connection_failure
              << "; the messages are written in OUT/mail and nothing more was sent\n";
  std::cout << "notify: " << r.messages.size() << " message(s) written";
  if (r.sent) std::cout << ", " << sent << " delivered, " << refused << " recipient(s) refused";
  else std::cout << " (a dry run: nothing was sent; --send sends them)";
  std::cout << ", " << r.skipped.size() << " upload(s) skipped, " << r.unchanged.size() << " paper(s) not told again\n";
  return static_cast<int>(r.status);
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto job = std::make_shared<Job>();
  cmd.footer(
      "Writes OUT/mail/<paper ids>.eml, one message per group of addresses that share the same papers: what to fix\n"
      "in plain words with page and line, the annotated PDF attached; an unreadable upload is told so, and a paper\n"
      "that passes after an earlier notice is told it is ready. From and Reply-To are the venue's `contact:`.\n"
      "A dry run unless --send, which sends through SMTP (PROCEEDINGS_SMTP_URL, PROCEEDINGS_SMTP_USER,\n"
      "PROCEEDINGS_SMTP_PASSWORD, PROCEEDINGS_SMTP_STARTTLS=1, PROCEEDINGS_SMTP_CA_FILE; PROCEEDINGS_MAIL_FROM\n"
      "replaces the sender, the contact stays Reply-To) and records each notice in VENUE/.proceedings/sent.jsonl:\n"
      "a re-run sends only the verdicts that changed (--resend sends them all again). With a user set, the\n"
      "password goes only over TLS. A name, email or title with a control character is refused before\n"
      "anything is written or sent.\n" +
      exit_status_text({{Exit::ok, "every notice written (and, with --send, delivered)"},
                        {Exit::failed, "an upload was skipped (no paper, two papers, no author email) or a recipient refused"},
                        {Exit::usage, "no contact in workshop.yaml, a bad address, missing SMTP settings"},
                        {Exit::input, "the results or an attachment cannot be read"},
                        {Exit::external, "the SMTP server cannot be reached or refused the login: one line, sending stops"}}));
  cmd.add_option("--venue", job->venue,
                 "Workshop folder: papers.yaml gives titles and authors' emails (default: the current folder, if it "
                 "holds workshop.yaml)");
  cmd.add_option("--results", job->results, "The JSON printed by `proceedings check --json`")->required();
  cmd.add_option("--annotated", job->annotated, "The folder written by `proceedings check --annotate`");
  cmd.add_option("--out", job->out, "Output folder (messages go to OUT/mail)");
  cmd.add_flag("--send", job->send, "Send the messages through SMTP (settings from the environment); without it, a dry run");
  cmd.add_flag("--resend", job->resend, "Send notices whose verdict the authors were already told (the sent-log)");
  cmd.add_flag("--insecure-smtp-auth", job->insecure_smtp_auth,
               "Send PROCEEDINGS_SMTP_USER's password even when the connection is not encrypted");
  cmd.callback([job, &status] {
    job->venue = venue_folder(job->venue).string();
    status = print(run(*job));
  });
}

}  // namespace proceedings::notify
