#include "init/preset.hpp"

#include "proceedings/error.hpp"

namespace proceedings::init {

namespace {

// ACM's sigconf rules of the SC Workshops volume: 5 to 6 pages of body text,
// the references not counted, US letter, two columns.
SubmissionRules sigconf_rules() {
  SubmissionRules r;
  r.template_name = "acmart-sigconf";
  r.paper = "letter";
  r.columns = 2;
  r.min_pages = 5;
  r.max_pages = 6;
  r.bibliography_excluded = true;
  return r;
}

// The SC Workshops volume at ACM, as its papers print it ("SC Workshops '25",
// "Proceedings of the SC '25 Workshops of the International Conference ...").
void sc_workshop(NewVenue& v, const std::string& acm_dates, const std::string& acm_location) {
  Workshop& w = v.workshop;
  const int year = std::stoi(w.date.substr(0, 4));
  const std::string yy = std::to_string(year % 100 + 100).substr(1);
  if (w.host.empty()) w.host = "SC" + yy;
  if (w.publication.empty()) w.publication = "SC Workshops Proceedings";
  const std::string conference =
      "Workshops of the International Conference for High Performance Computing, Networking, Storage and Analysis";
  AcmRecord a;
  a.proceedings_title = "Proceedings of the SC '" + yy +
                        " Workshops of the International Conference for High Performance Computing, Networking, "
                        "Storage and Analysis";
  a.conference = conference;
  a.short_name = "SC Workshops '" + yy;
  a.dates = acm_dates;
  a.location = acm_location;
  a.year = year;
  a.month = std::stoi(w.date.substr(5, 2));
  w.acm = a;
  v.acm_complete = !acm_dates.empty() && !acm_location.empty();
  const Review review = v.submission ? v.submission->review : Review::single_blind;
  v.submission = sigconf_rules();
  v.submission->review = review;
  v.camera_ready = sigconf_rules();
}

}  // namespace

const char* preset_names() { return "sc-workshop"; }

void apply_preset(NewVenue& venue, const std::string& preset, const std::string& acm_dates,
                  const std::string& acm_location) {
  if (preset == "sc-workshop") return sc_workshop(venue, acm_dates, acm_location);
  throw usage_error("--preset", "'" + preset + "' is not a preset init knows (" + preset_names() + ")");
}

}  // namespace proceedings::init
