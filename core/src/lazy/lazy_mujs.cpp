// MuJS, for MuPDF's PDF JavaScript, opened on first use (lazy_mupdf_optional.hpp).
#include <mujs.h>

#include "lazy/lazy_library.hpp"
#include "lazy/lazy_mupdf_optional.hpp"

namespace {

constexpr const char* what = "MuJS (libmujs.so.2, Debian package libmujs2)";

void* libmujs() {
  static void* const handle = proceedings::open_library({"libmujs.so.2"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libmujs, what, type, name, parameters, arguments)

extern "C" {

// js_throw does not return: it long-jumps to the innermost js_try.
void js_throw(js_State* J) {
  PROCEEDINGS_FORWARD(libmujs, what, js_throw);
  real(J);
  __builtin_unreachable();
}

FORWARD(void, js_construct, (js_State *J, int n), (J, n))
FORWARD(void, js_copy, (js_State *J, int idx), (J, idx))
FORWARD(void, js_defaccessor, (js_State *J, int idx, const char *name, int atts), (J, idx, name, atts))
FORWARD(void, js_defglobal, (js_State *J, const char *name, int atts), (J, name, atts))
FORWARD(void, js_defproperty, (js_State *J, int idx, const char *name, int atts), (J, idx, name, atts))
FORWARD(int, js_dostring, (js_State *J, const char *source), (J, source))
FORWARD(void, js_endtry, (js_State *J), (J))
FORWARD(void, js_freestate, (js_State *J), (J))
FORWARD(void *, js_getcontext, (js_State *J), (J))
FORWARD(void, js_getglobal, (js_State *J, const char *name), (J, name))
FORWARD(void, js_getindex, (js_State *J, int idx, int i), (J, idx, i))
FORWARD(int, js_getlength, (js_State *J, int idx), (J, idx))
FORWARD(void, js_getproperty, (js_State *J, int idx, const char *name), (J, idx, name))
FORWARD(void, js_getregistry, (js_State *J, const char *name), (J, name))
FORWARD(int, js_gettop, (js_State *J), (J))
FORWARD(int, js_hasproperty, (js_State *J, int idx, const char *name), (J, idx, name))
FORWARD(int, js_isarray, (js_State *J, int idx), (J, idx))
FORWARD(int, js_iscoercible, (js_State *J, int idx), (J, idx))
FORWARD(int, js_isdefined, (js_State *J, int idx), (J, idx))
FORWARD(int, js_isobject, (js_State *J, int idx), (J, idx))
FORWARD(void, js_newcfunction, (js_State *J, js_CFunction fun, const char *name, int length), (J, fun, name, length))
FORWARD(void, js_newerror, (js_State *J, const char *message), (J, message))
FORWARD(void, js_newobject, (js_State *J), (J))
FORWARD(js_State *, js_newstate, (js_Alloc alloc, void *actx, int flags), (alloc, actx, flags))
FORWARD(void, js_newuserdata, (js_State *J, const char *tag, void *data, js_Finalize finalize), (J, tag, data, finalize))
FORWARD(int, js_pcall, (js_State *J, int n), (J, n))
FORWARD(int, js_ploadstring, (js_State *J, const char *filename, const char *source), (J, filename, source))
FORWARD(void, js_pop, (js_State *J, int n), (J, n))
FORWARD(void, js_pushboolean, (js_State *J, int v), (J, v))
FORWARD(void, js_pushglobal, (js_State *J), (J))
FORWARD(void, js_pushnull, (js_State *J), (J))
FORWARD(void, js_pushnumber, (js_State *J, double v), (J, v))
FORWARD(void, js_pushstring, (js_State *J, const char *v), (J, v))
FORWARD(void, js_pushundefined, (js_State *J), (J))
FORWARD(void, js_replace, (js_State* J, int idx), (J, idx))
FORWARD(void *, js_savetry, (js_State *J), (J))
FORWARD(void, js_setcontext, (js_State *J, void *uctx), (J, uctx))
FORWARD(void, js_setproperty, (js_State *J, int idx, const char *name), (J, idx, name))
FORWARD(void, js_setregistry, (js_State *J, const char *name), (J, name))
FORWARD(int, js_toboolean, (js_State *J, int idx), (J, idx))
FORWARD(int, js_tointeger, (js_State *J, int idx), (J, idx))
FORWARD(double, js_tonumber, (js_State *J, int idx), (J, idx))
FORWARD(const char *, js_tostring, (js_State *J, int idx), (J, idx))
FORWARD(void *, js_touserdata, (js_State *J, int idx, const char *tag), (J, idx, tag))
FORWARD(int, js_tryboolean, (js_State *J, int idx, int error), (J, idx, error))
FORWARD(int, js_tryinteger, (js_State *J, int idx, int error), (J, idx, error))
FORWARD(double, js_trynumber, (js_State *J, int idx, double error), (J, idx, error))
FORWARD(const char *, js_tryrepr, (js_State *J, int idx, const char *error), (J, idx, error))
FORWARD(const char *, js_trystring, (js_State *J, int idx, const char *error), (J, idx, error))

}  // extern "C"
