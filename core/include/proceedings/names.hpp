#pragma once
// Names compared across sources (papers.yaml, a PDF, arXiv): folded to plain
// ASCII so that accents, case and punctuation do not decide. Family names and
// index forms are in model.hpp beside Person.
#include <string>

namespace proceedings {

// Accents and case go (core's ascii_fold knows the letters); hyphens and dots
// separate words; other punctuation goes: "Jean-Loïc D. Pottier" -> "jean loic d pottier".
std::string fold_words(const std::string& name);

// Lowercase ASCII letters and digits only: "Loïc Pottier" -> "loicpottier".
std::string fold_name(const std::string& name);

// How event sites name pages: "Loïc Pottier" -> "loic-pottier" (/speakers/loic-pottier),
// "How Complex AI Workflows?" -> "how-complex-ai-workflows".
std::string url_slug(const std::string& text);

}  // namespace proceedings
