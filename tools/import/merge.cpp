#include "import/merge.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "proceedings/error.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import {

namespace {

bool accepted(const Submission& s, const std::vector<std::string>& decisions) {
  return !s.withdrawn && decision_accepts(s.system, s.decision, s.status, decisions);
}

Paper* find_paper(std::vector<Paper>& papers, const Submission& s) {
  for (auto& p : papers)
    if (p.submission == s.key()) return &p;
  const std::string title = title_key(s.title);
  for (auto& p : papers)
    if (p.submission.empty() && title_key(p.title) == title) return &p;
  return nullptr;
}

std::vector<std::string> person_keys(const std::vector<Person>& people) {
  std::vector<std::string> out;
  for (const auto& p : people) out.push_back(person_key(p.name));
  return out;
}

std::vector<std::string> person_keys(const std::vector<ImportedPerson>& people) {
  std::vector<std::string> out;
  for (const auto& p : people) out.push_back(person_key(p.name));
  return out;
}

std::string contacts(const std::vector<Person>& people) {
  std::vector<std::string> names;
  for (const auto& p : people)
    if (p.contact) names.push_back(p.name);
  return joined(names, "; ");
}

std::string names_text(const std::vector<Person>& people) {
  std::vector<std::string> names;
  for (const auto& p : people) names.push_back(p.name);
  return joined(names, "; ");
}

ImportedPerson imported(const Person& p) {
  ImportedPerson out{p.name, {}};
  for (const auto& f : person_fields()) out.fields[f.key] = f.text(p);
  return out;
}

std::vector<ImportedPerson> imported(const std::vector<Person>& people) {
  std::vector<ImportedPerson> out;
  for (const auto& p : people) out.push_back(imported(p));
  return out;
}

template <class People>
auto* find_person(People& people, const std::string& name) {
  const std::string key = person_key(name);
  auto it = std::find_if(people.begin(), people.end(), [&](const auto& p) { return person_key(p.name) == key; });
  return it == people.end() ? nullptr : &*it;
}

std::string shorten(const std::string& s) { return s.size() > 70 ? s.substr(0, 67) + "..." : s; }

// What a person said to do with a conflict: nothing yet, take the export's value, keep papers.yaml's.
enum class Verdict { open, take_export, keep_mine };

class Merger {
 public:
  Merger(std::vector<Paper> papers, ImportState state, const Resolutions& resolutions) : resolutions_(resolutions) {
    out_.papers = std::move(papers);
    out_.state = std::move(state);
  }

  void add(const Submission& s) {
    Paper* mine = find_paper(out_.papers, s);
    const auto before = out_.state.find(s.key());
    const ImportedFields* base = before == out_.state.end() ? nullptr : &before->second;
    if (!mine) return add_new(s, base);
    ImportedFields next = base ? *base : ImportedFields{};
    next.id = mine->id;
    next.removed = false;
    const std::string who = mine->id + " (" + s.key() + ")";
    if (mine->submission.empty()) {
      mine->submission = s.key();
      out_.changes.push_back(who + ": matched by title; submission number recorded");
    }
    field(*mine, who, "title", "title", mine->title, s.title, base ? &base->title : nullptr, next.title);
    field(*mine, who, "abstract", "abstract", mine->abstract, s.abstract, base ? &base->abstract : nullptr,
          next.abstract);
    authors(*mine, who, s.authors, base && base->authors_known ? base : nullptr, next);
    contact(*mine, who, s.authors, base && base->authors_known ? base : nullptr, next);
    out_.state[s.key()] = std::move(next);
  }

  void skip(const Submission& s, const std::vector<Paper>& papers) {
    const bool listed = std::any_of(papers.begin(), papers.end(), [&](const Paper& p) { return p.submission == s.key(); });
    const std::string why = s.withdrawn ? "withdrawn" : "decision '" + (s.decision.empty() ? "none" : s.decision) + "'";
    if (listed)
      out_.conflicts.push_back(s.key() + " '" + s.title + "' is in papers.yaml but now " + why +
                               ": kept; remove it by hand if it is out");
    else
      out_.skipped.push_back(s.key() + " '" + s.title + "': " + why);
  }

  MergeResult result() {
    note_unused("--take-export", resolutions_.take_export);
    note_unused("--keep-mine", resolutions_.keep_mine);
    note_unused("--restore", resolutions_.restore);
    return std::move(out_);
  }

 private:
  // A paper papers.yaml does not have: new, or removed by the chair (the
  // state knows it), which stays out unless --restore names it.
  void add_new(const Submission& s, const ImportedFields* base) {
    if (base && !restoring(base->id, s.key())) {
      ImportedFields kept = *base;
      kept.removed = true;
      out_.skipped.push_back(s.key() + " '" + s.title + "': removed from papers.yaml by hand (was " + base->id +
                             "); --restore " + base->id + " brings it back");
      out_.state[s.key()] = std::move(kept);
      return;
    }
    const bool id_free = base && !base->id.empty() &&
                         std::none_of(out_.papers.begin(), out_.papers.end(), [&](const Paper& p) { return p.id == base->id; });
    Paper p;
    p.id = id_free ? base->id : new_paper_id(s.title, out_.papers);
    p.title = s.title;
    p.authors = s.authors;
    p.abstract = s.abstract;
    p.submission = s.key();
    out_.changes.push_back(std::string(base ? "restore " : "add ") + p.id + " (" + s.key() + "): '" + s.title + "', " +
                           std::to_string(s.authors.size()) + " author(s)");
    out_.state[s.key()] = ImportedFields{p.id, s.title, s.abstract, imported(s.authors), contacts(s.authors), true, false};
    out_.papers.push_back(std::move(p));
  }

  bool restoring(const std::string& id, const std::string& key) {
    for (const auto& r : resolutions_.restore)
      if (r == id || r == key) return used_.push_back("--restore " + r), true;
    return false;
  }

  static bool selects(const std::string& selector, const std::string& path) {
    return path == selector || path.rfind(selector + ".", 0) == 0;
  }

  Verdict verdict(const std::string& id, const std::string& path) {
    const std::string full = id + "." + path;
    for (const auto& s : resolutions_.take_export)
      if (selects(s, full)) return used_.push_back("--take-export " + s), Verdict::take_export;
    for (const auto& s : resolutions_.keep_mine)
      if (selects(s, full)) return used_.push_back("--keep-mine " + s), Verdict::keep_mine;
    return Verdict::open;
  }

  void note_unused(const std::string& option, const std::vector<std::string>& selectors) {
    for (const auto& s : selectors)
      if (std::find(used_.begin(), used_.end(), option + " " + s) == used_.end())
        out_.notes.push_back(option + " " + s + " named no conflict (or removed paper) of this export: nothing done");
  }

  // The one merge rule for one field; `next_base` is what the state will
  // remember: the export's value, except for a conflict nobody resolved,
  // whose older value stays so that the next run still sees the conflict.
  FieldMerge settle(const Paper& paper, const std::string& who, const std::string& path, const std::string& label,
                    const std::string& mine, const std::string& theirs, const std::string* base,
                    std::string& next_base) {
    FieldMerge m = merge_field(mine, theirs, base);
    next_base = theirs.empty() && base ? *base : theirs;
    if (m != FieldMerge::conflict) return m;
    switch (verdict(paper.id, path)) {
      case Verdict::take_export: return FieldMerge::take;
      case Verdict::keep_mine:
        out_.resolved.push_back(who + ": " + label + ": papers.yaml's '" + shorten(mine) + "' kept over the export's '" +
                                shorten(theirs) + "'");
        return FieldMerge::keep;
      case Verdict::open: break;
    }
    next_base = base ? *base : "";
    const std::string selector = paper.id + "." + path;
    out_.conflicts.push_back(who + ": " + label + " differs: papers.yaml has '" + shorten(mine) + "', the export '" +
                             shorten(theirs) + "' (papers.yaml kept; resolve with --take-export " + selector +
                             " or --keep-mine " + selector + ", or edit papers.yaml to match)");
    return FieldMerge::conflict;
  }

  void change(const std::string& who, const std::string& label, const std::string& from, const std::string& to) {
    out_.changes.push_back("change paper " + who + ": " + label + ": '" + shorten(from) + "' → '" + shorten(to) + "'");
  }

  void field(const Paper& paper, const std::string& who, const std::string& path, const std::string& label,
             std::string& mine, const std::string& theirs, const std::string* base, std::string& next_base) {
    if (settle(paper, who, path, label, mine, theirs, base, next_base) != FieldMerge::take) return;
    change(who, label, mine, theirs);
    mine = theirs;
  }

  // The list of authors (by name) three-way, then each field of each author
  // the export and papers.yaml both have.
  void authors(Paper& mine, const std::string& who, const std::vector<Person>& theirs, const ImportedFields* base,
               ImportedFields& next) {
    if (theirs.empty()) return;
    std::vector<ImportedPerson> next_people = imported(theirs);
    const std::string base_names = base ? joined(person_keys(base->authors), "; ") : "";
    std::string next_names;
    const FieldMerge list = settle(mine, who, "authors", "authors", joined(person_keys(mine.authors), "; "),
                                   joined(person_keys(theirs), "; "), base ? &base_names : nullptr, next_names);
    if (list == FieldMerge::take) {
      std::vector<Person> merged;
      for (const auto& t : theirs) {
        const Person* kept = find_person(mine.authors, t.name);
        merged.push_back(kept ? *kept : t);
        if (!kept) merged.back().contact = false;  // who is the contact is merged as one field: contact()
      }
      change(who, "authors", names_text(mine.authors), names_text(theirs));
      mine.authors = std::move(merged);
    }
    const bool list_open = list == FieldMerge::conflict;
    for (std::size_t i = 0; i < theirs.size(); ++i) {
      Person* m = find_person(mine.authors, theirs[i].name);
      if (!m) continue;
      const ImportedPerson* b = base ? find_person(base->authors, theirs[i].name) : nullptr;
      person(mine, who, i, *m, theirs[i], b, next_people[i]);
    }
    if (list_open) {
      if (!base) next.authors.clear();  // nothing agreed yet: the next run still sees the conflict
      next.authors_known = true;
      return;
    }
    next.authors = std::move(next_people);
    next.authors_known = true;
  }

  // Which authors are the contact (ACM's rights form goes to them), as one
  // field of the paper: an export that marks none says nothing.
  void contact(Paper& mine, const std::string& who, const std::vector<Person>& theirs, const ImportedFields* base,
               ImportedFields& next) {
    const std::string their_text = contacts(theirs), mine_text = contacts(mine.authors);
    if (settle(mine, who, "contact", "contact author", mine_text, their_text, base ? &base->contact : nullptr,
               next.contact) != FieldMerge::take)
      return;
    for (auto& a : mine.authors) {
      const Person* t = find_person(theirs, a.name);
      a.contact = t && t->contact;
    }
    change(who, "contact author", mine_text, their_text);
  }

  void person(const Paper& paper, const std::string& who, std::size_t index, Person& mine, const Person& theirs,
              const ImportedPerson* base, ImportedPerson& next) {
    for (const auto& f : person_fields()) {
      std::string base_text;
      if (base)
        if (const auto it = base->fields.find(f.key); it != base->fields.end()) base_text = it->second;
      const std::string path = "authors." + std::to_string(index + 1) + "." + f.key;
      const std::string label = std::string(f.name) + " of " + theirs.name;
      const std::string before = f.text(mine);
      if (settle(paper, who, path, label, before, f.text(theirs), base ? &base_text : nullptr, next.fields[f.key]) !=
          FieldMerge::take)
        continue;
      f.copy(mine, theirs);
      change(who, label, before, f.text(theirs));
    }
  }

  const Resolutions& resolutions_;
  std::vector<std::string> used_;
  MergeResult out_;
};

nlohmann::json person_json(const ImportedPerson& p) {
  nlohmann::json j = {{"name", p.name}};
  for (const auto& [key, text] : p.fields) j[key] = text;
  return j;
}

ImportedPerson person_from_json(const nlohmann::json& j) {
  ImportedPerson p{j.at("name").get<std::string>(), {}};
  for (const auto& f : person_fields()) p.fields[f.key] = j.value(f.key, "");
  return p;
}

}  // namespace

std::string authors_text(const std::vector<Person>& authors) {
  std::string out;
  for (const auto& a : authors) {
    out += (out.empty() ? "" : "; ") + a.name;
    if (!a.affiliations.empty()) out += " (" + a.affiliation() + ")";
  }
  return out;
}

MergeResult merge_submissions(std::vector<Paper> papers, ImportState state, const std::vector<Submission>& found,
                              const std::vector<std::string>& decisions, const Resolutions& resolutions) {
  const std::vector<Paper> original = papers;
  Merger merger(std::move(papers), std::move(state), resolutions);
  for (const auto& s : found) {
    if (accepted(s, decisions)) merger.add(s);
    else merger.skip(s, original);
  }
  return merger.result();
}

ImportState parse_state(const std::string& json, const std::string& file) {
  ImportState state;
  try {
    const auto doc = nlohmann::json::parse(json);
    for (const auto& [key, v] : doc.at("papers").items()) {
      ImportedFields f;
      f.id = v.value("id", "");
      f.title = v.value("title", "");
      f.abstract = v.value("abstract", "");
      f.contact = v.value("contact", "");
      f.removed = v.value("removed", false);
      const auto authors = v.find("authors");
      f.authors_known = authors != v.end() && authors->is_array();
      if (f.authors_known)
        for (const auto& a : *authors) f.authors.push_back(person_from_json(a));
      state[key] = std::move(f);
    }
  } catch (const nlohmann::json::exception& e) {
    throw usage_error(file, std::string("is not the import state this tool writes: ") + e.what());
  }
  return state;
}

std::string state_json(const ImportState& state) {
  nlohmann::json doc;
  doc["about"] = "What `proceedings import` last took from the submission system, per submission; kept so that a "
                 "re-import can tell the system's changes from edits to papers.yaml. A field in conflict keeps the "
                 "older value until the chair resolves it; `removed` marks a paper the chair took out of papers.yaml.";
  doc["papers"] = nlohmann::json::object();
  for (const auto& [key, f] : state) {
    nlohmann::json paper = {{"id", f.id}, {"title", f.title}, {"abstract", f.abstract}, {"contact", f.contact}};
    if (f.authors_known) {
      paper["authors"] = nlohmann::json::array();
      for (const auto& a : f.authors) paper["authors"].push_back(person_json(a));
    }
    if (f.removed) paper["removed"] = true;
    doc["papers"][key] = std::move(paper);
  }
  return doc.dump(2) + "\n";
}

}  // namespace proceedings::import
