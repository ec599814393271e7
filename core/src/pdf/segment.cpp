#include "proceedings/pdf_segment.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings {

namespace fs = std::filesystem;

namespace {

const std::string book_page_scheme = "book-page:";

bool has_indirect(QPDFObjectHandle object) {
  if (object.isIndirect()) return true;
  if (object.isArray()) {
    for (int i = 0; i < object.getArrayNItems(); ++i)
      if (has_indirect(object.getArrayItem(i))) return true;
  } else if (object.isDictionary()) {
    for (const auto& key : object.getKeys())
      if (has_indirect(object.getKey(key))) return true;
  }
  return false;
}

// Font programs, their ToUnicode maps and images are the same bytes in many
// papers (one LaTeX installation, one folio font); the book keeps one copy.
// Only self-contained streams qualify, so a shared body holds no reference.
bool shareable(const std::string& key, QPDFObjectHandle target) {
  if (!target.isStream()) return false;
  const bool font_part = key == "/FontFile" || key == "/FontFile2" || key == "/FontFile3" || key == "/ToUnicode";
  if (!font_part && !target.getDict().getKey("/Subtype").isNameAndEquals("/Image")) return false;
  return !has_indirect(target.getDict());
}

// "book-page:N" of a URI action, or 0.
long book_page_target(QPDFObjectHandle action) {
  if (!action.isDictionary() || !action.getKey("/S").isNameAndEquals("/URI") || !action.getKey("/URI").isString())
    return 0;
  const std::string uri = action.getKey("/URI").getStringValue();
  if (uri.rfind(book_page_scheme, 0) != 0) return 0;
  try {
    return std::stol(uri.substr(book_page_scheme.size()));
  } catch (const std::exception&) {
    return 0;
  }
}

class Serializer {
 public:
  explicit Serializer(QPDF& pdf) : pdf_(pdf) {}

  // The document as it is, from its catalog and Info: no page is set apart
  // and every object is the segment's own.
  DocumentSegment run_document() {
    whole_document_ = true;
    DocumentSegment out;
    local(pdf_.getRoot());
    QPDFObjectHandle info = pdf_.getTrailer().getKey("/Info");
    out.has_info = info.isIndirect() && info.isDictionary();
    if (out.has_info) local(info);
    segment_.pdf_version = pdf_.getPDFVersion();
    for (std::size_t i = 0; i < queue_.size(); ++i) write_object(queue_[i], false);
    out.segment = std::move(segment_);
    return out;
  }

  Segment run(std::size_t first, std::size_t count) {
    QPDFPageDocumentHelper helper(pdf_);
    helper.pushInheritedAttributesToPage();
    const auto pages = helper.getAllPages();
    if (first > pages.size() || count > pages.size() - first)
      throw std::runtime_error("has no pages " + std::to_string(first + 1) + " to " + std::to_string(first + count));
    for (std::size_t i = first; i < first + count; ++i) local(pages[i].getObjectHandle());
    for (const auto& page : pages) other_pages_.insert(page.getObjectHandle().getObjGen());
    segment_.pages = static_cast<int>(count);
    segment_.pdf_version = pdf_.getPDFVersion();
    for (std::size_t i = 0; i < queue_.size(); ++i) write_object(queue_[i], i < count);
    for (const auto& body : shared_bodies_) segment_.text += body;
    return std::move(segment_);
  }

 private:
  long local(QPDFObjectHandle object) {
    const auto [at, added] = locals_.emplace(object.getObjGen(), static_cast<long>(queue_.size()));
    if (added) queue_.push_back(object);
    return at->second;
  }

  void hole(HoleKind kind, long value) { segment_.holes.push_back({segment_.text.size(), kind, value}); }

  void write_reference(const std::string& key, QPDFObjectHandle target) {
    if (target.isNull()) {
      segment_.text += "null";
      return;
    }
    if (const auto known = locals_.find(target.getObjGen()); known != locals_.end()) {
      hole(HoleKind::local, known->second);
      return;
    }
    if (other_pages_.count(target.getObjGen())) {  // a page of the source outside this part: no target
      segment_.text += "null";
      return;
    }
    if (const auto known = shared_index_.find(target.getObjGen()); known != shared_index_.end()) {
      hole(HoleKind::shared, known->second);
      return;
    }
    if (!whole_document_ && shareable(key, target)) {
      hole(HoleKind::shared, share(target));
      return;
    }
    hole(HoleKind::local, local(target));
  }

  long share(QPDFObjectHandle stream) {
    std::string body;
    std::swap(body, segment_.text);  // serialize the body on its own
    const auto holes_before = segment_.holes.size();
    write_stream(stream);
    std::swap(body, segment_.text);
    segment_.holes.resize(holes_before);  // none by construction (shareable)
    const long index = static_cast<long>(segment_.shared.size());
    segment_.shared.push_back({sha256_hex(body), body.size()});
    shared_bodies_.push_back(std::move(body));
    shared_index_[stream.getObjGen()] = index;
    return index;
  }

  void write_value(const std::string& key, QPDFObjectHandle value) {
    if (value.isIndirect()) return write_reference(key, value);
    write_direct(value);
  }

  // The object's own contents, even when `value` is an indirect object.
  void write_direct(QPDFObjectHandle value) {
    if (value.isArray()) {
      segment_.text += '[';
      for (int i = 0; i < value.getArrayNItems(); ++i) {
        if (i) segment_.text += ' ';
        write_value("", value.getArrayItem(i));
      }
      segment_.text += ']';
    } else if (value.isDictionary()) {
      write_dictionary(value, false, "");
    } else {
      segment_.text += value.unparseResolved();
    }
  }

  // `skip`: a key left out; `tail`: entries written last (a stream's /Length).
  void write_dictionary(QPDFObjectHandle dict, bool is_page, const std::string& skip, const std::string& tail = "") {
    segment_.text += "<<";
    for (const auto& key : dict.getKeys()) {
      if (key == skip || (is_page && key == "/Parent")) continue;
      if (key == "/A" && !whole_document_) {
        if (const long page = book_page_target(dict.getKey(key)); page > 0) {
          segment_.text += "/Dest [";
          hole(HoleKind::book_page, page);
          segment_.text += " /XYZ null null null]";
          continue;
        }
      }
      segment_.text += QPDFObjectHandle::newName(key).unparse();
      segment_.text += ' ';
      write_value(key, dict.getKey(key));
    }
    if (is_page) {
      segment_.text += "/Parent ";
      hole(HoleKind::pages_root, 0);
    }
    segment_.text += tail + ">>";
  }

  void write_stream(QPDFObjectHandle stream) {
    const auto data = stream.getRawStreamData();
    write_dictionary(stream.getDict(), false, "/Length", "/Length " + std::to_string(data->getSize()));
    segment_.text += "\nstream\n";
    segment_.text.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    segment_.text += "\nendstream";
  }

  void write_object(QPDFObjectHandle object, bool is_page) {
    const std::size_t start = segment_.text.size();
    if (object.isStream()) write_stream(object);
    else if (object.isDictionary()) write_dictionary(object, is_page, "");
    else write_direct(object);
    segment_.object_lengths.push_back(segment_.text.size() - start);
  }

  QPDF& pdf_;
  Segment segment_;
  std::deque<QPDFObjectHandle> queue_;
  std::map<QPDFObjGen, long> locals_;
  std::map<QPDFObjGen, long> shared_index_;
  std::set<QPDFObjGen> other_pages_;  // every page of the source; those of this part are locals first
  bool whole_document_ = false;
  std::vector<std::string> shared_bodies_;
};

}  // namespace

Segment make_segment(QPDF& pdf) { return Serializer(pdf).run(0, QPDFPageDocumentHelper(pdf).getAllPages().size()); }

Segment make_segment(QPDF& pdf, std::size_t first, std::size_t count) { return Serializer(pdf).run(first, count); }

DocumentSegment make_document_segment(QPDF& pdf) { return Serializer(pdf).run_document(); }

void save_segment(const Segment& s, const fs::path& file) {
  std::ostringstream head;
  head << "%proceedings-segment 1\n"
       << s.pdf_version << "\n"
       << s.pages << " " << s.object_lengths.size() << " " << s.shared.size() << " " << s.holes.size() << " "
       << s.text.size() << "\n";
  for (auto length : s.object_lengths) head << length << "\n";
  for (const auto& shared : s.shared) head << shared.digest << " " << shared.length << "\n";
  for (const auto& h : s.holes) head << h.at << " " << static_cast<char>(h.kind) << " " << h.value << "\n";
  head << "%text\n";
  write_file_atomic(file, head.str() + s.text);
}

namespace {

Segment parse_segment(const fs::path& file, bool with_text) {
  std::ifstream in(file, std::ios::binary);
  auto damaged = [&](const std::string& what) {
    return input_error(file.string(), "damaged part cache (" + what + "); delete the output's .build folder");
  };
  std::string magic;
  if (!std::getline(in, magic) || magic != "%proceedings-segment 1") throw damaged("no header");
  Segment s;
  std::size_t objects = 0, shared = 0, holes = 0, text = 0;
  if (!std::getline(in, s.pdf_version) || !(in >> s.pages >> objects >> shared >> holes >> text)) throw damaged("counts");
  s.object_lengths.resize(objects);
  for (auto& length : s.object_lengths)
    if (!(in >> length)) throw damaged("object table");
  s.shared.resize(shared);
  for (auto& entry : s.shared)
    if (!(in >> entry.digest >> entry.length)) throw damaged("shared table");
  s.holes.resize(holes);
  for (auto& h : s.holes) {
    char kind = 0;
    if (!(in >> h.at >> kind >> h.value)) throw damaged("holes");
    h.kind = static_cast<HoleKind>(kind);
  }
  std::string marker;
  in >> std::ws;
  if (!std::getline(in, marker) || marker != "%text") throw damaged("no text");
  const auto text_at = static_cast<std::uintmax_t>(in.tellg());
  std::error_code error;
  if (fs::file_size(file, error) != text_at + text || error) throw damaged("its text is not the length its header says");
  if (!with_text) return s;
  s.text.resize(text);
  if (!in.read(s.text.data(), static_cast<std::streamsize>(text))) throw damaged("short text");
  return s;
}

}  // namespace

Segment load_segment(const fs::path& file) { return parse_segment(file, true); }
Segment load_segment_header(const fs::path& file) { return parse_segment(file, false); }

bool intact_segment(const fs::path& file) {
  try {
    parse_segment(file, false);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace proceedings
