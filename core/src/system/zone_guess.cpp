// Which IANA zone a page means when it names only an abbreviation or a
// place: the guesses an event page needs, kept beside the zones themselves.
#include <cctype>
#include <map>
#include <utility>
#include <vector>

#include "proceedings/regex.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings {

std::string zone_for_abbreviation(const std::string& abbreviation) {
  static const std::map<std::string, std::string> zones{
      {"EST", "America/New_York"}, {"EDT", "America/New_York"}, {"ET", "America/New_York"},
      {"CST", "America/Chicago"},  {"CDT", "America/Chicago"},  {"CT", "America/Chicago"},
      {"MST", "America/Denver"},   {"MDT", "America/Denver"},   {"MT", "America/Denver"},
      {"PST", "America/Los_Angeles"}, {"PDT", "America/Los_Angeles"}, {"PT", "America/Los_Angeles"},
      {"AKST", "America/Anchorage"}, {"AKDT", "America/Anchorage"}, {"HST", "Pacific/Honolulu"},
      {"UTC", "UTC"}, {"GMT", "UTC"}, {"AOE", "Etc/GMT+12"}, {"CET", "Europe/Paris"}, {"CEST", "Europe/Paris"},
      {"BST", "Europe/London"}, {"WET", "Europe/Lisbon"}, {"WEST", "Europe/Lisbon"}, {"EET", "Europe/Athens"},
      {"EEST", "Europe/Athens"}, {"JST", "Asia/Tokyo"}, {"KST", "Asia/Seoul"}, {"IST", "Asia/Kolkata"},
      {"SGT", "Asia/Singapore"}, {"HKT", "Asia/Hong_Kong"}, {"AEST", "Australia/Sydney"}, {"AEDT", "Australia/Sydney"}};
  std::string key;
  for (char c : abbreviation) key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto it = zones.find(key);
  return it == zones.end() ? "" : it->second;
}

std::string zone_for_place(const std::string& text) {
  static const std::pair<const char*, const char*> patterns[] = {
      {R"(\b(Missouri|Texas|Illinois|Minnesota|Wisconsin|Iowa|Louisiana|Oklahoma|Kansas|Nebraska|Arkansas|Alabama|Mississippi|Tennessee|St\.? ?Louis|St-Louis|Dallas|Houston|Austin|Chicago|New Orleans|Denver|Kansas City|Minneapolis|Nashville)\b)",
       "America/Chicago"},
      {R"(\b(Colorado|Utah|New Mexico|Montana|Wyoming|Idaho|Salt Lake City|Albuquerque)\b)", "America/Denver"},
      {R"(\b(Arizona|Phoenix)\b)", "America/Phoenix"},
      {R"(\b(California|Washington State|Oregon|Nevada|Seattle|San Francisco|Los Angeles|San Diego|Portland|Las Vegas|San Jose)\b)",
       "America/Los_Angeles"},
      {R"(\b(New York|Massachusetts|Pennsylvania|Georgia|Florida|Virginia|Maryland|North Carolina|South Carolina|Ohio|Michigan|New Jersey|Connecticut|Atlanta|Boston|Philadelphia|Orlando|Miami|Pittsburgh|Washington,? D\.?C\.?|Denver)\b)",
       "America/New_York"},
      {R"(\bHawaii|Honolulu\b)", "Pacific/Honolulu"},
      {R"(\b(Germany|Hamburg|Berlin|Munich|France|Paris|Spain|Barcelona|Madrid|Italy|Netherlands|Amsterdam|Switzerland|Austria|Vienna|Belgium|Sweden|Norway|Denmark|Poland)\b)",
       "Europe/Paris"},
      {R"(\b(United Kingdom|UK|England|London|Edinburgh|Scotland)\b)", "Europe/London"},
      {R"(\b(Japan|Tokyo|Kobe|Osaka)\b)", "Asia/Tokyo"},
      {R"(\b(Singapore)\b)", "Asia/Singapore"},
  };
  static const std::vector<std::pair<Regex, const char*>> places = [] {
    std::vector<std::pair<Regex, const char*>> out;
    for (const auto& [pattern, zone] : patterns) out.emplace_back(Regex(pattern), zone);
    return out;
  }();
  for (const auto& [pattern, zone] : places)
    if (pattern.contains(text)) return zone;
  return "";
}

}  // namespace proceedings
