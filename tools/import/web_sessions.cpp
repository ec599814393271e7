#include "import/web_sessions.hpp"

#include <algorithm>

#include "import/web_text.hpp"
#include "proceedings/names.hpp"  // url_slug
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import::web {

namespace {

bool title_is(const Entry& e, const char* pattern) { return matches(e.title, pattern) || matches(e.label, pattern); }

}  // namespace

// The session kind of an entry that stands alone.
std::string kind_of(const Entry& e) {
  if (!e.label.empty()) return matches(e.label, "panel") ? "discussion" : "talks";
  if (std::count(e.title.begin(), e.title.end(), ' ') >= 6) return "";  // a talk's title, not "Coffee Break"
  if (title_is(e, R"(\b(break|coffee|lunch|tea|reception|dinner|breakfast|registration|poster\s+session)\b)") && e.speakers.empty())
    return "break";
  if (title_is(e, R"(^(welcome|opening|introduction|intro\b))")) return "opening";
  if (title_is(e, R"(^(closing|concluding|wrap[- ]?up|farewell|adjourn|final remarks))")) return "closing";
  if (title_is(e, R"(\b(discussion|panel|q\s*&\s*a|town hall|birds of a feather|breakout|open mic)\b)")) return "discussion";
  return "";  // a talk
}

namespace {

std::string talk_kind(const Entry& e, bool in_paper_session) {
  if (matches(e.label, "keynote|featured|plenary|distinguished")) return "keynote";
  if (matches(e.label, "invited")) return "invited";
  if (matches(e.label, "panel")) return "discussion";
  if (matches(e.label, "paper")) return "paper";
  const std::string k = kind_of(e);
  if (k == "opening" || k == "closing") return "remarks";
  if (k == "discussion") return "discussion";
  if (in_paper_session || e.speakers.size() >= 2 || !e.chairs.empty()) return "paper";
  return "talk";
}

bool is_paper_entry(const Entry& e) { return kind_of(e).empty() && talk_kind(e, false) == "paper"; }

Talk talk_of(const Entry& e, const std::string& kind, bool timed) {
  Talk t;
  t.title = e.title;
  t.kind = kind;
  t.speakers = e.speakers;
  t.slug = e.slug;
  t.abstract = e.abstract;
  if (timed && !e.untimed) t.start = e.start, t.end = e.end;
  return t;
}

class SessionBuilder {
 public:
  explicit SessionBuilder(std::vector<std::string>& notes) : notes_(notes) {}

  std::vector<Session> build(const std::vector<Entry>& entries) {
    for (std::size_t i = 0; i < entries.size();) i = add(entries, i);
    return std::move(sessions_);
  }

 private:
  std::size_t add(const std::vector<Entry>& entries, std::size_t i) {
    const Entry& e = entries[i];
    if (e.header) return add_header(entries, i);
    if (is_paper_entry(e)) return add_papers(entries, i);
    Session s = base(e);
    s.kind = kind_of(e).empty() ? "talks" : kind_of(e);
    s.title = !e.label.empty() ? e.label : e.title;
    s.chairs = e.chairs;
    if (s.kind == "talks" || !e.speakers.empty() || !e.slug.empty())
      s.talks.push_back(talk_of(e, talk_kind(e, false), false));
    if (s.kind == "discussion" && s.talks.empty() && !e.speakers.empty()) s.talks.push_back(talk_of(e, "discussion", false));
    push(std::move(s), e);
    return i + 1;
  }

  // Consecutive paper talks with the same chairs: one paper session.
  std::size_t add_papers(const std::vector<Entry>& entries, std::size_t i) {
    Session s = base(entries[i]);
    s.kind = "papers";
    s.title = "Paper Session " + std::to_string(++paper_sessions_);
    s.chairs = entries[i].chairs;
    std::size_t j = i;
    for (; j < entries.size() && is_paper_entry(entries[j]) && entries[j].chairs == s.chairs && entries[j].day == entries[i].day;
         ++j) {
      s.talks.push_back(talk_of(entries[j], "paper", true));
      s.end = entries[j].end;
    }
    push(std::move(s), entries[i]);
    return j;
  }

  // A session heading ("Session 2: Systems"), and the timed talks inside its span.
  std::size_t add_header(const std::vector<Entry>& entries, std::size_t i) {
    const Entry& h = entries[i];
    note_unread(h);
    Session s = base(h);
    s.title = h.title;
    s.chairs = h.chairs;
    std::size_t j = i + 1;
    bool papers = true;
    for (; j < entries.size() && !entries[j].header && entries[j].day == h.day; ++j) {
      const Entry& t = entries[j];
      if (h.end && t.start.minutes >= h.end->minutes) break;
      if (!kind_of(t).empty() && kind_of(t) != "discussion") break;
      const std::string kind = talk_kind(t, matches(h.title, "paper"));
      papers = papers && kind == "paper";
      s.talks.push_back(talk_of(t, kind, true));
      if (!h.end) s.end = t.end;
      if (s.chairs.empty()) s.chairs = t.chairs;
    }
    s.kind = papers && !s.talks.empty() ? "papers" : "talks";
    if (s.kind == "papers") ++paper_sessions_;
    push(std::move(s), h);
    return j;
  }

  static Session base(const Entry& e) {
    Session s;
    s.start = e.start;
    s.end = e.end;
    return s;
  }

  void push(Session s, const Entry& first) {
    s.id = unique(id_base(s, first));
    sessions_.push_back(std::move(s));
  }

  std::string id_base(const Session& s, const Entry& e) {
    if (s.kind == "break") {
      if (matches(s.title, "lunch")) return "lunch";
      if (matches(s.title, "morning")) return "break-am";
      if (matches(s.title, "afternoon")) return "break-pm";
      return "break";
    }
    if (s.kind == "papers") return "papers-" + std::to_string(paper_sessions_);
    if (s.kind == "closing") return "closing";
    if (s.kind == "discussion") return matches(s.title, "panel") ? "panel" : "discussion";
    if (s.kind == "opening") return first_word(s.title);
    Match m;
    static const Regex numbered(R"(^session\s+(\w+))", Regex::icase);
    if (regex_search(s.title, m, numbered)) return "session-" + url_slug(m[1]);
    const std::string k = s.talks.empty() ? "" : s.talks.front().kind;
    if (k == "invited") return "invited-" + std::to_string(++invited_);
    if (k == "keynote") return matches(e.label, "featured") ? "featured" : "keynote";
    return url_slug(s.title).substr(0, 40);
  }

  static std::string first_word(const std::string& title) {
    const std::string slug = url_slug(title);
    return slug.substr(0, slug.find('-'));
  }

  std::string unique(std::string id) {
    if (id.empty()) id = "session";
    std::string candidate = id;
    for (int n = 2; std::any_of(sessions_.begin(), sessions_.end(), [&](const Session& s) { return s.id == candidate; }); ++n)
      candidate = id + "-" + std::to_string(n);
    return candidate;
  }

  // A session heading holds no talk of its own: what the page wrote under it
  // that was read as one (speakers, text) is said, not dropped quietly.
  void note_unread(const Entry& h) {
    std::vector<std::string> parts;
    for (const auto& p : h.speakers) parts.push_back(p.name);
    if (!h.abstract.empty()) {
      std::size_t cut = std::min<std::size_t>(h.abstract.size(), 77);
      while (cut < h.abstract.size() && cut > 0 && (static_cast<unsigned char>(h.abstract[cut]) & 0xC0) == 0x80) --cut;
      parts.push_back(h.abstract.substr(0, cut) + (cut < h.abstract.size() ? "..." : ""));
    }
    std::string text;
    for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
    if (!text.empty()) notes_.push_back("not read, under session '" + h.title + "': '" + text + "'");
  }

  std::vector<std::string>& notes_;
  std::vector<Session> sessions_;
  int paper_sessions_ = 0;
  int invited_ = 0;
};

}  // namespace

std::vector<Session> build_sessions(const std::vector<Entry>& entries, std::vector<std::string>& notes) {
  return SessionBuilder(notes).build(entries);
}

}  // namespace proceedings::import::web
