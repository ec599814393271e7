// core/src/net, the one owner of libcurl, against the project's misbehaving
// HTTP server on 127.0.0.1 (tests/support/http_server.cpp): downloads, GET,
// escaping, and SMTP's refusal of an address that would carry a command.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>

#include "helpers.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/download.hpp"
#include "proceedings/files.hpp"
#include "proceedings/http.hpp"
#include "proceedings/smtp.hpp"

using namespace proceedings;
namespace fs = std::filesystem;

namespace {

// The test server serving `folder`, stopped with the object.
class TestServer {
 public:
  explicit TestServer(const fs::path& folder) : port_file_(folder / "port") {
    pid_ = ::fork();
    if (pid_ == 0) {
      const std::string f = folder.string(), p = port_file_.string();
      ::execl(HTTP_SERVER, HTTP_SERVER, f.c_str(), p.c_str(), "60", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 300 && (!fs::exists(port_file_) || fs::file_size(port_file_) == 0); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ~TestServer() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  std::string base() const {
    std::string port = read_file(port_file_);
    while (!port.empty() && (port.back() == '\n' || port.back() == '\r')) port.pop_back();
    return "http://127.0.0.1:" + port;
  }

 private:
  fs::path port_file_;
  pid_t pid_ = -1;
};

std::map<std::string, DownloadOutcome> by_id(const std::vector<DownloadOutcome>& outcomes) {
  std::map<std::string, DownloadOutcome> out;
  for (const auto& o : outcomes) out[o.id] = o;
  return out;
}

}  // namespace

TEST_CASE("net: download_all retries a flaky server, refuses a 404 and an HTML page, and keeps what is already there") {
  test::TempDir served, out;
  fs::copy_file(test::fixture("body5.pdf"), served.path / "paper.pdf");
  const TestServer server(served.path);
  const std::string base = server.base();
  DownloadOptions options;
  options.backoff = std::chrono::milliseconds(10);
  const std::vector<Download> items = {{"good", base + "/files/paper.pdf", ""},
                                       {"flaky", base + "/flaky/paper.pdf", ""},
                                       {"gone", base + "/missing", ""},
                                       {"page", base + "/html", ""}};
  auto first = by_id(download_all(items, out.path, options));
  CHECK(first["good"].status == "new");
  CHECK(first["good"].file == out.path / "good.pdf");
  CHECK(first["good"].sha256 == sha256_file(test::fixture("body5.pdf")));
  CHECK(first["flaky"].status == "new");
  CHECK(first["flaky"].attempts == 3);  // two 503s, then the file
  CHECK(first["gone"].status == "failed");
  CHECK(first["gone"].reason.find("404") != std::string::npos);
  CHECK(first["page"].status == "failed");
  CHECK(!fs::exists(out.path / "page.pdf"));

  const Download pinned{"good", base + "/files/paper.pdf", first["good"].sha256};
  auto again = by_id(download_all({pinned}, out.path, options));
  CHECK(again["good"].status == "unchanged");
}

TEST_CASE("net: a checksum that does not match leaves no file") {
  test::TempDir served, out;
  fs::copy_file(test::fixture("body5.pdf"), served.path / "paper.pdf");
  const TestServer server(served.path);
  const Download wrong{"p", server.base() + "/files/paper.pdf", std::string(64, '0')};
  const auto outcome = download_all({wrong}, out.path, DownloadOptions{}).at(0);
  CHECK(outcome.status == "failed");
  CHECK(outcome.reason.find("checksum mismatch") != std::string::npos);
  CHECK(!fs::exists(out.path / "p.pdf"));
}

TEST_CASE("net: the kind of a download from its first bytes") {
  CHECK(sniff_kind("%PDF-1.7\n") == "pdf");
  CHECK(sniff_kind(std::string("PK\x03\x04", 4)) == "zip");
  CHECK(sniff_kind(std::string("\x1f\x8b\x08", 3)) == "tar.gz");
  CHECK(sniff_kind("<!DOCTYPE html>") == "");
}

TEST_CASE("net: http_get names the URL and the status of a refusal") {
  test::TempDir served;
  served.write("atom.xml", "<feed/>");
  const TestServer server(served.path);
  CHECK(http_get(server.base() + "/api/query?x=1", "arXiv API") == "<feed/>");
  const std::string refused = test::error_line([&] { http_get(server.base() + "/missing", "the page"); });
  CHECK(refused.find("/missing") != std::string::npos);
  CHECK(refused.find("the page answered HTTP 404") != std::string::npos);
}

TEST_CASE("net: url_escape keeps RFC 3986's unreserved characters only") {
  CHECK(url_escape("ti:\"A B\"") == "ti%3A%22A%20B%22");
  CHECK(url_escape("a-b_c.d~e") == "a-b_c.d~e");
  CHECK(url_escape("Zoë") == "Zo%C3%AB");
}

TEST_CASE("net: smtp_send refuses an address that could carry a second SMTP command, before connecting") {
  const SmtpServer nowhere{"smtp://127.0.0.1:9", "", "", false, ""};
  for (const std::string bad : {"a@b.org>\r\nRCPT TO:<c@d.org", "a b@c.org", "<a@b.org>", "", "a@b.org\x7f"}) {
    CAPTURE(bad);
    CHECK(test::error_line([&] { smtp_send(nowhere, bad, {"x@y.org"}, "Subject: t\r\n\r\nbody\r\n"); })
              .find("is not a bare e-mail address") != std::string::npos);
    CHECK(test::error_line([&] { smtp_send(nowhere, "x@y.org", {bad}, "Subject: t\r\n\r\nbody\r\n"); })
              .find("is not a bare e-mail address") != std::string::npos);
  }
}
