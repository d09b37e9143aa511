# Runs `FTCOST ARGS... --format html` (ARGS '|'-separated) into OUT and checks the page with XMLLINT:
# - as XML: it must parse with no message at all (well-formed, namespaces included);
# - as HTML, with libxml2's HTML parser: exit 0, and every message must be libxml2 2.9's
#   "Tag X invalid" for an HTML5 or SVG element its HTML 4 tables do not list (the page is
#   polyglot HTML5); anything else (a mismatched or unclosed tag, bad encoding) fails.
# Exit codes 4 (no fit) and 5 (over budget) still print the report.
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${FTCOST} ${ARGS} --format html
  OUTPUT_FILE "${OUT}" ERROR_VARIABLE stderr RESULT_VARIABLE status)
if(NOT status MATCHES "^(0|4|5)$")
  message(FATAL_ERROR "ftcost ${ARGS} --format html exited ${status}: ${stderr}")
endif()
file(SIZE "${OUT}" size)
if(size EQUAL 0)
  message(FATAL_ERROR "ftcost ${ARGS} --format html printed nothing")
endif()

execute_process(COMMAND ${XMLLINT} --noout "${OUT}" RESULT_VARIABLE status ERROR_VARIABLE messages)
if(status OR NOT messages STREQUAL "")
  message(FATAL_ERROR "${OUT} is not well-formed XML (xmllint exit ${status}):\n${messages}")
endif()

execute_process(COMMAND ${XMLLINT} --html --noout "${OUT}" RESULT_VARIABLE status
  ERROR_VARIABLE messages)
if(status)
  message(FATAL_ERROR "xmllint --html refused ${OUT} (exit ${status}):\n${messages}")
endif()
set(html5_and_svg "main|header|footer|section|figure|figcaption|details|summary|svg|g|defs|marker|path|circle|rect|line|text")
string(REGEX MATCHALL "error : [^\n]*" errors "${messages}")
foreach(error IN LISTS errors)
  if(NOT error MATCHES "^error : Tag (${html5_and_svg}) invalid$")
    message(FATAL_ERROR "xmllint --html on ${OUT}: ${error}\n${messages}")
  endif()
endforeach()
string(REGEX MATCHALL "(warning|error) : " all "${messages}")
list(LENGTH all found)
list(LENGTH errors expected)
if(NOT found EQUAL expected)
  message(FATAL_ERROR "xmllint --html on ${OUT} warns:\n${messages}")
endif()
