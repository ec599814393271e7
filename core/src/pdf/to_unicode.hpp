#pragma once
// A font's ToUnicode CMap (PDF 32000-1:2008, 9.10.3), read without MuPDF:
// MuPDF 1.21 keeps range targets in 16 bits, so a ToUnicode entry
// <D835DF06> (U+1D706, mathematical italic lambda, as LuaTeX writes it)
// comes back as U+D706, a Hangul syllable.
#include <string>
#include <string_view>
#include <unordered_map>

namespace proceedings::detail {

// Character code -> UTF-8 text. Malformed parts are skipped; the map is
// capped so that a hostile range cannot take unbounded memory.
using ToUnicodeMap = std::unordered_map<unsigned, std::string>;

ToUnicodeMap parse_to_unicode(std::string_view cmap);

}  // namespace proceedings::detail
