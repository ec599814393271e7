# Layers: a tool folder (tools/X) sees core/include and its own files only.
# Its sources include "X/file.hpp" through an include root that holds X alone
# (build/tool-include/X/X -> tools/X), so `#include "Y/file.hpp"` from another
# tool does not compile. What two commands share lives in the library
# (core/include/proceedings, e.g. proceedings/check.hpp for build's gate).
# The CLI (tools/cli), the unit tests, benchmarks and fuzzers see every tool.
set(PROCEEDINGS_TOOLS arxiv booklet build check collect export fetch import init meta notify report status)

# The include root of tools/<tool>, set on each of its sources.
function(proceedings_tool_root tool)
  set(root ${CMAKE_BINARY_DIR}/tool-include/${tool})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_SOURCE_DIR}/tools/${tool} ${root}/${tool} SYMBOLIC)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/${tool}/*.cpp)
  set_source_files_properties(${sources} DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTIES INCLUDE_DIRECTORIES ${root})
endfunction()

# One static library per command, tool_<cmd>, from every .cpp in tools/<cmd>;
# PROCEEDINGS_TOOL_TARGETS lists them. A new command is a folder and a name
# in PROCEEDINGS_TOOLS (and a row in tools/cli/main.cpp's command table).
function(proceedings_add_tools)
  set(targets)
  foreach(tool IN LISTS ARGN)
    proceedings_tool_root(${tool})
    file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/${tool}/*.cpp)
    add_library(tool_${tool} STATIC ${sources})
    # GMime's headers only (notify's MIME): it is opened on first use (core/src/lazy).
    target_include_directories(tool_${tool} PRIVATE ${GMIME_INCLUDE_DIRS})
    target_link_libraries(tool_${tool} PUBLIC proceedings_check proceedings_net qpdf_static)
    list(APPEND targets tool_${tool})
  endforeach()
  set(PROCEEDINGS_TOOL_TARGETS ${targets} PARENT_SCOPE)
endfunction()
