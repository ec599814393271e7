#pragma once
// Readers for what submission systems export: HotCRP's JSON, EasyChair's
// ACM data XML and its submission.csv/author.csv pair, and any CSV with a
// column mapping. Each gives the submissions as the system holds them.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::import {

struct Submission {
  std::string system;    // hotcrp, easychair, csv: the first part of Paper::submission
  std::string number;    // the submission number in that system
  std::string title;
  std::string abstract;
  std::string decision;  // as the system spells it ("Accepted", "accept", ""), lower case
  bool withdrawn = false;
  std::vector<Person> authors;
  std::string status;    // HotCRP's status ("accepted": its outcome is positive), lower case; else empty
  std::string key() const { return system + ":" + number; }
};

// HotCRP: Search -> Download -> JSON, an array of paper objects (pid, title,
// abstract, authors with first/last, given_name/family_name or name, decision,
// status, withdrawn).
std::vector<Submission> read_hotcrp_json(const std::string& text, const std::string& file);

// EasyChair's "ACM data download": <erights_record><paper>... with
// event_tracking_number, paper_title and authors/author (first_name,
// middle_name, last_name, sequence_no, email_address, ORCID,
// affiliations/affiliation, country). Every paper in it is accepted.
std::vector<Submission> read_easychair_xml(const std::string& text, const std::string& file);

// EasyChair's submission.csv (#, title, authors, decision, abstract, deleted?)
// joined with author.csv (submission #, first name, last name, email,
// country, affiliation) on the submission number.
std::vector<Submission> read_easychair_csv(const std::string& submissions, const std::string& submissions_file,
                                           const std::string& authors, const std::string& authors_file);

// Any CSV, its columns named by a mapping (without a number column a row is
// keyed on its title, so that re-sorting the sheet keys no row differently): number, title, abstract, decision,
// authors (one cell "A (Inst), B (Inst)"), or per author the patterns
// author, first, last, affiliation, email, country, orcid with {n} for 1, 2, ...
// ("Author {n} Name").
using ColumnMap = std::map<std::string, std::string>;
std::vector<Submission> read_mapped_csv(const std::string& text, const std::string& file, const ColumnMap& map);

// "title=Title,authors=Authors" or, when `spec` names a file, its lines "key=Column".
ColumnMap parse_column_map(const std::string& spec);

// "Ana Núñez (Universidad de Chile), Bo Li (KTH, Sweden) and Cy Doe": commas and
// "and" outside parentheses separate authors; the parentheses hold the affiliation.
std::vector<Person> split_author_cell(const std::string& cell);

// Reads FILE... by their content: a JSON array (HotCRP), an erights_record
// XML (EasyChair ACM data), an EasyChair submission.csv with its author.csv,
// or, with a map, any CSV. Throws a usage Error naming the file otherwise.
std::vector<Submission> read_exports(const std::vector<std::filesystem::path>& files, const ColumnMap& map);

}  // namespace proceedings::import
