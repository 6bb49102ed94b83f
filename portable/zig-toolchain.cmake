# Cross-compiling with Zig's clang for KNS_ZIG_TARGET (arch-linux-gnu.GLIBC_VERSION): the
# target's glibc is Zig's own stub of that version, and libc++ is linked in statically.
set(CMAKE_SYSTEM_NAME Linux)
string(REGEX MATCH "^[^-]+" CMAKE_SYSTEM_PROCESSOR "${KNS_ZIG_TARGET}")
set(CMAKE_C_COMPILER "${KNS_ZIG}" cc -target ${KNS_ZIG_TARGET})
set(CMAKE_CXX_COMPILER "${KNS_ZIG}" c++ -target ${KNS_ZIG_TARGET})
set(CMAKE_AR "${KNS_ZIG_WRAPPERS}/zig-ar")
set(CMAKE_RANLIB "${KNS_ZIG_WRAPPERS}/zig-ranlib")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
