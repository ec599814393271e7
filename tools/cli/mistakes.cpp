#include "cli/mistakes.hpp"

#include <filesystem>

#include "cli/generated.hpp"
#include "proceedings/suggest.hpp"

namespace proceedings::cli {

namespace {

const CLI::App* subcommand_named(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

const CLI::Option* option_named(const std::vector<const CLI::App*>& chain, const std::string& name) {
  for (const CLI::App* app : chain)
    for (const CLI::Option* o : app->get_options())
      if (o->nonpositional() && o->check_name(name)) return o;
  return nullptr;
}

std::vector<std::string> option_names(const std::vector<const CLI::App*>& chain) {
  std::vector<std::string> out;
  for (const CLI::App* app : chain)
    for (const CLI::Option* o : app->get_options()) {
      for (const auto& l : o->get_lnames()) out.push_back("--" + l);
      for (const auto& s : o->get_snames()) out.push_back("-" + s);
    }
  out.push_back("--version");
  return out;
}

std::string command_line(const std::vector<const CLI::App*>& chain) {
  std::string out = "proceedings";
  for (std::size_t i = 1; i < chain.size(); ++i) out += " " + chain[i]->get_name();
  return out;
}

// `word` where a subcommand of the chain's last command may stand ("export acm-cvs"), close to one
// of them and not a file it could also be: the subcommand it most likely misspells.
std::optional<std::string> unknown_subcommand_of(const std::vector<const CLI::App*>& chain, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : visible_subcommands(*chain.back())) names.push_back(sub->get_name());
  if (chain.size() < 2 || names.empty() || std::filesystem::exists(word)) return std::nullopt;
  const std::string suggestion = did_you_mean(word, names);
  if (suggestion.empty()) return std::nullopt;
  return "unknown subcommand '" + word + "' of `" + command_line(chain) + "`" + suggestion + " (" + command_line(chain) +
         " --help lists them)";
}

}  // namespace

std::optional<std::string> unknown_subcommand(const CLI::App& app, const std::string& given) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == given) return std::nullopt;  // a hidden one (man) too
  if (given == "help") return std::nullopt;
  std::vector<std::string> names;
  for (const CLI::App* sub : visible_subcommands(app)) names.push_back(sub->get_name());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  const std::string suggestion = did_you_mean(given, names);
  return "unknown subcommand '" + given + "'" + (suggestion.empty() ? "; the" : suggestion + " The") + " subcommands are " +
         list + " (proceedings --help says what each does)";
}

std::optional<std::string> unknown_option(const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<const CLI::App*> chain{&app};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") break;
    if (word.size() < 2 || word[0] != '-') {
      if (const CLI::App* sub = subcommand_named(*chain.back(), word)) chain.push_back(sub);
      else if (const auto unknown = unknown_subcommand_of(chain, word)) return unknown;
      continue;
    }
    const std::string name = word.substr(0, word.find('='));
    if (name.size() > 2 && name[1] != '-') continue;  // -j4: a short option with its value
    if (const CLI::Option* o = option_named(chain, name)) {
      if (o->get_items_expected_max() > 0 && name == word) ++i;  // its value
      continue;
    }
    return "unknown option '" + name + "' for `" + command_line(chain) + "`" + did_you_mean(name, option_names(chain)) +
           " (" + command_line(chain) + " --help lists them)";
  }
  return std::nullopt;
}

std::vector<std::string> help_as_option(std::vector<std::string> args) {
  if (args.empty() || args.front() != "help") return args;
  args.erase(args.begin());
  args.push_back("--help");
  return args;
}

}  // namespace proceedings::cli
