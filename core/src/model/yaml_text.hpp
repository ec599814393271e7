#pragma once
// The one text-preserving editing layer under both YAML files a chair keeps
// by hand (papers.yaml through yaml_update.cpp, workshop.yaml through
// workshop_yaml.cpp): lines, top-level blocks, and the file's line ends and
// byte order mark, so that an edit replaces the lines it changes and keeps
// the rest of the text as it was.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace proceedings::yaml_text {

std::vector<std::string> lines_of(const std::string& text);
// Each line followed by "\n".
std::string joined(const std::vector<std::string>& lines);

// `text` with each CR LF as LF.
std::string lf_only(const std::string& text);

// `edit` applied to `original` without its byte order mark and with LF line
// ends; the result gets the mark back and the line end most of the
// original's lines have (CR LF or LF).
std::string keeping_line_ends(const std::string& original, const std::function<std::string(const std::string&)>& edit);

// [first, last) lines of the top-level block `key` (its "key:" line and what
// is indented under it, without the comments and blank lines just above the
// next key), or nullopt.
std::optional<std::pair<std::size_t, std::size_t>> block_span(const std::vector<std::string>& lines, const std::string& key);

// The block `key` replaced by the lines of `block`, or `block` added at the
// end after a blank line when there is none.
void replace_block(std::vector<std::string>& lines, const std::string& key, const std::string& block);

// The top-level line "key: ..." replaced by `line`, or `line` added after the
// leading comments when there is none.
void replace_line(std::vector<std::string>& lines, const std::string& key, const std::string& line);

}  // namespace proceedings::yaml_text
