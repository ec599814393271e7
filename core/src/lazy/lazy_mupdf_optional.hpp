#pragma once
// The libraries MuPDF calls only for some inputs, opened on first use:
// MuJS (a PDF's JavaScript, run only when a program enables it; none here
// does), Gumbo (HTML documents), OpenJPEG (JPX images) and jbig2dec (JBIG2
// images), the last two only when a page is drawn. Linked, each is mapped
// and relocated at every start of every command, though `check` reads text
// and fonts and never decodes an image. Their loaders (lazy_mujs.cpp,
// lazy_gumbo.cpp, lazy_openjp2.cpp, lazy_jbig2dec.cpp) define the functions
// libmupdf.a and libmupdf-third.a call; a MuPDF that calls another one fails
// to link until it has its line. See lazy_library.hpp.
