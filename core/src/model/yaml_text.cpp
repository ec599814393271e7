#include "model/yaml_text.hpp"

#include <sstream>

#include "proceedings/text.hpp"

namespace proceedings::yaml_text {

namespace {

bool top_level_key(const std::string& line, const std::string& key) { return line.rfind(key + ":", 0) == 0; }

bool top_level(const std::string& line) { return !line.empty() && line[0] != ' ' && line[0] != '#' && line[0] != '-'; }

// A file kept on Windows ends its lines with CR LF. The edit compares lines
// without the CR ("papers:\r" is still the list's key).
bool mostly_crlf(const std::string& text) {
  std::size_t crlf = 0, lf = 0;
  for (auto at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
    ++(at > 0 && text[at - 1] == '\r' ? crlf : lf);
  return crlf > lf;
}

}  // namespace

std::string lf_only(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

namespace {

std::string with_crlf(const std::string& lf_text) {
  std::string out;
  out.reserve(lf_text.size() + lf_text.size() / 16);
  for (char c : lf_text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string keeping_line_ends(const std::string& original, const std::function<std::string(const std::string&)>& edit) {
  // Windows' Notepad starts a UTF-8 file with a byte order mark: kept, and not part of the first line.
  const std::string bom = "\xEF\xBB\xBF";
  const bool marked = original.compare(0, bom.size(), bom) == 0;
  const std::string edited = lf_only(edit(lf_only(marked ? original.substr(bom.size()) : original)));
  return (marked ? bom : "") + (mostly_crlf(original) ? with_crlf(edited) : edited);
}

std::optional<std::pair<std::size_t, std::size_t>> block_span(const std::vector<std::string>& lines, const std::string& key) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!top_level_key(lines[i], key)) continue;
    std::size_t end = i + 1;
    while (end < lines.size() && !top_level(lines[end])) ++end;
    while (end > i + 1 && (trim(lines[end - 1]).empty() || trim(lines[end - 1])[0] == '#')) --end;  // comments above the next key stay with it
    return std::make_pair(i, end);
  }
  return std::nullopt;
}

void replace_block(std::vector<std::string>& lines, const std::string& key, const std::string& block) {
  std::vector<std::string> fresh = lines_of(block);
  if (const auto span = block_span(lines, key)) {
    lines.erase(lines.begin() + static_cast<long>(span->first), lines.begin() + static_cast<long>(span->second));
    lines.insert(lines.begin() + static_cast<long>(span->first), fresh.begin(), fresh.end());
    return;
  }
  lines.push_back("");
  lines.insert(lines.end(), fresh.begin(), fresh.end());
}

void replace_line(std::vector<std::string>& lines, const std::string& key, const std::string& line) {
  for (auto& l : lines)
    if (top_level_key(l, key)) {
      l = line;
      return;
    }
  std::size_t at = 0;
  while (at < lines.size() && (lines[at].empty() || lines[at][0] == '#')) ++at;
  lines.insert(lines.begin() + static_cast<long>(at), line);
}

}  // namespace proceedings::yaml_text
