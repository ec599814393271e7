# Typesets the project's own papers with the real acmart class:
#   manuscripts: the bundled workshops' stand-in camera-ready papers
#   fixtures:    the checker's test papers, plus damaged and encrypted copies
# None is part of ALL: typesetting about 100 papers is the tests' cost, not the
# tools'. `make demo` builds demo-papers (what it runs the tools on), `make test`
# builds test-papers (every paper a test reads).
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
add_custom_target(manuscripts DEPENDS ${MANUSCRIPT_PDFS})

# Fixtures: tests/fixtures/<name>.tex -> build/fixtures/<name>.pdf
set(FIXTURE_DIR ${CMAKE_BINARY_DIR}/fixtures)
file(GLOB FIXTURE_MAINS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fixtures/*.tex)
# The four `make demo` shows check's findings on; demo-fixtures owns their rules
# (a Makefile generator runs a rule once per target that lists its output).
set(DEMO_FIXTURES geometry overfull-lines body7)
set(FIXTURE_PDFS)
set(DEMO_FIXTURE_PDFS)
foreach(main ${FIXTURE_MAINS})
  get_filename_component(name ${main} NAME_WE)
  typeset_paper(${main} ${FIXTURE_DIR}/${name}.pdf)
  if(name IN_LIST DEMO_FIXTURES)
    list(APPEND DEMO_FIXTURE_PDFS ${FIXTURE_DIR}/${name}.pdf)
  else()
    list(APPEND FIXTURE_PDFS ${FIXTURE_DIR}/${name}.pdf)
  endif()
endforeach()
foreach(kind encrypted locked truncated empty not-pdf)
  add_custom_command(OUTPUT ${FIXTURE_DIR}/${kind}.pdf
    COMMAND ${DERIVE} ${kind} ${FIXTURE_DIR}/body5.pdf ${FIXTURE_DIR}/${kind}.pdf
    DEPENDS ${FIXTURE_DIR}/body5.pdf ${DERIVE}
    VERBATIM)
  list(APPEND FIXTURE_PDFS ${FIXTURE_DIR}/${kind}.pdf)
endforeach()
# Papers in ACM's Word interim layout, made by LibreOffice (no LaTeX): one
# that passes ExHetAI'25's rules, one too long, one with wider margins, one
# in a single column (ACM's Word submission layout, not the Interim Layout),
# one with the columns further apart.
set(WORD_VARIANTS pass long margins one-column gutter)
set(WORD_PDFS)
foreach(variant ${WORD_VARIANTS})
  list(APPEND WORD_PDFS ${FIXTURE_DIR}/word-interim-${variant}.pdf)
endforeach()
add_custom_command(OUTPUT ${WORD_PDFS}
  COMMAND ${CMAKE_SOURCE_DIR}/scripts/word-fixture.sh ${FIXTURE_DIR} ${WORD_VARIANTS}
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/word-fixture.sh ${CMAKE_SOURCE_DIR}/scripts/make-word-interim.py
  COMMENT "Converting the Word interim-layout fixtures with LibreOffice"
  VERBATIM)
# word-interim-margins.pdf is a demo fixture; LibreOffice makes the five at once.
list(APPEND DEMO_FIXTURE_PDFS ${WORD_PDFS})
# Papers that bend the template as real authors do (issue 28):
# tests/fixtures/real-like/<name>/paper.tex -> build/fixtures/real-like/<name>.pdf
file(GLOB REAL_LIKE_MAINS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fixtures/real-like/*/paper.tex)
foreach(main ${REAL_LIKE_MAINS})
  get_filename_component(dir ${main} DIRECTORY)
  get_filename_component(name ${dir} NAME)
  typeset_paper(${main} ${FIXTURE_DIR}/real-like/${name}.pdf)
  list(APPEND FIXTURE_PDFS ${FIXTURE_DIR}/real-like/${name}.pdf)
endforeach()
add_custom_target(demo-fixtures DEPENDS ${DEMO_FIXTURE_PDFS})
add_custom_target(fixtures DEPENDS ${FIXTURE_PDFS})
add_dependencies(fixtures demo-fixtures)

# Metadata fixtures: tests/fixtures/meta/<name>/paper.tex -> build/fixtures/meta/<name>.pdf,
# plus the hetflow source packed as authors upload it.
file(GLOB META_MAINS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fixtures/meta/*/paper.tex)
set(META_PDFS)
foreach(main ${META_MAINS})
  get_filename_component(dir ${main} DIRECTORY)
  get_filename_component(name ${dir} NAME)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.tex)
  add_custom_command(OUTPUT ${FIXTURE_DIR}/meta/${name}.pdf
    COMMAND ${TYPESET} ${main} ${FIXTURE_DIR}/meta/${name}.pdf
    DEPENDS ${sources} ${STANDIN_COMMON} ${TYPESET}
    COMMENT "Typesetting fixtures/meta/${name}.pdf"
    VERBATIM)
  list(APPEND META_PDFS ${FIXTURE_DIR}/meta/${name}.pdf)
endforeach()
set(HETFLOW_DIR ${CMAKE_SOURCE_DIR}/tests/fixtures/meta/hetflow)
file(GLOB_RECURSE HETFLOW_SOURCES CONFIGURE_DEPENDS ${HETFLOW_DIR}/*)
add_custom_command(OUTPUT ${FIXTURE_DIR}/meta/hetflow.zip ${FIXTURE_DIR}/meta/hetflow.tar.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${FIXTURE_DIR}/meta
  COMMAND ${CMAKE_COMMAND} -E tar cf ${FIXTURE_DIR}/meta/hetflow.zip --format=zip paper.tex sections
  COMMAND ${CMAKE_COMMAND} -E tar czf ${FIXTURE_DIR}/meta/hetflow.tar.gz paper.tex sections
  WORKING_DIRECTORY ${HETFLOW_DIR}
  DEPENDS ${HETFLOW_SOURCES}
  VERBATIM)
add_custom_target(meta-fixtures DEPENDS ${META_PDFS} ${FIXTURE_DIR}/meta/hetflow.zip)

# The metadata corpus: acmart papers in every format and author layout, written
# with their truth by scripts/make-meta-corpus.py at configure time:
# build/meta-corpus/src/<name>/{paper.tex,truth.json} -> build/meta-corpus/<name>.pdf
set(META_CORPUS_SCRIPT ${CMAKE_SOURCE_DIR}/scripts/make-meta-corpus.py)
set(META_CORPUS_DIR ${CMAKE_BINARY_DIR}/meta-corpus)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${META_CORPUS_SCRIPT})
execute_process(COMMAND python3 ${META_CORPUS_SCRIPT} ${META_CORPUS_DIR}/src RESULT_VARIABLE corpus_status)
if(NOT corpus_status EQUAL 0)
  message(FATAL_ERROR "scripts/make-meta-corpus.py failed")
endif()
file(GLOB CORPUS_MAINS ${META_CORPUS_DIR}/src/*/paper.tex)
set(CORPUS_PDFS)
foreach(main ${CORPUS_MAINS})
  get_filename_component(dir ${main} DIRECTORY)
  get_filename_component(name ${dir} NAME)
  add_custom_command(OUTPUT ${META_CORPUS_DIR}/${name}.pdf
    COMMAND ${TYPESET} ${main} ${META_CORPUS_DIR}/${name}.pdf
    DEPENDS ${main} ${TYPESET}
    COMMENT "Typesetting meta-corpus/${name}.pdf"
    VERBATIM)
  list(APPEND CORPUS_PDFS ${META_CORPUS_DIR}/${name}.pdf)
endforeach()
add_custom_target(meta-corpus DEPENDS ${CORPUS_PDFS})

add_custom_target(demo-papers)
add_dependencies(demo-papers manuscripts demo-fixtures)
add_custom_target(test-papers)
add_dependencies(test-papers manuscripts fixtures meta-fixtures meta-corpus)
