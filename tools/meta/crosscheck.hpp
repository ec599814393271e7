#pragma once
// Extracted metadata against the workshop's accepted-paper record.
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/model.hpp"
#include "proceedings/names.hpp"
#include "proceedings/paper_meta.hpp"

namespace proceedings::meta {

using proceedings::fold_name;  // core's, shared with arxiv and the book

// The record whose id is `stem`, else whose title matches; nullptr if none.
const Paper* match_record(const std::vector<Paper>& papers, const PaperMeta& meta, const std::string& stem);

// One error per difference, its code the kind of mismatch: title,
// author-missing, author-added, author-spelling, author-order.
std::vector<Diagnostic> crosscheck(const Paper& record, const PaperMeta& meta);

// The error for a paper that matches no accepted paper.
Diagnostic no_record(const std::string& stem, const std::string& title);

// Pairs record authors with extracted ones: exact, then alike (accents,
// case, a dropped middle name, a typo). -1 where an author has no partner.
std::vector<int> pair_authors(const std::vector<Person>& record, const std::vector<AuthorMeta>& found);

}  // namespace proceedings::meta
