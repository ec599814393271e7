#include "proceedings/names.hpp"

#include <cctype>

#include "proceedings/latex_text.hpp"

namespace proceedings {

std::string fold_words(const std::string& name) {
  std::string out;
  for (char c : ascii_fold(name)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else if (c == ' ' || c == '-' || c == '.') out += ' ';
  }
  return out;
}

std::string fold_name(const std::string& name) {
  std::string out;
  for (char c : fold_words(name))
    if (c != ' ') out += c;
  return out;
}

}  // namespace proceedings
