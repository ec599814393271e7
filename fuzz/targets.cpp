// libFuzzer targets for every reader of outside input. One binary per
// target (FUZZ_TARGET selects the body); `make fuzz` builds and runs them.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "proceedings/check/analyze.hpp"
#include "import/formats.hpp"
#include "import/web_event.hpp"
#include "import/web_page.hpp"
#include "meta/latex_source.hpp"
#include "meta/pdf_meta.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/model.hpp"
#include "proceedings/pdf.hpp"

namespace {

std::string scratch_file(const char* name, const uint8_t* data, size_t size) {
  static const std::string dir = [] {
    char pattern[] = "/tmp/proceedings-fuzz-XXXXXX";
    return std::string(mkdtemp(pattern));
  }();
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace proceedings;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
#if FUZZ_TARGET == 1  // workshop YAML
    const std::string file = scratch_file("workshop.yaml", data, size);
    load_workshop(std::filesystem::path(file).parent_path());
#elif FUZZ_TARGET == 2  // LaTeX front matter and text
    meta::parse_latex_meta(text);
    latex_to_text(text);
    compose_spacing_accents(text);
#elif FUZZ_TARGET == 3  // CCSXML and XMP
    meta::parse_ccs_xml(text);
    meta::parse_xmp(text);
#elif FUZZ_TARGET == 4  // archives
    const std::string file = scratch_file("upload.zip", data, size);
    ScratchDir into("proceedings-fuzz-unpack");
    ArchiveLimits small;
    small.max_total_bytes = 8 << 20;
    small.max_file_bytes = 4 << 20;
    extract_archive(file, into.path(), small);
#elif FUZZ_TARGET == 5  // PDFs, through the checker and the metadata reader
    static PdfReader reader;
    const std::string file = scratch_file("upload.pdf", data, size);
    const PdfFacts facts = reader.read(file);
    check::analyze(file, facts, check::CheckRules{});
    meta::read_pdf_meta(facts, file);
#elif FUZZ_TARGET == 6  // import: HotCRP's JSON export
    import::read_hotcrp_json(text, "hotcrp.json");
#elif FUZZ_TARGET == 7  // import: EasyChair's ACM data XML
    import::read_easychair_xml(text, "easychair.xml");
#elif FUZZ_TARGET == 8  // import: a CSV with a column mapping, one author cell or numbered author columns
    const import::ColumnMap one_cell{{"number", "ID"}, {"title", "Paper Title"}, {"authors", "Authors"}, {"decision", "Status"}};
    const import::ColumnMap numbered{{"number", "Submission"},          {"title", "Title"},
                                     {"decision", "Decision"},          {"first", "Author {n} First"},
                                     {"last", "Author {n} Last"},       {"affiliation", "Author {n} Affiliation"},
                                     {"email", "Author {n} Email"}};
    for (const auto* map : {&one_cell, &numbered}) {
      try {
        import::read_mapped_csv(text, "sheet.csv", *map);
      } catch (const Error&) {
      }
    }
#elif FUZZ_TARGET == 9  // import web: an event page as HTML, Markdown and text, read as a program
    for (const char* name : {"page.html", "page.md", "page.txt"}) {
      try {
        import::read_event(import::read_page(text, name), "UTC");
      } catch (const Error&) {
      }
    }
#endif
  } catch (const Error&) {
    // Bad input, reported as such: what the readers must do.
  }
  return 0;
}
