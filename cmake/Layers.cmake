# The project root, valid also when Gatehouse is added with add_subdirectory().
get_filename_component(GATEHOUSE_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
# gatehouse_layer(NAME DIR DEPS...): a static library from src/DIR/*.cc (not *_test.cc,
# *_pgtest.cc, *_benchmark.cc, *_fuzz.cc, main.cc), linking DEPS. Tests beside the code are
# collected into the unit test binary by tests/CMakeLists.txt.
function(gatehouse_layer name dir)
  file(GLOB srcs CONFIGURE_DEPENDS ${GATEHOUSE_ROOT}/src/${dir}/*.cc)
  list(FILTER srcs EXCLUDE REGEX "(_test|_pgtest|_benchmark|_fuzz|/main)\\.cc$")
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC ${GATEHOUSE_ROOT}/src ${GATEHOUSE_ROOT}/include)
    target_link_libraries(${name} PUBLIC ${ARGN})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${GATEHOUSE_ROOT}/src ${GATEHOUSE_ROOT}/include)
    target_link_libraries(${name} INTERFACE ${ARGN})
  endif()
  set_property(GLOBAL APPEND PROPERTY GATEHOUSE_TEST_DIRS ${GATEHOUSE_ROOT}/src/${dir})
endfunction()
