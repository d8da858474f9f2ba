# Helpers shared by every module's CMakeLists.txt.
#
# minisql_library(NAME DIR [EXTRA_SOURCES ...]) builds every *.cc below DIR
# (recursively) into a static library NAME with our warning flags; a module gains a
# file just by creating it.
function(minisql_library name dir)
  cmake_parse_arguments(ARG "" "" "EXTRA_SOURCES" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${dir}/*.cc)
  if(NOT srcs AND NOT ARG_EXTRA_SOURCES)
    message(STATUS "${name}: no sources yet")
    return()
  endif()
  add_library(${name} STATIC ${srcs} ${ARG_EXTRA_SOURCES})
  target_compile_options(${name} PRIVATE ${MINISQL_WARNINGS})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR}/src ${CMAKE_BINARY_DIR}/src)
endfunction()

# minisql_gtest(DIR LIBS...) makes one test executable per DIR/*_test.cc and registers
# it with CTest (label "unit"), so `ctest` runs every unit test.
function(minisql_gtest dir)
  file(GLOB tests CONFIGURE_DEPENDS ${dir}/*_test.cc)
  foreach(test_src ${tests})
    get_filename_component(test_name ${test_src} NAME_WE)
    add_executable(${test_name} ${test_src})
    target_compile_options(${test_name} PRIVATE ${MINISQL_WARNINGS})
    target_include_directories(${test_name} PRIVATE ${CMAKE_SOURCE_DIR}/test)
    target_link_libraries(${test_name} PRIVATE ${ARGN} GTest::gtest GTest::gtest_main)
    add_test(NAME ${test_name} COMMAND ${test_name})
    set_tests_properties(${test_name} PROPERTIES LABELS unit TIMEOUT 300)
  endforeach()
endfunction()
