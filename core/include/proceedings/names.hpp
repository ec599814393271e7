#pragma once
// Names compared across sources (papers.yaml, a PDF, arXiv): folded to plain
// ASCII so that accents, case and punctuation do not decide. Family names and
// index forms are in model.hpp beside Person.
#include <string>

#include "proceedings/model.hpp"

namespace proceedings {

// Accents and case go (core's ascii_fold knows the letters); hyphens and dots
// separate words; other punctuation goes: "Jean-Loïc D. Pottier" -> "jean loic d pottier".
std::string fold_words(const std::string& name);

// Lowercase ASCII letters and digits only: "Loïc Pottier" -> "loicpottier".
std::string fold_name(const std::string& name);

// How event sites name pages: "Loïc Pottier" -> "loic-pottier" (/speakers/loic-pottier),
// "How Complex AI Workflows?" -> "how-complex-ai-workflows".
std::string url_slug(const std::string& text);

// The order of an index of people (the book's author index, the booklet's
// speakers and chairs): family_sort_key, whose ASCII folding leaves nothing
// of a name in Greek, Cyrillic or CJK, so such a name comes after the Latin
// ones, by its family name as written, instead of all sharing one blank key.
std::string index_sort_key(const Person& person);
std::string index_sort_key(const std::string& full_name);

}  // namespace proceedings
