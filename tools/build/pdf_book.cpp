#include "build/pdf_book.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/pdf_segment.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

std::unique_ptr<QPDF> open_pdf(const fs::path& file) {
  auto pdf = std::make_unique<QPDF>();
  pdf->setSuppressWarnings(true);
  try {
    pdf->processFile(file.c_str());
  } catch (const std::exception& e) {
    throw input_error(file.string(), std::string("qpdf cannot read it: ") + e.what());
  }
  return pdf;
}

// `pdf` as a PDF file of its own, written as the book's parts are (below).
void write_pdf(QPDF& pdf, const fs::path& source, const fs::path& out);

// A destination by name, from the /Dests name tree or the old /Dests dictionary.
QPDFObjectHandle named_destination(QPDF& pdf, QPDFObjectHandle name) {
  QPDFObjectHandle root = pdf.getRoot();
  QPDFObjectHandle found;
  const std::string key = name.isName() ? name.getName().substr(1) : name.getUTF8Value();
  QPDFObjectHandle tree = root.getKey("/Names").isDictionary() ? root.getKey("/Names").getKey("/Dests") : QPDFObjectHandle();
  if (tree.isDictionary()) QPDFNameTreeObjectHelper(tree, pdf).findObject(key, found);
  if (!found.isInitialized() && root.getKey("/Dests").isDictionary()) found = root.getKey("/Dests").getKey("/" + key);
  if (found.isInitialized() && found.isDictionary()) found = found.getKey("/D");
  return found.isInitialized() && found.isArray() ? found : QPDFObjectHandle();
}

void make_destinations_explicit(QPDF& pdf) {
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
    if (!annots.isArray()) continue;
    for (auto annot : annots.aitems()) {
      if (!annot.isDictionary()) continue;
      QPDFObjectHandle dest = annot.getKey("/Dest");
      if (dest.isString() || dest.isName()) {
        if (auto explicit_dest = named_destination(pdf, dest); explicit_dest.isInitialized())
          annot.replaceKey("/Dest", explicit_dest);
      }
      QPDFObjectHandle action = annot.getKey("/A");
      if (action.isDictionary() && action.getKey("/S").isNameAndEquals("/GoTo")) {
        QPDFObjectHandle d = action.getKey("/D");
        if (d.isString() || d.isName())
          if (auto explicit_dest = named_destination(pdf, d); explicit_dest.isInitialized())
            action.replaceKey("/D", explicit_dest);
      }
    }
  }
}

// The pages under `node`; `agree` turns false where a /Count says otherwise.
long pages_under(QPDFObjectHandle node, bool& agree, int depth) {
  if (depth > 64 || !node.isDictionary() || !node.getKey("/Kids").isArray()) return 1;
  long pages = 0;
  for (auto kid : node.getKey("/Kids").aitems()) pages += pages_under(kid, agree, depth + 1);
  QPDFObjectHandle count = node.getKey("/Count");
  if (!count.isInteger() || count.getIntValue() != pages) agree = false;
  return pages;
}

// A paper whose page tree miscounts its pages (the pages are counted by
// walking the tree, issue 24 item 9) is written with a tree that holds
// them as counted, so that every reader of the stamped copy sees them all.
void settle_page_tree(QPDF& pdf) {
  QPDFObjectHandle root = pdf.getRoot().getKey("/Pages");
  bool agree = true;
  pages_under(root, agree, 0);
  if (agree) return;
  pdf.pushInheritedAttributesToPage();
  QPDFObjectHandle kids = QPDFObjectHandle::newArray();
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    page.getObjectHandle().replaceKey("/Parent", root);
    kids.appendItem(page.getObjectHandle());
  }
  root.replaceKey("/Count", QPDFObjectHandle::newInteger(kids.getArrayNItems()));
  root.replaceKey("/Kids", kids);
  pdf.updateAllPagesCache();
}

std::string xml_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// The XMP packet PDF readers and library catalogues read: the Info entries in Dublin Core.
std::string xmp_packet(const BookParts& parts) {
  std::string creators;
  if (!parts.author.empty()) {
    std::string rest = parts.author;
    for (std::size_t cut; !rest.empty(); rest = cut == std::string::npos ? "" : rest.substr(cut + 2)) {
      cut = rest.find(", ");
      creators += "<rdf:li>" + xml_text(rest.substr(0, cut)) + "</rdf:li>";
    }
  }
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
         "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
         "<dc:format>application/pdf</dc:format>\n"
         "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(parts.title) + "</rdf:li></rdf:Alt></dc:title>\n" +
         (creators.empty() ? "" : "<dc:creator><rdf:Seq>" + creators + "</rdf:Seq></dc:creator>\n") +
         (parts.subject.empty() ? ""
                                : "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(parts.subject) +
                                      "</rdf:li></rdf:Alt></dc:description>\n") +
         "<dc:language><rdf:Bag><rdf:li>en-US</rdf:li></rdf:Bag></dc:language>\n"
         "<xmp:CreatorTool>proceedings " + PROCEEDINGS_VERSION + "</xmp:CreatorTool>\n"
         "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

}  // namespace

namespace {

// The font dictionary of the folio, built alike in every paper.
QPDFObjectHandle folio_font_object(QPDF& pdf, const FolioFont& font) {
  QPDFObjectHandle program = QPDFObjectHandle::newStream(&pdf, font.program);
  program.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(font.cleartext)));
  program.getDict().replaceKey("/Length2",
                               QPDFObjectHandle::newInteger(static_cast<long long>(font.program.size() - font.cleartext)));
  program.getDict().replaceKey("/Length3", QPDFObjectHandle::newInteger(0));
  std::string differences = "[ " + std::to_string(font.first_code);
  std::string widths = "[";
  std::string charset;
  for (std::size_t i = 0; i < font.glyph_names.size(); ++i) {
    differences += " /" + font.glyph_names[i];
    widths += " " + std::to_string(font.widths[i]);
    charset += "/" + font.glyph_names[i];
  }
  const std::string bbox = "[" + std::to_string(font.bbox[0]) + " " + std::to_string(font.bbox[1]) + " " +
                           std::to_string(font.bbox[2]) + " " + std::to_string(font.bbox[3]) + "]";
  QPDFObjectHandle descriptor = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /FontDescriptor /Flags 32 /FontBBox " + bbox + " /ItalicAngle " + std::to_string(font.italic_angle) +
      " /Ascent " + std::to_string(font.ascent) + " /Descent " + std::to_string(font.descent) + " /CapHeight " +
      std::to_string(font.cap_height) + " /StemV 80 >>"));
  descriptor.replaceKey("/FontName", QPDFObjectHandle::newName("/" + font.base_name));
  descriptor.replaceKey("/CharSet", QPDFObjectHandle::newString(charset));
  descriptor.replaceKey("/FontFile", program);
  const int last = font.first_code + static_cast<int>(font.glyph_names.size()) - 1;
  QPDFObjectHandle dict = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /Type1 /FirstChar " + std::to_string(font.first_code) + " /LastChar " +
      std::to_string(std::max(last, font.first_code)) + " /Widths " + widths + " ] /Encoding << /Type /Encoding /Differences " +
      differences + " ] >> >>"));
  dict.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + font.base_name));
  dict.replaceKey("/FontDescriptor", descriptor);
  dict.replaceKey("/ToUnicode", pdf.makeIndirectObject(QPDFObjectHandle::newStream(&pdf, font.to_unicode_cmap())));
  return dict;
}

std::string pdf_hex(const std::string& bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out + ">";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// As the LaTeX footer set it: 8 pt (\footnotesize of 10 pt) Biolinum, the
// baseline 0.4 in above the bottom edge (0.75 in margin less the 0.35 in
// footskip), between 0.75 in side margins.
constexpr double folio_size = 8, folio_margin = 54, folio_baseline = 28.8;

std::string folio_operators(const FolioFont& font, const std::string& font_name, const QPDFObjectHandle::Rectangle& box,
                            const std::string& left, const std::string& right) {
  const std::string l = font.encode(left), r = font.encode(right);
  const double y = box.lly + folio_baseline;
  std::string ops = "q 0 g BT " + font_name + " " + number(folio_size) + " Tf";
  if (!l.empty()) ops += " 1 0 0 1 " + number(box.llx + folio_margin) + " " + number(y) + " Tm " + pdf_hex(l) + " Tj";
  if (!r.empty())
    ops += " 1 0 0 1 " + number(box.urx - folio_margin - font.width(r, folio_size)) + " " + number(y) + " Tm " +
           pdf_hex(r) + " Tj";
  return ops + " ET Q\n";
}

// `text` across the page from lower left to upper right, 45 degrees, in
// light grey outline letters (text render mode 1) that hide nothing below.
std::string watermark_operators(const FolioFont& font, const std::string& font_name, const QPDFObjectHandle::Rectangle& box,
                                const std::string& text) {
  if (text.empty()) return "";
  constexpr double size = 120, c = 0.7071;
  const std::string encoded = font.encode(text);
  const double width = font.width(encoded, size);
  const double cx = (box.llx + box.urx) / 2, cy = (box.lly + box.ury) / 2, rise = 0.35 * size;
  const double x = cx - c * width / 2 + c * rise, y = cy - c * width / 2 - c * rise;
  return "q 0.6 G 1.2 w 1 Tr BT " + font_name + " " + number(size) + " Tf " + number(c) + " " + number(c) + " " +
         number(-c) + " " + number(c) + " " + number(x) + " " + number(y) + " Tm " + pdf_hex(encoded) + " Tj ET Q\n";
}

}  // namespace

namespace {

// Adds `font` to the page's resources under a fresh name and draws what
// `operators(name)` gives over the page. The page's own content is wrapped
// in q/Q so that whatever state it leaves behind cannot move the drawing.
void draw_over(QPDF& pdf, QPDFPageObjectHelper& page, QPDFObjectHandle font,
               const std::function<std::string(const std::string& font_name)>& operators) {
  QPDFObjectHandle resources = page.getAttribute("/Resources", true);
  if (!resources.isDictionary()) {
    resources = QPDFObjectHandle::newDictionary();
    page.getObjectHandle().replaceKey("/Resources", resources);
  }
  if (!resources.getKey("/Font").isDictionary()) resources.replaceKey("/Font", QPDFObjectHandle::newDictionary());
  int suffix = 0;
  const std::string name = resources.getUniqueResourceName("/Folio", suffix);
  resources.getKey("/Font").replaceKey(name, font);
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "\nQ\n" + operators(name)), false);
}

void draw_texts(QPDF& pdf, const fs::path& source, const FolioFont& font, double size, const std::vector<PlacedText>& texts) {
  if (texts.empty()) return;
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  const QPDFObjectHandle font_object = folio_font_object(pdf, font);
  for (const auto& text : texts) {
    if (text.page < 1 || text.page > static_cast<int>(pages.size()))
      throw input_error(source.string(), "has no page " + std::to_string(text.page) + " to print \"" + text.text + "\" on");
    draw_over(pdf, pages[static_cast<std::size_t>(text.page - 1)], font_object, [&](const std::string& name) {
      const std::string encoded = font.encode(text.text);
      return "q 0 g BT " + name + " " + number(size) + " Tf 1 0 0 1 " +
             number(text.right_x - font.width(encoded, size)) + " " + number(text.baseline_y) + " Tm " +
             pdf_hex(encoded) + " Tj ET Q\n";
    });
  }
}

// Pages `first` .. `first + count - 1` of `pdf` (read from `source`) as the
// book's part in `segment`.
void save_book_segment(QPDF& pdf, const fs::path& source, const fs::path& segment, std::size_t first, std::size_t count) {
  Segment made;
  try {
    made = make_segment(pdf, first, count);
  } catch (const std::exception& e) {
    throw input_error(source.string(), std::string("cannot be read for the book: ") + e.what());
  }
  save_segment(made, segment);
}

// The pages after `keep` go; so do the named destinations on them, which
// would otherwise keep their objects in the file.
void keep_first_pages(QPDF& pdf, std::size_t keep) {
  QPDFPageDocumentHelper helper(pdf);
  const auto pages = helper.getAllPages();
  std::set<QPDFObjGen> removed;
  for (std::size_t i = keep; i < pages.size(); ++i) {
    removed.insert(pages[i].getObjectHandle().getObjGen());
    helper.removePage(pages[i]);
  }
  QPDFObjectHandle names = pdf.getRoot().getKey("/Names");
  if (!names.isDictionary() || !names.getKey("/Dests").isDictionary()) return;
  QPDFNameTreeObjectHelper dests(names.getKey("/Dests"), pdf);
  std::vector<std::string> gone;
  for (auto [name, dest] : dests) {
    QPDFObjectHandle target = dest.isDictionary() ? dest.getKey("/D") : dest;
    if (target.isArray() && target.getArrayNItems() > 0 && removed.count(target.getArrayItem(0).getObjGen()))
      gone.push_back(name);
  }
  for (const auto& name : gone) dests.remove(name);
  // The labels LaTeX gave the removed pages; the front matter counts in roman.
  pdf.getRoot().replaceKey("/PageLabels", QPDFObjectHandle::parse("<< /Nums [0 << /S /r >>] >>"));
}

}  // namespace

Stamper::Stamper(const FolioFont& font, std::string venue, std::string watermark)
    : font_(font), venue_(std::move(venue)), watermark_(std::move(watermark)) {}

void Stamper::stamp(const fs::path& paper_file, int first_page, const fs::path& out, const fs::path& segment) const {
  auto paper = open_pdf(paper_file);
  std::size_t page_count = 0;
  try {
    settle_page_tree(*paper);
    make_destinations_explicit(*paper);
    auto pages = QPDFPageDocumentHelper(*paper).getAllPages();
    page_count = pages.size();
    const QPDFObjectHandle font = folio_font_object(*paper, font_);
    for (std::size_t i = 0; i < pages.size(); ++i)
      draw_over(*paper, pages[i], font, [&](const std::string& name) {
        const auto box = pages[i].getTrimBox().getArrayAsRectangle();
        return folio_operators(font_, name, box, venue_, std::to_string(first_page + static_cast<int>(i))) +
               watermark_operators(font_, name, box, watermark_);
      });
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw input_error(paper_file.string(), std::string("cannot be stamped: ") + e.what());
  }
  write_pdf(*paper, paper_file, out);
  if (!segment.empty()) save_book_segment(*paper, paper_file, segment, 0, page_count);
}

int split_typeset(const fs::path& typeset, int front_pages, const FolioFont& font, const std::vector<PlacedText>& texts,
                  const TypesetFiles& out, const std::vector<int>& part_starts) {
  auto pdf = open_pdf(typeset);
  std::size_t pages = 0;
  try {
    pages = QPDFPageDocumentHelper(*pdf).getAllPages().size();
    if (front_pages < 1 || static_cast<std::size_t>(front_pages) >= pages)
      throw input_error(typeset.string(), "has " + std::to_string(pages) + " pages, so the author index cannot start after page " +
                                              std::to_string(front_pages));
    draw_texts(*pdf, typeset, font, 10, texts);
    make_destinations_explicit(*pdf);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw input_error(typeset.string(), std::string("cannot be read for the book: ") + e.what());
  }
  const auto back = static_cast<std::size_t>(front_pages);
  // A volume's parts lie between the front matter and the index, each up to the next.
  std::vector<std::size_t> starts(part_starts.begin(), part_starts.end());
  starts.push_back(back);
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    if (k >= out.part_segments.size() || starts[k] < 1 || starts[k + 1] <= starts[k])
      throw input_error(typeset.string(), "marks workshop parts out of order (at page " + std::to_string(starts[k] + 1) + ")");
    save_book_segment(*pdf, typeset, out.part_segments[k], starts[k], starts[k + 1] - starts[k]);
  }
  const std::size_t front = starts.front();
  save_book_segment(*pdf, typeset, out.front_segment, 0, front);
  save_book_segment(*pdf, typeset, out.back_segment, back, pages - back);
  try {
    keep_first_pages(*pdf, front);
  } catch (const std::exception& e) {
    throw input_error(typeset.string(), std::string("cannot be split: ") + e.what());
  }
  write_pdf(*pdf, typeset, out.front_pdf);
  return static_cast<int>(pages - back);
}

namespace {

// The book's own objects come first; the parts' objects are numbered after them.
enum Fixed : long { catalog = 1, pages_root, info, metadata, outlines, first_free };

// Numbers for every object of the book, from the parts' headers alone.
struct Numbering {
  std::vector<long> base;                    // per part: its local object 0
  std::vector<long> page_objects;            // per book page, in order
  std::vector<long> arabic_pages;            // the page objects of arabic pages 1, 2, ... (papers, author index)
  std::map<std::string, long> shared;        // digest -> object number
  std::vector<std::vector<char>> writes_shared;  // per part: which of its shared streams it writes (first seen)
  std::string version = "1.4";               // at least 1.4, for /Lang and the XMP /Metadata stream
  long next = first_free;
};

// `arabic`: per part, whether its pages count in arabic (the papers, the index).
Numbering number_parts(const std::vector<Segment>& headers, const std::vector<char>& arabic) {
  Numbering n;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const Segment& part = headers[i];
    n.base.push_back(n.next);
    for (int page = 0; page < part.pages; ++page) {
      n.page_objects.push_back(n.next + page);
      if (arabic[i]) n.arabic_pages.push_back(n.next + page);
    }
    n.next += static_cast<long>(part.object_lengths.size());
    std::vector<char> writes;
    for (const auto& stream : part.shared) {
      const auto [at, added] = n.shared.emplace(stream.digest, n.next);
      if (added) ++n.next;
      writes.push_back(added ? 1 : 0);
    }
    n.writes_shared.push_back(std::move(writes));
    n.version = std::max(n.version, part.pdf_version);
  }
  return n;
}

std::string ref(long number) { return std::to_string(number) + " 0 R"; }

// Writes the PDF file: objects with their offsets, then the cross-reference table.
class PdfFile {
 public:
  explicit PdfFile(const fs::path& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) throw input_error(path.string(), std::string("cannot be written: ") + std::strerror(errno));
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  }
  ~PdfFile() {
    if (file_) std::fclose(file_);
  }
  void put(const char* data, std::size_t length) {
    if (length && std::fwrite(data, 1, length, file_) != length) fail();
    written_ += length;
  }
  void put(const std::string& text) { put(text.data(), text.size()); }
  void begin_object(long number) {
    if (static_cast<std::size_t>(number) >= offsets_.size()) offsets_.resize(static_cast<std::size_t>(number) + 1, 0);
    offsets_[static_cast<std::size_t>(number)] = written_;
    put(std::to_string(number) + " 0 obj\n");
  }
  void end_object() { put("\nendobj\n"); }
  void object(long number, const std::string& body) {
    begin_object(number);
    put(body);
    end_object();
  }
  void finish(const std::string& trailer_entries) {
    const std::size_t xref = written_;
    std::string table = "xref\n0 " + std::to_string(offsets_.size()) + "\n0000000000 65535 f \n";
    char entry[32];
    for (std::size_t i = 1; i < offsets_.size(); ++i) {
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets_[i]);
      table += entry;
    }
    put(table + "trailer\n<< /Size " + std::to_string(offsets_.size()) + " " + trailer_entries + " >>\nstartxref\n" +
        std::to_string(xref) + "\n%%EOF\n");
    if (std::fflush(file_) != 0) fail();
    const int status = std::fclose(file_);
    file_ = nullptr;
    if (status != 0) fail();
  }

 private:
  [[noreturn]] void fail() {
    throw input_error(path_.string(), std::string("write failed (disk full?): ") + std::strerror(errno) +
                                          "; the previous file is kept");
  }
  fs::path path_;
  std::FILE* file_;
  std::size_t written_ = 0;
  std::vector<std::size_t> offsets_{0};
};

// One part's objects, its references numbered into the book.
void write_part(PdfFile& file, const Segment& part, std::size_t index, const Numbering& n, const fs::path& source) {
  const long base = n.base[index];
  auto number_of = [&](const Hole& h) -> long {
    switch (h.kind) {
      case HoleKind::local:
        if (h.value >= 0 && h.value < static_cast<long>(part.object_lengths.size())) return base + h.value;
        break;
      case HoleKind::shared:
        if (h.value >= 0 && h.value < static_cast<long>(part.shared.size())) return n.shared.at(part.shared[h.value].digest);
        break;
      case HoleKind::book_page: {
        const auto page = static_cast<std::size_t>(h.value - 1);
        return h.value >= 1 && page < n.arabic_pages.size() ? n.arabic_pages[page] : -1;  // past the book: no target
      }
      case HoleKind::pages_root:
        return pages_root;
    }
    throw input_error(source.string(), "damaged part cache (a reference out of range); delete the output's .build folder");
  };
  std::size_t at = 0, hole = 0;
  auto copy_until = [&](std::size_t end) {
    while (hole < part.holes.size() && part.holes[hole].at < end) {
      const Hole& h = part.holes[hole++];
      if (h.at < at) throw input_error(source.string(), "damaged part cache (holes out of order); delete the output's .build folder");
      file.put(part.text.data() + at, h.at - at);
      const long number = number_of(h);
      file.put(number > 0 ? ref(number) : std::string("null"));
      at = h.at;
    }
    file.put(part.text.data() + at, end - at);
    at = end;
  };
  for (std::size_t i = 0; i < part.object_lengths.size(); ++i) {
    file.begin_object(base + static_cast<long>(i));
    copy_until(at + part.object_lengths[i]);
    file.end_object();
  }
  for (std::size_t i = 0; i < part.shared.size(); ++i) {
    const std::size_t end = at + part.shared[i].length;
    if (n.writes_shared[index][i]) {
      file.begin_object(n.shared.at(part.shared[i].digest));
      file.put(part.text.data() + at, part.shared[i].length);
      file.end_object();
    }
    at = end;
  }
  if (at != part.text.size()) throw input_error(source.string(), "damaged part cache (length); delete the output's .build folder");
}

std::string pdf_text(const std::string& utf8) { return QPDFObjectHandle::newUnicodeString(utf8).unparse(); }

// The outline's items as objects numbered from `next`; returns the first and last of this level.
std::pair<long, long> write_outline_level(PdfFile& file, const std::vector<OutlineItem>& items, long parent,
                                          const std::vector<long>& pages, long& next, int& count) {
  std::vector<const OutlineItem*> shown;
  for (const auto& item : items)
    if (item.page >= 0 && item.page < static_cast<int>(pages.size())) shown.push_back(&item);
  const long first = next;
  next += static_cast<long>(shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const long self = first + static_cast<long>(i);
    int below = 0;
    std::pair<long, long> children{0, 0};
    if (!shown[i]->children.empty()) children = write_outline_level(file, shown[i]->children, self, pages, next, below);
    std::string body = "<< /Title " + pdf_text(shown[i]->title) + " /Parent " + ref(parent) + " /Dest [" +
                       ref(pages[static_cast<std::size_t>(shown[i]->page)]) + " /Fit]";
    if (i > 0) body += " /Prev " + ref(self - 1);
    if (i + 1 < shown.size()) body += " /Next " + ref(self + 1);
    if (children.first) body += " /First " + ref(children.first) + " /Last " + ref(children.second) + " /Count " + std::to_string(below);
    file.object(self, body + " >>");
    count += 1 + below;
  }
  return shown.empty() ? std::pair<long, long>{0, 0} : std::pair<long, long>{first, first + static_cast<long>(shown.size()) - 1};
}

void write_book_objects(PdfFile& file, const BookParts& parts, const Numbering& n, const std::string& page_labels) {
  long next = n.next;
  int count = 0;
  const auto [first, last] = write_outline_level(file, parts.outline, outlines, n.page_objects, next, count);
  file.object(outlines, "<< /Type /Outlines" + (first ? " /First " + ref(first) + " /Last " + ref(last) : std::string()) +
                            " /Count " + std::to_string(count) + " >>");
  std::string kids;
  for (long page : n.page_objects) kids += ref(page) + " ";
  file.object(pages_root, "<< /Type /Pages /Count " + std::to_string(n.page_objects.size()) + " /Kids [" + kids + "] >>");
  file.object(catalog, "<< /Type /Catalog /Pages " + ref(pages_root) + " /PageLabels << /Nums [ " + page_labels +
                           "] >> /Outlines " + ref(outlines) +
                           " /PageMode /UseOutlines /Lang " + pdf_text("en-US") + " /Metadata " + ref(metadata) + " >>");
  std::string described = "<< /Title " + pdf_text(parts.title) + " /Subject " + pdf_text(parts.subject) + " /Creator " +
                          pdf_text(std::string("proceedings ") + PROCEEDINGS_VERSION);
  if (!parts.author.empty()) described += " /Author " + pdf_text(parts.author);
  file.object(info, described + " >>");
  const std::string xmp = xmp_packet(parts);
  file.object(metadata, "<< /Type /Metadata /Subtype /XML /Length " + std::to_string(xmp.size()) + " >>\nstream\n" + xmp +
                            "\nendstream");
}

// The document's own identifier, kept as the first /ID entry (a new one
// from `text` if it has none); the second, which names this version, from `text`.
std::string document_id(QPDF& pdf, const std::string& text) {
  const std::string version = "<" + sha256_hex(text).substr(0, 32) + ">";
  QPDFObjectHandle id = pdf.getTrailer().getKey("/ID");
  const bool has_own = id.isArray() && id.getArrayNItems() == 2 && id.getArrayItem(0).isString() &&
                       !id.getArrayItem(0).getStringValue().empty();
  return "[" + (has_own ? pdf_hex(id.getArrayItem(0).getStringValue()) : version) + " " + version + "]";
}

void write_pdf(QPDF& pdf, const fs::path& source, const fs::path& out) {
  DocumentSegment document;
  try {
    document = make_document_segment(pdf);
  } catch (const std::exception& e) {
    throw input_error(source.string(), std::string("cannot be written out: ") + e.what());
  }
  const Segment& whole = document.segment;
  Numbering numbering;
  numbering.base = {1};
  numbering.writes_shared = {{}};
  AtomicOutput output(out);
  PdfFile file(output.temp());
  file.put("%PDF-" + whole.pdf_version + "\n%\xE2\xE3\xCF\xD3\n");
  write_part(file, whole, 0, numbering, source);
  file.finish("/Root 1 0 R" + std::string(document.has_info ? " /Info 2 0 R" : "") + " /ID " + document_id(pdf, whole.text));
  output.commit();
}

// The book's parts in order: the front matter, the papers with the
// interludes before them, the back; with each, whether its pages count in
// arabic and, for an interlude, its label.
struct Sequence {
  std::vector<fs::path> files;
  std::vector<char> arabic;
  std::vector<const Interlude*> interlude;
  void add(const fs::path& file, bool counts, const Interlude* between = nullptr) {
    files.push_back(file);
    arabic.push_back(counts ? 1 : 0);
    interlude.push_back(between);
  }
};

Sequence book_sequence(const BookParts& parts) {
  Sequence s;
  s.add(parts.front, false);
  auto interludes_before = [&](std::size_t paper) {
    for (const auto& between : parts.interludes)
      if (between.before_paper == paper) s.add(between.segment, false, &between);
  };
  for (std::size_t i = 0; i < parts.papers.size(); ++i) {
    interludes_before(i);
    s.add(parts.papers[i], true);
  }
  interludes_before(parts.papers.size());
  s.add(parts.back, true);
  return s;
}

// The /PageLabels number tree's entries: roman front matter, each interlude
// its label and roman from i, the arabic pages numbered on across them.
std::string page_labels(const Sequence& s, const std::vector<Segment>& headers) {
  std::string nums;
  long page = 0, arabic = 0;
  for (std::size_t i = 0; i < s.files.size(); ++i) {
    if (i == 0) nums += "0 << /S /r >> ";
    else if (s.interlude[i]) nums += std::to_string(page) + " << /S /r /P " + pdf_text(s.interlude[i]->label) + " >> ";
    else if (s.arabic[i] && !s.arabic[i - 1]) nums += std::to_string(page) + " << /S /D /St " + std::to_string(arabic + 1) + " >> ";
    page += headers[i].pages;
    if (s.arabic[i]) arabic += headers[i].pages;
  }
  return nums;
}

}  // namespace

void assemble_book(const BookParts& parts, const fs::path& out) {
  const Sequence sequence = book_sequence(parts);
  const std::vector<fs::path>& files = sequence.files;
  std::vector<Segment> headers;
  for (const auto& f : files) headers.push_back(load_segment_header(f));
  const Numbering numbering = number_parts(headers, sequence.arabic);
  // The file's identifier: the same parts and text, the same book.
  std::string identity;
  for (const auto& f : files) identity += f.filename().string() + "\n";
  identity = sha256_hex(identity + parts.title + parts.subject + parts.author).substr(0, 32);

  AtomicOutput output(out);
  PdfFile file(output.temp());
  file.put("%PDF-" + numbering.version + "\n%\xE2\xE3\xCF\xD3\n");
  for (std::size_t i = 0; i < files.size(); ++i) write_part(file, load_segment(files[i]), i, numbering, files[i]);
  write_book_objects(file, parts, numbering, page_labels(sequence, headers));
  file.finish("/Root " + ref(catalog) + " /Info " + ref(info) + " /ID [<" + identity + "> <" + identity + ">]");
  output.commit();
}

}  // namespace proceedings::build
