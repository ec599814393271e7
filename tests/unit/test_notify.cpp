// notify's addresses and headers (issue 24 item 6): nothing in a name, an
// email or a title adds a header, a recipient or an SMTP command, and the
// encoded-words stay within RFC 2047's 75 characters.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "notify/address.hpp"
#include "notify/mail.hpp"
#include "proceedings/error.hpp"
#include "proceedings/regex.hpp"

using namespace proceedings;
using namespace proceedings::notify;

namespace {

std::string base64_decoded(const std::string& text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0, count = 0;
  for (const char c : text) {
    if (c == '=') break;
    bits = (bits << 6) | static_cast<unsigned>(alphabet.find(c));
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

// The encoded-words of `header`, each as it stands.
std::vector<std::string> encoded_words_in(const std::string& header) {
  std::vector<std::string> words;
  for (const auto& m : Regex(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)").all(header)) words.push_back(m.str(0));
  return words;
}

std::string payload(const std::string& word) { return base64_decoded(word.substr(10, word.size() - 12)); }

std::string headers_of(const std::string& message) { return message.substr(0, message.find("\r\n\r\n") + 2); }

Mail mail_to(std::vector<Mailbox> to, std::string subject = "A title") {
  Mail m;
  m.from = {"ExHetAI chairs", "chairs@example.org"};
  m.to = std::move(to);
  m.subject = std::move(subject);
  m.body = "Dear authors,\n";
  return m;
}

}  // namespace

TEST_CASE("notify: an email is exactly one addr-spec") {
  for (const char* good : {"zoe@example.org", "first.last+tag@sub.example.co", "o'brien@example.ie",
                           "\"odd name\"@example.org", "x@[192.0.2.1]", "a@localhost"})
    CHECK_MESSAGE(addr_spec_problem(good).empty(), good);
  for (const std::string bad :
       {std::string(""), std::string("eve@x.example\r\nBcc: victim@example.com"),
        std::string("eve@example.org>\r\nRCPT TO:<victim@example.com"), std::string("eve@example.org\nRCPT TO:<v@e.com>"),
        std::string("a@b.example, victim@example.com"), std::string("Victim <victim@example.com>"),
        std::string("eve@example.org>"), std::string("<eve@example.org>"), std::string("no-at-sign"), std::string("a@"),
        std::string("@example.org"), std::string("a b@example.org"), std::string("a..b@example.org"),
        std::string(".a@example.org"), std::string("a@-b.example"), std::string("a@b..example"),
        std::string("zoë@example.org"), std::string("a@example.org (comment)"), std::string("a@b.example\0x", 13),
        std::string(65, 'a') + "@example.org"})
    CHECK_MESSAGE(!addr_spec_problem(bad).empty(), visible(bad));
}

TEST_CASE("notify: header text refuses control characters, C0, DEL and C1") {
  CHECK(header_text_problem("Wang, Tianyu").empty());
  CHECK(header_text_problem("Zoë Ångström <not an address>").empty());
  for (const std::string bad : {std::string("Eve\r\nBcc: victim@example.com"), std::string("Eve\nBcc: x"),
                                std::string("Eve\rX"), std::string("tab\there"), std::string("nul\0x", 5),
                                std::string("del\x7f"), std::string("next line \xc2\x85 here")})
    CHECK_MESSAGE(!header_text_problem(bad).empty(), visible(bad));
  CHECK(visible(std::string("a\r\n\0b\x01", 6)) == "a\\r\\n\\0b\\x01");
}

TEST_CASE("notify: encoded-words are at most 75 characters, whole characters, no padding between words") {
  for (const std::string text :
       {std::string("Ζωή Παπαδοπούλου-Καραγιαννοπούλου και Αλεξάνδρα Χατζηγεωργίου-Οικονόμου"),
        std::string("中文标题：一种用于异构计算系统中的自适应调度方法的研究与实现"),
        std::string("Zoë Ångström-Łukasiewicz-Søndergaard-Þórsdóttir-Nguyễn 😀😀😀😀😀😀😀😀😀😀😀😀😀"),
        std::string("Ünïcödé")}) {
    const std::string encoded = encoded_words(text);
    const std::vector<std::string> words = encoded_words_in(encoded);
    REQUIRE(!words.empty());
    std::string decoded;
    for (std::size_t i = 0; i < words.size(); ++i) {
      CHECK(words[i].size() <= 75);
      if (i + 1 < words.size()) CHECK(words[i].find("=?=") == std::string::npos);
      const std::string piece = payload(words[i]);
      CHECK((static_cast<unsigned char>(piece[0]) & 0xc0) != 0x80);  // starts a character
      decoded += piece;
    }
    CHECK(decoded == text);
  }
}

TEST_CASE("notify: display names are quoted or encoded, never bare") {
  CHECK(header_phrase("Wang, Tianyu") == "\"Wang, Tianyu\"");
  CHECK(header_phrase("Xulong <x@evil.example>") == "\"Xulong <x@evil.example>\"");
  CHECK(header_phrase(R"(The "Q" \ Team)") == R"("The \"Q\" \\ Team")");
  CHECK(header_phrase("=?UTF-8?B?QQ==?=").rfind("=?UTF-8?B?", 0) == 0);  // looks encoded: encoded
  CHECK(header_text("[W'25] Über die Ränder") == "[W'25] =?UTF-8?B?w5xiZXI=?= die =?UTF-8?B?UsOkbmRlcg==?=");
  CHECK(header_text("Ünïcödé Wörter") == "=?UTF-8?B?w5xuw69jw7Zkw6kgV8O2cnRlcg==?=");  // one run, its space inside
}

TEST_CASE("notify: the rendered message has the intended recipients and nothing more") {
  const Mail mail = mail_to({{"Wang, Tianyu", "wang@example.org"},
                             {"Xulong <x@evil.example>", "xu@example.org"},
                             {"Ζωή Παπαδοπούλου-Καραγιαννοπούλου", "zoe@example.org"}},
                            "[W'25] Your paper: Μια πολύ μεγάλη ελληνική επικεφαλίδα για τη δοκιμή των κωδικοποιημένων λέξεων");
  const std::string head = headers_of(render(mail, std::string(64, 'a'), 1700000000));
  CHECK(head.find("\r\nTo: \"Wang, Tianyu\" <wang@example.org>,\r\n\t\"Xulong <x@evil.example>\" <xu@example.org>,") !=
        std::string::npos);
  CHECK(head.find("Bcc") == std::string::npos);
  CHECK(head.find("\nTo:") == head.rfind("\nTo:"));  // one To: header
  for (const auto& word : encoded_words_in(head)) CHECK(word.size() <= 75);
  std::size_t start = 0;
  for (std::size_t end; (end = head.find("\r\n", start)) != std::string::npos; start = end + 2)
    CHECK(end - start <= 78);
  for (const char c : head) CHECK(static_cast<unsigned char>(c) < 0x80);  // 7-bit headers
}

TEST_CASE("notify: render refuses a smuggled header or recipient even when the loader let it through") {
  auto status_of = [](const Mail& m) {
    try {
      render(m, std::string(64, 'a'), 0);
    } catch (const Error& e) {
      return e.status();
    }
    return Exit::ok;
  };
  CHECK(status_of(mail_to({{"Eve\r\nBcc: victim@example.com", "eve@example.org"}})) == Exit::usage);
  CHECK(status_of(mail_to({{"Eve", "eve@example.org>\r\nRCPT TO:<victim@example.com"}})) == Exit::usage);
  CHECK(status_of(mail_to({{"Eve", "eve@example.org, victim@example.com"}})) == Exit::usage);
  CHECK(status_of(mail_to({{"Eve", "eve@example.org"}}, "Title\r\nBcc: victim@example.com")) == Exit::usage);
  CHECK(status_of(mail_to({{"Eve", "eve@example.org"}})) == Exit::ok);
  // names GMime's parser must read back unchanged
  for (const char* name : {R"(The "Q" \ Team)", " Zoë  Ångström ", "  ", "a,b;c:d@e<f>g(h)i[j]", "=?UTF-8?B?QQ==?=",
                           "Zoë \"Z\" (Ångström)", ""})
    CHECK_MESSAGE(status_of(mail_to({{name, "eve@example.org"}})) == Exit::ok, std::string(name));
}

TEST_CASE("notify: the sender from PROCEEDINGS_MAIL_FROM") {
  Mailbox m = parse_mailbox("ExHetAI chairs <chairs@example.org>", "PROCEEDINGS_MAIL_FROM");
  CHECK(m.name == "ExHetAI chairs");
  CHECK(m.address == "chairs@example.org");
  m = parse_mailbox(R"("Chairs, ExHetAI" <chairs@example.org>)", "PROCEEDINGS_MAIL_FROM");
  CHECK(m.name == "Chairs, ExHetAI");
  m = parse_mailbox(" chairs@example.org ", "PROCEEDINGS_MAIL_FROM");
  CHECK(m.name.empty());
  CHECK(m.address == "chairs@example.org");
  CHECK_THROWS_AS(parse_mailbox("Chairs <chairs@example.org>\r\nBcc: x@example.org", "PROCEEDINGS_MAIL_FROM"), Error);
  CHECK_THROWS_AS(parse_mailbox("a@example.org, b@example.org", "PROCEEDINGS_MAIL_FROM"), Error);
}
