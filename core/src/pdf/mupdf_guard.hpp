#pragma once
#include <mupdf/fitz.h>

#include <string>

#include "proceedings/error.hpp"

namespace proceedings::detail {

// Runs MuPDF calls under fz_try and turns a MuPDF error into an input Error.
// `call` must hold only MuPDF calls and plain values: a longjmp out of it
// would skip C++ destructors. (An fz_throw outside any fz_try ends the process.)
template <typename Call>
void guarded(fz_context* ctx, const std::string& file, const std::string& doing, Call call) {
  const char* volatile failure = nullptr;  // volatile: set between setjmp and longjmp
  fz_try(ctx) { call(); }
  fz_catch(ctx) { failure = fz_caught_message(ctx); }
  if (failure) throw input_error(file, doing + ": " + failure);
}

}  // namespace proceedings::detail
