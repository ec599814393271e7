#pragma once
// An event's web page as lines of text, whatever it was written in: HTML
// (libxml2's HTML parser), Jekyll/Markdown with embedded HTML, or the text
// of a page. Blocks become lines; headings, list items and links are kept,
// so that the program reader works on the page's structure, not its markup.
#include <string>
#include <vector>

namespace proceedings::import {

struct Link {
  std::string text;
  std::string href;
};

struct PageLine {
  std::string text;        // whitespace collapsed, markup gone
  int heading = 0;         // 1-6 for a heading, else 0
  bool item = false;       // a list item
  std::vector<Link> links;
  int line = 0;            // where it starts in the page's source, from 1; 0 when not known
};

struct Page {
  std::string source;  // the file or URL, for messages
  std::string title;   // <title> or the front matter's title
  std::vector<PageLine> lines;
};

enum class PageFormat { html, markdown, text };

// By the content (front matter, markup) and the name's extension.
PageFormat page_format(const std::string& bytes, const std::string& name);

// Throws a usage Error "SOURCE:LINE: ..." for a control character (other
// than tabs and line ends, which are white space) in the page's text: names
// and titles from it reach mail headers, TeX and calendars.
Page read_page(const std::string& bytes, const std::string& source);

// A file, or an http(s) URL fetched with libcurl.
Page load_page(const std::string& file_or_url);

}  // namespace proceedings::import
