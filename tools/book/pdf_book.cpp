#include "book/pdf_book.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::book {

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

// QPDFWriter's own file output does not report a failed flush at close, so
// a full disk could leave a truncated PDF that looks written: every write,
// the flush and the close are checked here.
class CheckedFile : public Pipeline {
 public:
  explicit CheckedFile(const fs::path& path) : Pipeline("output", nullptr), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) throw input_error(path.string(), std::string("cannot be written: ") + std::strerror(errno));
  }
  ~CheckedFile() override {
    if (file_) std::fclose(file_);
  }
  void write(unsigned char const* data, size_t length) override {
    if (std::fwrite(data, 1, length, file_) != length) throw std::runtime_error(std::strerror(errno));
  }
  void finish() override {
    if (std::fflush(file_) != 0) throw std::runtime_error(std::strerror(errno));
  }
  void close() {
    const int status = std::fclose(file_);
    file_ = nullptr;
    if (status != 0) throw std::runtime_error(std::strerror(errno));
  }

 private:
  std::FILE* file_;
};

void write_pdf(QPDF& pdf, const fs::path& out, const std::string& minimum_version = "") {
  AtomicOutput output(out);
  try {
    CheckedFile file(output.temp());
    QPDFWriter writer(pdf);
    writer.setOutputPipeline(&file);
    writer.setObjectStreamMode(qpdf_o_preserve);
    writer.setDeterministicID(true);
    if (!minimum_version.empty()) writer.setMinimumPDFVersion(minimum_version);
    writer.write();
    file.close();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw input_error(out.string(), std::string("write failed (disk full?): ") + e.what() +
                                        "; the previous file is kept");
  }
  output.commit();
}

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

// The arrays that hold a link's target page: /Dest, or /D of a GoTo action.
std::vector<QPDFObjectHandle> link_destinations(QPDFObjectHandle page) {
  std::vector<QPDFObjectHandle> out;
  QPDFObjectHandle annots = page.getKey("/Annots");
  if (!annots.isArray()) return out;
  for (auto annot : annots.aitems()) {
    if (!annot.isDictionary()) continue;
    if (annot.getKey("/Dest").isArray()) out.push_back(annot.getKey("/Dest"));
    QPDFObjectHandle action = annot.getKey("/A");
    if (action.isDictionary() && action.getKey("/S").isNameAndEquals("/GoTo") && action.getKey("/D").isArray())
      out.push_back(action.getKey("/D"));
  }
  return out;
}

// qpdf nulls a copied link's reference to a page not copied yet, so links
// travel with page indexes and get their book pages once all are in.
void pages_to_indexes(const std::vector<QPDFPageObjectHelper>& pages) {
  std::map<QPDFObjGen, int> index;
  for (std::size_t i = 0; i < pages.size(); ++i) index[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i);
  for (const auto& page : pages)
    for (auto dest : link_destinations(page.getObjectHandle())) {
      if (dest.getArrayNItems() == 0) continue;
      const auto target = index.find(dest.getArrayItem(0).getObjGen());
      if (target != index.end()) dest.setArrayItem(0, QPDFObjectHandle::newInteger(target->second));
    }
}

void indexes_to_pages(const std::vector<QPDFObjectHandle>& added) {
  for (const auto& page : added)
    for (auto dest : link_destinations(page)) {
      if (dest.getArrayNItems() == 0 || !dest.getArrayItem(0).isInteger()) continue;
      const auto target = static_cast<std::size_t>(dest.getArrayItem(0).getIntValue());
      if (target < added.size()) dest.setArrayItem(0, added[target]);
    }
}

// The contents and the author index link to papers the front matter cannot
// see: their links are "book-page:N" URIs (arabic page N), turned here into
// links to the book's page.
void link_book_pages(std::vector<QPDFPageObjectHelper> book, std::size_t first, std::size_t end,
                     std::size_t front_pages) {
  static const std::string scheme = "book-page:";
  for (std::size_t i = first; i < end; ++i) {
    QPDFObjectHandle annots = book[i].getObjectHandle().getKey("/Annots");
    if (!annots.isArray()) continue;
    for (auto annot : annots.aitems()) {
      if (!annot.isDictionary()) continue;
      QPDFObjectHandle action = annot.getKey("/A");
      if (!action.isDictionary() || !action.getKey("/S").isNameAndEquals("/URI") || !action.getKey("/URI").isString())
        continue;
      const std::string uri = action.getKey("/URI").getStringValue();
      if (uri.rfind(scheme, 0) != 0) continue;
      const std::size_t target = front_pages + std::stoul(uri.substr(scheme.size())) - 1;
      if (target >= book.size()) continue;
      annot.removeKey("/A");
      annot.replaceKey("/Dest", QPDFObjectHandle::newArray({book[target].getObjectHandle(), QPDFObjectHandle::newName("/XYZ"),
                                                              QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull(),
                                                              QPDFObjectHandle::newNull()}));
    }
  }
}

QPDFObjectHandle outline_level(QPDF& book, const std::vector<OutlineItem>& items, QPDFObjectHandle parent,
                               const std::vector<QPDFPageObjectHelper>& pages, int& count) {
  std::vector<QPDFObjectHandle> made;
  for (const auto& item : items) {
    if (item.page < 0 || item.page >= static_cast<int>(pages.size())) continue;
    QPDFObjectHandle node = book.makeIndirectObject(QPDFObjectHandle::newDictionary());
    node.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(item.title));
    node.replaceKey("/Parent", parent);
    node.replaceKey("/Dest", QPDFObjectHandle::newArray({pages[static_cast<std::size_t>(item.page)].getObjectHandle(),
                                                          QPDFObjectHandle::newName("/Fit")}));
    int below = 0;
    if (!item.children.empty()) {
      outline_level(book, item.children, node, pages, below);
      node.replaceKey("/Count", QPDFObjectHandle::newInteger(below));  // open
    }
    count += 1 + below;
    made.push_back(node);
  }
  for (std::size_t i = 0; i < made.size(); ++i) {
    if (i > 0) made[i].replaceKey("/Prev", made[i - 1]);
    if (i + 1 < made.size()) made[i].replaceKey("/Next", made[i + 1]);
  }
  if (!made.empty()) {
    parent.replaceKey("/First", made.front());
    parent.replaceKey("/Last", made.back());
  }
  return parent;
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

// Papers typeset with the same fonts embed the same font programs, and each
// stamped paper carries the stamp's font: the book keeps one copy of every
// identical font program and image (same dictionary and bytes), so that it is
// no larger than the sum of its unique objects.
class StreamSharer {
 public:
  void share(QPDF& book) {
    for (auto& object : book.getAllObjects()) visit(object);
  }
  int shared() const { return shared_; }

 private:
  static bool shareable(const std::string& key, QPDFObjectHandle value) {
    if (!value.isIndirect() || !value.isStream()) return false;
    if (key == "/FontFile" || key == "/FontFile2" || key == "/FontFile3" || key == "/ToUnicode") return true;
    return value.getDict().getKey("/Subtype").isNameAndEquals("/Image");
  }

  QPDFObjectHandle canonical(QPDFObjectHandle stream) {
    auto dict = stream.getDict();
    std::string described;
    for (const auto& key : dict.getKeys())
      if (key != "/Length") described += key + " " + dict.getKey(key).unparseResolved() + "\n";
    const auto data = stream.getRawStreamData();
    const std::string digest =
        sha256_hex(described + "\n" + std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
    const auto [at, inserted] = first_.emplace(digest, stream);
    if (!inserted && at->second.getObjGen() != stream.getObjGen()) ++shared_;
    return at->second;
  }

  // Direct dictionaries and arrays inside an object; indirect ones are visited on their own.
  void visit(QPDFObjectHandle object) {
    if (object.isStream()) object = object.getDict();
    if (object.isDictionary()) {
      for (const auto& key : object.getKeys()) {
        auto value = object.getKey(key);
        if (shareable(key, value)) object.replaceKey(key, canonical(value));
        else if (!value.isIndirect()) visit(value);
      }
    } else if (object.isArray()) {
      for (int i = 0; i < object.getArrayNItems(); ++i)
        if (auto item = object.getArrayItem(i); !item.isIndirect()) visit(item);
    }
  }

  std::map<std::string, QPDFObjectHandle> first_;
  int shared_ = 0;
};

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

}  // namespace

Stamper::Stamper(const FolioFont& font, std::string venue) : font_(font), venue_(std::move(venue)) {}

void Stamper::stamp(const fs::path& paper_file, int first_page, const fs::path& out) const {
  auto paper = open_pdf(paper_file);
  try {
    make_destinations_explicit(*paper);
    auto pages = QPDFPageDocumentHelper(*paper).getAllPages();
    const QPDFObjectHandle font = folio_font_object(*paper, font_);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      QPDFObjectHandle resources = pages[i].getAttribute("/Resources", true);
      if (!resources.isDictionary()) {
        resources = QPDFObjectHandle::newDictionary();
        pages[i].getObjectHandle().replaceKey("/Resources", resources);
      }
      if (!resources.getKey("/Font").isDictionary()) resources.replaceKey("/Font", QPDFObjectHandle::newDictionary());
      int suffix = 0;
      const std::string name = resources.getUniqueResourceName("/Folio", suffix);
      resources.getKey("/Font").replaceKey(name, font);
      const std::string ops = folio_operators(font_, name, pages[i].getTrimBox().getArrayAsRectangle(), venue_,
                                              std::to_string(first_page + static_cast<int>(i)));
      // The paper's own content is wrapped in q/Q so that whatever state it
      // leaves behind cannot move the folio.
      pages[i].addPageContents(QPDFObjectHandle::newStream(paper.get(), "q\n"), true);
      pages[i].addPageContents(QPDFObjectHandle::newStream(paper.get(), "\nQ\n" + ops), false);
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw input_error(paper_file.string(), std::string("cannot be stamped: ") + e.what());
  }
  write_pdf(*paper, out);
}

void assemble_book(const BookParts& parts, const fs::path& out) {
  QPDF book;
  book.emptyPDF();
  QPDFPageDocumentHelper book_pages(book);
  std::vector<std::unique_ptr<QPDF>> sources;  // must outlive the write
  std::size_t front_pages = 0;
  std::size_t in_book = 0;
  auto add_all = [&](const fs::path& file, bool own_pages) {
    sources.push_back(open_pdf(file));
    if (own_pages) make_destinations_explicit(*sources.back());  // stamped papers had theirs made explicit
    const auto pages = QPDFPageDocumentHelper(*sources.back()).getAllPages();
    pages_to_indexes(pages);
    for (const auto& page : pages) book_pages.addPage(page, false);
    // The pages just added, from the end of the flat /Kids that addPage keeps
    // (asking for all pages here would make assembly quadratic in the papers).
    QPDFObjectHandle kids = book.getRoot().getKey("/Pages").getKey("/Kids");
    std::vector<QPDFObjectHandle> added;
    for (std::size_t i = 0; i < pages.size(); ++i) added.push_back(kids.getArrayItem(static_cast<int>(in_book + i)));
    indexes_to_pages(added);
    in_book += pages.size();
    return pages.size();
  };
  try {
    front_pages = add_all(parts.front, true);
    for (const auto& paper : parts.papers) add_all(paper, false);
    const std::size_t back_first = in_book;
    add_all(parts.back, true);
    StreamSharer().share(book);
    const auto pages = book_pages.getAllPages();
    link_book_pages(pages, 0, front_pages, front_pages);
    link_book_pages(pages, back_first, pages.size(), front_pages);

    QPDFObjectHandle root = book.getRoot();
    root.replaceKey("/PageLabels", QPDFObjectHandle::parse(
                                       "<< /Nums [ 0 << /S /r >> " + std::to_string(front_pages) + " << /S /D /St 1 >> ] >>"));
    QPDFObjectHandle outlines = book.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
    int count = 0;
    outline_level(book, parts.outline, outlines, pages, count);
    outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(count));
    root.replaceKey("/Outlines", outlines);
    root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));

    QPDFObjectHandle info = book.makeIndirectObject(QPDFObjectHandle::newDictionary());
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(parts.title));
    info.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString(parts.subject));
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(std::string("proceedings ") + PROCEEDINGS_VERSION));
    if (!parts.author.empty()) info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(parts.author));
    book.getTrailer().replaceKey("/Info", info);
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString("en-US"));
    QPDFObjectHandle xmp = QPDFObjectHandle::newStream(&book, xmp_packet(parts));
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", xmp);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(Exit::input, out.string(), std::string("cannot assemble the book: ") + e.what());
  }
  // The highest version of the parts, and at least 1.4 for /Lang and the XMP /Metadata stream.
  std::string version = "1.4";
  for (const auto& source : sources) version = std::max(version, source->getPDFVersion());
  write_pdf(book, out, version);
}

}  // namespace proceedings::book
