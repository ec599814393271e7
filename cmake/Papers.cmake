# Typesets the project's own papers with the real acmart class:
#   manuscripts: the bundled workshops' stand-in camera-ready papers
#   fixtures:    the checker's test papers, plus damaged and encrypted copies
set(TYPESET ${CMAKE_SOURCE_DIR}/scripts/typeset.sh)
set(DERIVE ${CMAKE_SOURCE_DIR}/scripts/derive-fixture.sh)
file(GLOB STANDIN_COMMON CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/manuscripts/common/*.tex ${CMAKE_SOURCE_DIR}/tests/fixtures/common/*.tex)

function(typeset_paper main out)
  get_filename_component(folder ${main} DIRECTORY)
  file(GLOB sources CONFIGURE_DEPENDS ${folder}/*.tex ${folder}/*.bib)
  add_custom_command(OUTPUT ${out}
    COMMAND ${TYPESET} ${main} ${out}
    DEPENDS ${sources} ${STANDIN_COMMON} ${TYPESET}
    COMMENT "Typesetting ${out}"
    VERBATIM)
endfunction()

# Bundled manuscripts: manuscripts/<workshop>/<paper id>/paper.tex -> build/manuscripts/<workshop>/<paper id>.pdf
file(GLOB MANUSCRIPT_MAINS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/manuscripts/*/*/paper.tex)
set(MANUSCRIPT_PDFS)
foreach(main ${MANUSCRIPT_MAINS})
  get_filename_component(paper_dir ${main} DIRECTORY)
  get_filename_component(paper_id ${paper_dir} NAME)
  get_filename_component(workshop_dir ${paper_dir} DIRECTORY)
  get_filename_component(workshop ${workshop_dir} NAME)
  if(workshop STREQUAL "common")
    continue()
  endif()
  set(out ${CMAKE_BINARY_DIR}/manuscripts/${workshop}/${paper_id}.pdf)
  typeset_paper(${main} ${out})
  list(APPEND MANUSCRIPT_PDFS ${out})
endforeach()
add_custom_target(manuscripts ALL DEPENDS ${MANUSCRIPT_PDFS})

# Fixtures: tests/fixtures/<name>.tex -> build/fixtures/<name>.pdf
set(FIXTURE_DIR ${CMAKE_BINARY_DIR}/fixtures)
file(GLOB FIXTURE_MAINS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fixtures/*.tex)
set(FIXTURE_PDFS)
foreach(main ${FIXTURE_MAINS})
  get_filename_component(name ${main} NAME_WE)
  typeset_paper(${main} ${FIXTURE_DIR}/${name}.pdf)
  list(APPEND FIXTURE_PDFS ${FIXTURE_DIR}/${name}.pdf)
endforeach()
foreach(kind encrypted locked truncated empty not-pdf)
  add_custom_command(OUTPUT ${FIXTURE_DIR}/${kind}.pdf
    COMMAND ${DERIVE} ${kind} ${FIXTURE_DIR}/body5.pdf ${FIXTURE_DIR}/${kind}.pdf
    DEPENDS ${FIXTURE_DIR}/body5.pdf ${DERIVE}
    VERBATIM)
  list(APPEND FIXTURE_PDFS ${FIXTURE_DIR}/${kind}.pdf)
endforeach()
add_custom_target(fixtures ALL DEPENDS ${FIXTURE_PDFS})
