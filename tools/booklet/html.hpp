#pragma once
// One self-contained program page for the workshop website, filled from
// templates/booklet/{program,session,talk}.html and style.css.
#include <filesystem>
#include <string>

#include "proceedings/model.hpp"

namespace proceedings::booklet {

std::string program_html(const Workshop& w, const std::filesystem::path& templates);

std::string html_escape(const std::string& text);

}  // namespace proceedings::booklet
