# The dependencies of the self-contained JNI library (KNS_PORTABLE, built by portable/ with
# Zig for one target): librdkafka and what it links, static, from KNS_DEPS_PREFIX
# (portable/build-deps.sh); the header-only libraries (Boost.Lockfree, spdlog with fmt,
# nlohmann-json) from a folder of links to just them, never /usr/include itself, whose glibc
# headers are the build machine's and not the target's; the JNI headers (javac's and the
# JDK's) from the host build.
foreach(variable KNS_DEPS_PREFIX KNS_JNI_INCLUDE_DIRS)
  if(NOT ${variable})
    message(FATAL_ERROR "KNS_PORTABLE needs ${variable}")
  endif()
endforeach()

set(deps ${KNS_DEPS_PREFIX})
# What the static libraries need of the system: on Windows only its own DLLs (sockets,
# certificate store, SSPI, random bytes), on macOS only libSystem (linked always).
if(WIN32)
  set(system_libraries ${deps}/lib/libkns_compat.a ws2_32 crypt32 secur32 bcrypt advapi32 user32)
elseif(APPLE)
  set(system_libraries "")
else()
  set(system_libraries pthread dl m rt)
endif()
add_library(PkgConfig::RDKAFKA INTERFACE IMPORTED)
target_include_directories(PkgConfig::RDKAFKA INTERFACE ${deps}/include)
# librdkafka's header marks its functions dllimport on Windows unless it is linked statically.
target_compile_definitions(PkgConfig::RDKAFKA INTERFACE LIBRDKAFKA_STATICLIB)
target_link_libraries(PkgConfig::RDKAFKA INTERFACE
  ${deps}/lib/librdkafka.a ${deps}/lib/libssl.a ${deps}/lib/libcrypto.a ${deps}/lib/libzstd.a
  ${deps}/lib/liblz4.a ${deps}/lib/libz.a ${system_libraries})
add_library(CURL::libcurl INTERFACE IMPORTED)
target_compile_definitions(CURL::libcurl INTERFACE CURL_STATICLIB)
target_include_directories(CURL::libcurl INTERFACE ${deps}/include)
target_link_libraries(CURL::libcurl INTERFACE
  ${deps}/lib/libcurl.a ${deps}/lib/libssl.a ${deps}/lib/libcrypto.a ${deps}/lib/libz.a
  ${system_libraries})

set(header_only ${CMAKE_BINARY_DIR}/header-only)
foreach(library boost spdlog fmt nlohmann)
  if(NOT EXISTS ${header_only}/${library})
    file(MAKE_DIRECTORY ${header_only})
    file(CREATE_LINK /usr/include/${library} ${header_only}/${library} SYMBOLIC)
  endif()
endforeach()
add_library(Boost::headers INTERFACE IMPORTED)
target_include_directories(Boost::headers SYSTEM INTERFACE ${header_only})
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${header_only})
add_library(spdlog::spdlog INTERFACE IMPORTED)
target_include_directories(spdlog::spdlog SYSTEM INTERFACE ${header_only})
target_compile_definitions(spdlog::spdlog INTERFACE SPDLOG_HEADER_ONLY FMT_HEADER_ONLY)

set(JNI_INCLUDE_DIRS ${KNS_JNI_INCLUDE_DIRS})
if(WIN32)  # Windows' jni_md.h in place of the build machine's (Linux's), which macOS shares
  list(FILTER JNI_INCLUDE_DIRS EXCLUDE REGEX "/include/linux$")
  list(PREPEND JNI_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/portable/windows/jni)
endif()
add_library(kafkanative_jni_headers INTERFACE)
