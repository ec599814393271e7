#pragma once
// Shared libraries opened on first use instead of at start-up. A library
// linked the usual way is mapped, relocated and initialised by every run of
// every command, even `--version`; libcurl, GnuTLS, libxml2 (with ICU) and
// libarchive (with its compressors) cost more at start than all of MuPDF.
// Their loader files define the functions the project calls, with the
// libraries' own names and signatures, and forward to the library opened with
// dlopen. The executable does not export these definitions, so a library's
// calls to itself stay inside the library.
#include <initializer_list>

namespace proceedings {

// The first of `sonames` that dlopen loads; throws Error(external) naming
// `what` (the library and its Debian package) when none does.
void* open_library(std::initializer_list<const char*> sonames, const char* what);

// The address of `name` in `library`; throws Error(external) when it is missing.
void* library_symbol(void* library, const char* what, const char* name);

}  // namespace proceedings

// Inside a forwarding definition: `real` is the library's own function, with
// the declaration the library's header gives it, looked up once.
#define PROCEEDINGS_FORWARD(library, what, name) \
  static const auto real = reinterpret_cast<decltype(&::name)>(proceedings::library_symbol(library(), what, #name))

// A whole forwarding definition: return type, name, parameter list, argument list.
#define PROCEEDINGS_FORWARD_FUNCTION(library, what, type, name, parameters, arguments) \
  type name parameters {                                                              \
    PROCEEDINGS_FORWARD(library, what, name);                                         \
    return real arguments;                                                            \
  }
