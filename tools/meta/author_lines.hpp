#pragma once
// Author lines as real authors write them when they do not follow the
// template (issue 28): several people in one \author or one line of the
// title block, marks that send each name to its affiliations, several
// mailboxes written as one, two institutions joined by "and". Shared by the
// PDF reader and the LaTeX reader, which see the same lines.
#include <string>
#include <vector>

#include "proceedings/latex_text.hpp"
#include "proceedings/paper_meta.hpp"

namespace proceedings::meta {

// "Hannah Li, David Evans", "A, B, and C", "A and B" -> the names; one
// element, the line itself, unless every part looks like a person's name.
std::vector<std::string> names_in_line(const std::string& line);

// A name or an institution with the marks that follow it ("Pablo Cesar" 1, 2).
struct Marked {
  std::string text;
  std::vector<std::string> marks;
};

// The parts of `text` between its marks. `plain` is the same text without
// the marks (the PDF reader's line without raised glyphs): the characters of
// `text` it lacks are the marks. A part's marks are the ones right after it
// ("Wei Bai1 Kai Chen1") or, when the text starts with a mark, right before
// it ("1HKUST 2Huawei"). Empty when the text holds no mark.
std::vector<Marked> split_at_marks(const std::string& text, const std::string& plain, bool marks_before);

// Gives each person the affiliations their marks name; true when every
// person's marks were found among the affiliations.
bool map_marks(const std::vector<Marked>& people, const std::vector<Marked>& affiliations,
               std::vector<AuthorMeta>& out);

// "Inst, Country and Inst2, Country2" (a journal format's author line after
// the names) -> two affiliations; the countries mark where each ends
// (institution names may hold commas and "and").
std::vector<Affiliation> split_institutions(const std::string& text);

// "[hannahli, evans]@virginia.edu", "{a, b}@x.org, c@y.org" -> each mailbox.
std::vector<std::string> mailboxes(const std::string& text);

// "University College London and University of Leeds" -> both; one element
// unless each side names an institution of its own.
std::vector<std::string> institutions_in(const std::string& text);

// A name without the marks after it (∗ † ‡ and the like); TeX prints an
// apostrophe as ’ (some fonts map it back to ').
std::string without_marks(std::string name);

// The words that name an organisational unit (University, Institute, ...).
bool names_unit(const std::string& text);

// Emails to the people they look like, else in order when there are as many.
void assign_emails(const std::vector<std::string>& emails, std::vector<AuthorMeta>& members);

}  // namespace proceedings::meta

namespace proceedings::meta {

// LaTeX of an \author or an \institution to plain text (the reader's macros).
using TextOf = std::string (*)(const std::string& latex, const void* context);

// One \author as written: the people it names with their marks, and the
// marked affiliations a second line of it may hold ("$^1$HKUST $^2$Huawei").
struct AuthorLine {
  std::vector<Marked> people;
  std::vector<Marked> affiliations;
};
AuthorLine read_author_line(const std::string& latex, TextOf text_of, const void* context);

// The \institution fields of an \affiliation that carry marks
// ("Centrum Wiskunde \& Informatica$^1$ \quad Amsterdam, The Netherlands"),
// each with the address after it; empty when none is marked.
struct MarkedAffiliation {
  Affiliation affiliation;
  std::vector<std::string> marks;
};
std::vector<MarkedAffiliation> marked_institutions(const std::string& latex, TextOf text_of, const void* context);

// `latex` with the user macros that draw a picture (\newcommand{\beaver}{\includegraphics...})
// written out, so that the pictures are seen as the marks they are.
std::string with_picture_macros(const std::string& latex, const Macros& macros);

// What a person reads where an author put a field in the wrong place: a real
// country at the end of \institution or in \state while \country is empty,
// "Institution, Country" written in \country (issue 28 items 4 and 9).
void settle_country(Affiliation& a);

}  // namespace proceedings::meta
