# Warnings as errors and the optional sanitizers, applied to our own targets only.
function(kns_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror
                                           # librdkafka's RD_KAFKA_V_* macros are GNU statement
                                           # expressions, which clang's -Wpedantic reports.
                                           $<$<CXX_COMPILER_ID:Clang>:-Wno-gnu-statement-expression>)
  if(KNS_SANITIZE)
    # GCC 12's flow analysis reports false "maybe-uninitialized" in libstdc++ (std::regex,
    # std::function) once sanitizer instrumentation is in; the warning stays on elsewhere.
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer
                                             $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
  if(KNS_FUZZ)
    # Coverage in the code under test, not only in the fuzz target: without it libFuzzer
    # cannot tell which inputs reach new paths of the parsers.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
