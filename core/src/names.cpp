#include "proceedings/names.hpp"

#include <algorithm>
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

std::string url_slug(const std::string& text) {
  std::string out;
  for (char c : ascii_fold(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string index_sort_key(const Person& person) {
  std::string key = family_sort_key(person);
  const bool folded_away = std::all_of(key.begin(), key.end(), [](char c) { return c == ' '; });
  if (folded_away) key = "\x7F" + family_name(person) + " " + person.name;  // after every ASCII key
  return key;
}

std::string index_sort_key(const std::string& full_name) {
  Person person;
  person.name = full_name;
  return index_sort_key(person);
}

}  // namespace proceedings
