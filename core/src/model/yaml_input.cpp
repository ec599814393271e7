#include "proceedings/yaml_input.hpp"

#include <yaml-cpp/eventhandler.h>

#include <sstream>

#include "proceedings/error.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

namespace {

std::string at_line(const std::string& file, const YAML::Mark& mark) {
  return mark.line >= 0 ? file + ":" + std::to_string(mark.line + 1) : file;
}

// Parses without building nodes and stops at the first alias, before
// yaml-cpp's loader could share (and the model copy) the subtree it names.
class AliasRefuser : public YAML::EventHandler {
 public:
  explicit AliasRefuser(const std::string& file) : file_(file) {}
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw usage_error(at_line(file_, mark),
                      "uses a YAML alias (*name); aliases are not accepted: write the value out where it is used");
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  const std::string& file_;
};

// The first control character in `text` that is not allowed, as "U+001B", or "".
std::string control_character(const std::string& text, bool multiline) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (multiline && (text[i] == '\t' || text[i] == '\n')) continue;
    if (const auto code = control_character_at(text, i)) return code_point_name(*code);
  }
  return "";
}

std::string describe(const std::string& code) {
  if (code == "U+000A") return "a line break (U+000A): the field must be one line";
  if (code == "U+000D") return "a carriage return (U+000D)";
  if (code == "U+0009") return "a tab (U+0009): the field must be one line of text";
  return "the control character " + code;
}

class TextChecker {
 public:
  TextChecker(const std::string& file, const std::set<std::string>& multiline) : file_(file), multiline_(multiline) {}

  void check(const YAML::Node& node, const std::string& path, bool multiline) const {
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        if (const std::string code = control_character(node.Scalar(), multiline); !code.empty())
          throw usage_error(at_line(file_, node.Mark()),
                            (path.empty() ? std::string("the document") : "field '" + path + "'") + " holds " + describe(code));
        break;
      case YAML::NodeType::Sequence:
        for (std::size_t i = 0; i < node.size(); ++i) check(node[i], path + "[" + std::to_string(i) + "]", multiline);
        break;
      case YAML::NodeType::Map:
        for (const auto& item : node) {
          check(item.first, path, false);
          const std::string key = item.first.IsScalar() ? item.first.Scalar() : "?";
          check(item.second, path.empty() ? key : path + "." + key, multiline_.count(key) > 0);
        }
        break;
      default:
        break;
    }
  }

 private:
  const std::string& file_;
  const std::set<std::string>& multiline_;
};

}  // namespace

namespace {

// A control character in the file's bytes, outside the line breaks and tabs
// YAML itself uses, is refused before the parser sees it: yaml-cpp's parser
// loops on some (a NUL before a flow entry, found by fuzzing).
void refuse_raw_control_characters(const std::string& text, const std::string& file) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (c == '\n' || c == '\r' || c == '\t') continue;
    if (const auto code = control_character_at(text, i))
      throw usage_error(file + ":" + std::to_string(line), "holds " + describe(code_point_name(*code)));
  }
}

}  // namespace

YAML::Node load_yaml(const std::string& text, const std::string& file, const std::set<std::string>& multiline_keys) {
  refuse_raw_control_characters(text, file);
  YAML::Node root;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    AliasRefuser refuser(file);
    parser.HandleNextDocument(refuser);  // the first document, the one YAML::Load reads
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw usage_error(at_line(file, e.mark), "not valid YAML: " + e.msg);
  }
  TextChecker(file, multiline_keys).check(root, "", false);
  return root;
}

}  // namespace proceedings
