#include "meta/accuracy.hpp"

#include <nlohmann/json.hpp>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::meta {

namespace {

Affiliation affiliation_from(const nlohmann::json& j) {
  Affiliation a;
  a.position = j.value("position", "");
  a.departments = j.value("departments", std::vector<std::string>{});
  a.institution = j.value("institution", "");
  a.street = j.value("street", "");
  a.city = j.value("city", "");
  a.state = j.value("state", "");
  a.postcode = j.value("postcode", "");
  a.country = j.value("country", "");
  return a;
}

std::vector<Affiliation> affiliations_from(const nlohmann::json& list) {
  std::vector<Affiliation> out;
  for (const auto& j : list) out.push_back(affiliation_from(j));
  return out;
}

template <typename Part>
auto each(const std::vector<Affiliation>& list, Part part) {
  std::vector<decltype(part(list.front()))> out;
  for (const auto& a : list) out.push_back(part(a));
  return out;
}

std::string quoted(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "'" : ", '") + s + "'";
  return "[" + out + "]";
}

}  // namespace

PaperTruth read_truth(const std::filesystem::path& file) {
  try {
    const auto j = nlohmann::json::parse(read_file(file));
    PaperTruth t{j.at("name"), j.at("title"), j.value("subtitle", ""), j.value("anonymous", false), {}};
    for (const auto& a : j.at("authors"))
      t.authors.push_back({a.at("name"), affiliations_from(a.at("affiliations")), affiliations_from(a.value("additional", nlohmann::json::array())),
                           a.value("emails", std::vector<std::string>{}), a.value("orcid", "")});
    return t;
  } catch (const nlohmann::json::exception& e) {
    throw input_error(file.string(), std::string("not a truth file: ") + e.what());
  }
}

const char* field_name(Field f) {
  static const char* const names[] = {"titles", "author lists", "institutions", "departments", "countries", "emails", "ORCIDs"};
  return names[f];
}

void Tally::add(const Tally& other) {
  for (int f = 0; f < field_count; ++f) {
    right[f] += other.right[f];
    total[f] += other.total[f];
  }
}

Tally score(const PaperMeta& got, const PaperTruth& truth, bool from_pdf, std::vector<std::string>* misses) {
  Tally t;
  auto count = [&](Field f, bool ok, const std::string& what) {
    ++t.total[f];
    t.right[f] += ok;
    if (!ok && misses) misses->push_back(std::string(field_name(f)) + ": " + what);
  };
  count(titles, got.title == truth.title, "'" + got.title + "' for '" + truth.title + "'");
  std::vector<std::string> want_names, got_names;
  for (const auto& a : got.authors) got_names.push_back(a.name);
  const bool hidden = from_pdf && truth.anonymous;
  if (!hidden)
    for (const auto& a : truth.authors) want_names.push_back(a.name);
  count(author_lists, got_names == want_names, quoted(got_names) + " for " + quoted(want_names));
  if (hidden) return t;
  for (std::size_t i = 0; i < truth.authors.size(); ++i) {
    const Person& want = truth.authors[i];
    const Person none;
    const Person& have = i < got.authors.size() ? got.authors[i] : none;
    const std::string who = want.name + ": ";
    auto institution = [](const Affiliation& a) { return a.institution; };
    auto country = [](const Affiliation& a) { return a.country; };
    auto department = [](const Affiliation& a) {
      std::string out;
      for (const auto& d : a.departments) out += (out.empty() ? "" : " / ") + d;
      return out;
    };
    auto check = [&](Field f, auto part) {
      const auto a = each(have.affiliations, part), b = each(want.affiliations, part);
      count(f, a == b, who + quoted(a) + " for " + quoted(b));
    };
    check(institutions, institution);
    check(departments, department);
    check(countries, country);
    count(emails, have.emails == want.emails, who + quoted(have.emails) + " for " + quoted(want.emails));
    count(orcids, have.orcid == want.orcid, who + "'" + have.orcid + "' for '" + want.orcid + "'");
  }
  return t;
}

}  // namespace proceedings::meta
