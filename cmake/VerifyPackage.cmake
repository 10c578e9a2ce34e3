# gatehouse_verify (alias gatehouse::verify): the token verification library for services
# (issue 4). One static archive bundling the object code of the layers it needs (common, crypto,
# jose, verify) so that a consumer links one library and never the server. Its only public header
# is include/gatehouse/verify.h (C++17 + nlohmann/json).
#
# Consumers:
#   find_package(gatehouse_verify CONFIG REQUIRED)   # after `cmake --install`
#   add_subdirectory(path/to/gatehouse)              # or from source
#   target_link_libraries(my_service PRIVATE gatehouse::verify)
include(GNUInstallDirs)
add_library(gatehouse_verify STATIC $<TARGET_OBJECTS:gh_common> $<TARGET_OBJECTS:gh_crypto>
                                    $<TARGET_OBJECTS:gh_jose> $<TARGET_OBJECTS:gh_verify>)
add_library(gatehouse::verify ALIAS gatehouse_verify)
set_target_properties(gatehouse_verify PROPERTIES LINKER_LANGUAGE CXX EXPORT_NAME verify)
target_include_directories(gatehouse_verify PUBLIC
  $<BUILD_INTERFACE:${GATEHOUSE_ROOT}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(gatehouse_verify INTERFACE cxx_std_17)
target_link_libraries(gatehouse_verify
  PUBLIC nlohmann_json::nlohmann_json
  PRIVATE OpenSSL::Crypto CURL::libcurl PkgConfig::SODIUM Threads::Threads)

if(GATEHOUSE_INSTALL)
  include(CMakePackageConfigHelpers)
  set(_gh_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/gatehouse_verify)
  install(TARGETS gatehouse_verify EXPORT gatehouse_verify_targets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(FILES ${GATEHOUSE_ROOT}/include/gatehouse/verify.h
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/gatehouse)
  install(EXPORT gatehouse_verify_targets NAMESPACE gatehouse::
          FILE gatehouse_verifyTargets.cmake DESTINATION ${_gh_cmake_dir})
  configure_package_config_file(${GATEHOUSE_ROOT}/cmake/gatehouse_verifyConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/gatehouse_verifyConfig.cmake INSTALL_DESTINATION ${_gh_cmake_dir})
  write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/gatehouse_verifyConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gatehouse_verifyConfig.cmake
                ${CMAKE_CURRENT_BINARY_DIR}/gatehouse_verifyConfigVersion.cmake
          DESTINATION ${_gh_cmake_dir})
endif()
