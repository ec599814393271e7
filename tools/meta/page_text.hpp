#pragma once
// Text helpers for reading a PDF's first page (meta/pdf_meta.cpp and the
// first_page_*.cpp files): names, lines, fonts, boxes and links.
#include <cstddef>
#include <string>
#include <vector>

#include "proceedings/paper_meta.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::meta {

std::string upper(std::string s);
// Names set in capitals, joined by a lowercase "and" as acmart's journal formats print them.
bool in_capitals(const std::string& s);
std::vector<std::string> split(const std::string& s, const std::string& separator);
// "A, B, and C" or "A and B" -> names.
std::vector<std::string> split_names(std::string s);
// Joins text lines, mending words hyphenated at a line end.
std::string join_lines(const std::vector<std::string>& lines);
std::string family(const std::string& font);
double center(const Box& b);
bool is_bold(const std::string& font);
bool overlaps(const Box& a, const Box& b);
bool mostly_on(const Box& link, const Box& line);
bool same_folded_name(const std::string& a, const std::string& b);
std::string plain_math_letters(const std::string& text);
std::string without_inline_marks(const std::string& text);
std::size_t name_prefix(const std::string& text, const std::string& name);
bool is_email(const std::string& text);
std::string orcid_of(const std::string& uri);
bool is_anonymous(const std::string& name);
void append_concepts(std::string item, const std::string& arrow, const std::string& leaf_separator,
                     std::vector<Concept>& out);

}  // namespace proceedings::meta
