#include "notify/mail.hpp"

#define G_DISABLE_CAST_CHECKS 1  // GObject's casts stay C casts (GMime is opened lazily: core/src/lazy/lazy_gmime.cpp)
#include <gmime/gmime.h>

#include <ctime>
#include <memory>

#include "proceedings/timezone.hpp"
#include "proceedings/error.hpp"

namespace proceedings::notify {

namespace {

struct Unref {
  void operator()(void* object) const { g_object_unref(object); }
};
template <class T>
using Owned = std::unique_ptr<T, Unref>;

void init_gmime() {
  static const bool initialised = (g_mime_init(), true);
  (void)initialised;
}

std::string rfc5322_date(long long unix_time) { return utc_text(unix_time, "%a, %d %b %Y %H:%M:%S +0000"); }

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += "\r\n";
    else if (c != '\r') out += c;
  }
  return out;
}

// Every value that becomes a header, checked here too: render() is the last
// step before the message is written or sent.
void require_header_values(const Mail& mail) {
  require_mailbox(mail.from, "email", "the sender");
  for (const auto& r : mail.reply_to) require_mailbox(r, "email", "the reply address");
  for (const auto& to : mail.to) require_mailbox(to, "email", "a recipient");
  if (const std::string problem = header_text_problem(mail.subject); !problem.empty())
    throw usage_error("email", "the subject \"" + visible(mail.subject) + "\" " + problem);
  for (const auto& a : mail.attachments)
    if (const std::string problem = header_text_problem(a.file_name); !problem.empty())
      throw usage_error("email", "the attachment name \"" + visible(a.file_name) + "\" " + problem);
}

// The header's value as GMime writes it (a leading space, folded with LF):
// quoted names, encoded-words of at most 75 characters, one line each.
std::string address_header_value(const std::vector<Mailbox>& mailboxes) {
  std::string out;
  for (const auto& m : mailboxes) {
    std::string phrase = header_phrase(m.name);
    for (std::size_t at; (at = phrase.find("?= =?")) != std::string::npos;) phrase.replace(at, 5, "?=\n =?");
    const std::string fold = phrase.find('\n') == std::string::npos ? " " : "\n ";
    out += (out.empty() ? " " : ",\n\t") + (m.name.empty() ? m.address : phrase + fold + "<" + m.address + ">");
  }
  return out + "\n";
}

// GMime's own parser must read `value` back as exactly `mailboxes`: one
// mailbox each, the same names and addresses, no group and nothing more.
void require_parses_back(const std::string& value, const std::vector<Mailbox>& mailboxes) {
  Owned<InternetAddressList> parsed(internet_address_list_parse(nullptr, value.c_str()));
  bool same = parsed && internet_address_list_length(parsed.get()) == static_cast<int>(mailboxes.size());
  for (std::size_t i = 0; same && i < mailboxes.size(); ++i) {
    InternetAddress* a = internet_address_list_get_address(parsed.get(), static_cast<int>(i));
    const char* name = internet_address_get_name(a);
    same = INTERNET_ADDRESS_IS_MAILBOX(a) && mailboxes[i].name == (name ? name : "") &&
           mailboxes[i].address == internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
  }
  if (!same) throw Error(Exit::internal, "email", "the address header \"" + visible(value) + "\" does not read back as written");
}

// A display name as readers show it: no space at either end, one between words.
std::string tidy_name(const std::string& name) {
  std::string out;
  for (const char c : name)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// GMime keeps the addresses; the header's text is address_header_value's.
void set_addresses(GMimeMessage* message, GMimeAddressType type, const char* header, std::vector<Mailbox> mailboxes) {
  for (auto& m : mailboxes) {
    m.name = tidy_name(m.name);
    Owned<InternetAddress> address(internet_address_mailbox_new(m.name.c_str(), m.address.c_str()));
    internet_address_list_add(g_mime_message_get_addresses(message, type), address.get());
  }
  const std::string value = address_header_value(mailboxes);
  require_parses_back(value, mailboxes);
  g_mime_header_set_raw_value(
      g_mime_header_list_get_header(g_mime_object_get_header_list(GMIME_OBJECT(message)), header), value.c_str());
}

// A part whose content is `bytes`, sent as base64.
Owned<GMimePart> base64_part(const char* type, const char* subtype, const std::string& bytes) {
  Owned<GMimePart> part(g_mime_part_new_with_type(type, subtype));
  Owned<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  Owned<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part.get(), content.get());
  g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
  return part;
}

std::string serialized(GMimeObject* object) {
  std::unique_ptr<GMimeFormatOptions, void (*)(GMimeFormatOptions*)> options(g_mime_format_options_new(),
                                                                             g_mime_format_options_free);
  g_mime_format_options_set_newline_format(options.get(), GMIME_NEWLINE_FORMAT_DOS);
  Owned<GMimeStream> out(g_mime_stream_mem_new());
  if (g_mime_object_write_to_stream(object, options.get(), out.get()) < 0)
    throw Error(Exit::internal, "GMime", "cannot write the email");
  const GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace

std::string render(const Mail& mail, const std::string& boundary_seed, long long unix_time) {
  require_header_values(mail);
  init_gmime();
  Owned<GMimeMessage> message(g_mime_message_new(TRUE));
  set_addresses(message.get(), GMIME_ADDRESS_TYPE_FROM, "From", {mail.from});
  if (!mail.reply_to.empty()) set_addresses(message.get(), GMIME_ADDRESS_TYPE_REPLY_TO, "Reply-To", mail.reply_to);
  set_addresses(message.get(), GMIME_ADDRESS_TYPE_TO, "To", mail.to);
  // Already RFC 2047 and ASCII: GMime folds it and leaves the words as they are.
  g_mime_object_set_header(GMIME_OBJECT(message.get()), "Subject", header_text(mail.subject).c_str(), nullptr);
  g_mime_object_set_header(GMIME_OBJECT(message.get()), "Date", rfc5322_date(unix_time).c_str(), nullptr);
  const std::string id = boundary_seed.substr(0, 32) + "@" + mail.message_id_domain;
  g_mime_message_set_message_id(message.get(), id.c_str());

  Owned<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
  g_mime_multipart_set_boundary(mixed.get(), ("=_" + boundary_seed.substr(0, 24)).c_str());
  const Owned<GMimePart> text = base64_part("text", "plain", crlf(mail.body));
  g_mime_object_set_content_type_parameter(GMIME_OBJECT(text.get()), "charset", "utf-8");
  g_mime_multipart_add(mixed.get(), GMIME_OBJECT(text.get()));
  for (const auto& a : mail.attachments) {
    const Owned<GMimePart> pdf = base64_part("application", "pdf", a.bytes);
    g_mime_part_set_filename(pdf.get(), a.file_name.c_str());
    g_mime_multipart_add(mixed.get(), GMIME_OBJECT(pdf.get()));
  }
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));
  return serialized(GMIME_OBJECT(message.get()));
}

}  // namespace proceedings::notify
