#pragma once
// `proceedings notify` as a job: which papers' authors to tell what, from the
// check's results, the venue and its sent-log; the messages written and, with
// `send`, sent. No output of its own: command.cpp prints the Result.
#include <filesystem>
#include <string>
#include <vector>

#include "notify/address.hpp"
#include "notify/smtp.hpp"
#include "proceedings/error.hpp"

namespace proceedings::notify {

struct Job {
  std::string venue;      // workshop folder: papers.yaml, `contact:` in workshop.yaml, the sent-log
  std::string results;    // the JSON `proceedings check --json` printed
  std::string annotated;  // the folder `check --annotate` wrote; empty: no attachment
  std::string out = "out";  // messages go to OUT/mail
  bool send = false;        // without it nothing leaves the machine and the sent-log stays as it is
  bool resend = false;      // notify papers whose verdict the authors were already told
  bool insecure_smtp_auth = false;
};

// An upload in the results that no notice covers, and why.
struct Skipped {
  std::string file;  // as the results name it ("" for a paper)
  std::string why;
};

// One message: to every address that shares exactly these papers.
struct Message {
  std::vector<std::string> papers;  // ids, in the results' order
  std::vector<std::string> verdicts;  // per paper: pass, fail or error
  std::vector<Mailbox> to;
  std::filesystem::path file;         // OUT/mail/<ids>.eml
  std::vector<Delivery> deliveries;   // with `send`, one per recipient
};

struct Result {
  Exit status = Exit::ok;  // failed: a paper was skipped or a recipient refused; external: the server could not be reached
  std::vector<std::string> matched;    // "FILE: paper ID (how)", one per upload in the results
  std::vector<Skipped> skipped;
  std::vector<std::string> unchanged;  // "ID: fail (PAGES_OVER), told on 2026-11-03"
  std::vector<Message> messages;
  std::string connection_failure;      // the one line that says the server could not be reached; sending stopped
  bool sent = false;                   // `send` was given
};

// Throws a usage Error for a venue without `contact:` (name and email), an
// address or header value that could smuggle a header or an SMTP command,
// and missing SMTP settings with `send`; an input Error for results that
// are not check's JSON.
Result run(const Job& job);

}  // namespace proceedings::notify
