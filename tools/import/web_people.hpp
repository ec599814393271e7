#pragma once
// People on an event page: organizers' and committee members' lines
// ("Name, Affiliation", "Name (Affiliation) x at y.gov"), and the tests that
// tell a list of names from a title or an institution.
#include <optional>
#include <string>
#include <vector>

#include "import/web_dates.hpp"
#include "import/web_page.hpp"
#include "proceedings/model.hpp"

namespace proceedings::import::web {

bool institution_words(const std::string& text);
// "Rio Yokota", "Rafael Ferreira da Silva", "Loïc Pottier": 2-6 words, capitalized or particles, no digits.
bool looks_like_name(const std::string& name);
bool looks_like_people(const std::string& line, const std::vector<Person>& people);
Affiliation institution(const std::string& text);
// One member line: "Name, Affiliation", "Name (Affiliation) x at y.gov", "Name - Affiliation", "Name".
std::optional<Person> member(std::string text);
std::vector<std::string> names_in(const std::string& text);

// A line of the organizers' or a committee's section: a person into `into`,
// else a note (a list item) and a clue to the event's date.
void read_person_line(const PageLine& line, std::vector<Person>& into, std::vector<std::string>& notes, EventClues& clues);

}  // namespace proceedings::import::web
