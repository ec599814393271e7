# Layers: a tool folder (tools/X) sees core/include and its own files only.
# Its sources include "X/file.hpp" through an include root that holds X alone
# (build/tool-include/X/X -> tools/X), so `#include "Y/file.hpp"` from another
# tool does not compile. Tools reach each other only through core's jobs.hpp.
# The CLI (tools/cli), the unit tests, benchmarks and fuzzers see every tool.
set(PROCEEDINGS_TOOLS arxiv book booklet check export fetch import meta notify report)

function(proceedings_tool_roots)
  foreach(tool IN LISTS PROCEEDINGS_TOOLS)
    set(root ${CMAKE_BINARY_DIR}/tool-include/${tool})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/tools/${tool} ${root}/${tool} SYMBOLIC)
    file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/${tool}/*.cpp)
    set_source_files_properties(${sources} DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTIES INCLUDE_DIRECTORIES ${root})
  endforeach()
endfunction()
