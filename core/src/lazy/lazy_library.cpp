#include "lazy/lazy_library.hpp"

#include <dlfcn.h>

#include <string>

#include "proceedings/error.hpp"

namespace proceedings {

void* open_library(std::initializer_list<const char*> sonames, const char* what) {
  std::string reason;
  for (const char* soname : sonames) {
    if (void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL)) return handle;
    reason = dlerror();
  }
  throw Error(Exit::external, what, "cannot be loaded: " + reason);
}

void* library_symbol(void* library, const char* what, const char* name) {
  void* symbol = dlsym(library, name);
  if (!symbol) throw Error(Exit::external, what, std::string("has no function ") + name);
  return symbol;
}

}  // namespace proceedings
