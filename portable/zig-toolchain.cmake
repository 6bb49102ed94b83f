# Cross-compiling with Zig's clang for KNS_ZIG_TARGET: arch-linux-gnu.GLIBC_VERSION (the
# target's glibc is Zig's own stub of that version), arch-windows-gnu (MinGW-w64) or
# arch-macos.VERSION (Zig's libSystem stub: the minimum macOS). libc++ is linked in statically.
if(KNS_ZIG_TARGET MATCHES "-windows-")
  set(CMAKE_SYSTEM_NAME Windows)
elseif(KNS_ZIG_TARGET MATCHES "-macos")
  set(CMAKE_SYSTEM_NAME Darwin)
else()
  set(CMAKE_SYSTEM_NAME Linux)
endif()
string(REGEX MATCH "^[^-]+" CMAKE_SYSTEM_PROCESSOR "${KNS_ZIG_TARGET}")
set(CMAKE_C_COMPILER "${KNS_ZIG}" cc -target ${KNS_ZIG_TARGET})
set(CMAKE_CXX_COMPILER "${KNS_ZIG}" c++ -target ${KNS_ZIG_TARGET})
set(CMAKE_AR "${KNS_ZIG_WRAPPERS}/zig-ar")
set(CMAKE_RANLIB "${KNS_ZIG_WRAPPERS}/zig-ranlib")
# Windows resources would need windres; the library has none.
set(CMAKE_RC_COMPILER /bin/true)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
