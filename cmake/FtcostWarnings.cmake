# Warning flags as an INTERFACE target; -Werror is switched on by FTCOST_WARNINGS_AS_ERRORS (the ci preset).
add_library(ftcost_warnings INTERFACE)
target_compile_options(ftcost_warnings INTERFACE
  -Wall -Wextra -Wpedantic          # the usual baseline
  -Wshadow                          # a local hiding a member is a classic unit mix-up
  -Wconversion -Wsign-conversion    # byte counts are int64; silent narrowing would corrupt sizes
  -Wold-style-cast -Wcast-align
  -Wnon-virtual-dtor -Woverloaded-virtual
  -Wdouble-promotion                # every model number is double; float promotion hides precision bugs
  -Wformat=2 -Wimplicit-fallthrough
  -Wmissing-declarations            # free functions must be declared in a header or be in an anonymous namespace
  -Wmisleading-indentation
  -Wduplicated-cond -Wduplicated-branches -Wlogical-op -Wuseless-cast)
if(FTCOST_WARNINGS_AS_ERRORS)
  target_compile_options(ftcost_warnings INTERFACE -Werror)
endif()
