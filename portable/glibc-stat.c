/* The stat family, for the portable build's glibc 2.28 baseline. Before glibc 2.33 these
   functions are not in libc.so.6 but in libc_nonshared.a, as wrappers around __xstat and its
   kin, which every glibc still exports. Zig 0.11's libc_nonshared.a implements them with system
   calls instead, setting an errno of its own: a thread-local variable in the initial-exec
   model. That marks the whole JNI library as needing static TLS, and System.load then fails
   with "cannot allocate memory in static TLS block" (librdkafka's thread-locals do not fit).
   Defined here as glibc's own libc_nonshared.a defines them, those archive members are never
   linked. The buffers are untyped: these definitions only forward them. */

#if defined(__x86_64__)
#define KNS_STAT_VER 1 /* _STAT_VER_LINUX of x86-64's kernel_stat.h */
#elif defined(__aarch64__)
#define KNS_STAT_VER 0 /* the generic _STAT_VER */
#else
#error "no _STAT_VER known for this architecture"
#endif
#define KNS_MKNOD_VER 0

#define KNS_HIDDEN __attribute__((visibility("hidden")))

int __xstat(int version, const char* path, void* buffer);
int __fxstat(int version, int fd, void* buffer);
int __lxstat(int version, const char* path, void* buffer);
int __fxstatat(int version, int dirfd, const char* path, void* buffer, int flags);
int __xstat64(int version, const char* path, void* buffer);
int __fxstat64(int version, int fd, void* buffer);
int __lxstat64(int version, const char* path, void* buffer);
int __fxstatat64(int version, int dirfd, const char* path, void* buffer, int flags);
int __xmknod(int version, const char* path, unsigned mode, void* device);
int __xmknodat(int version, int dirfd, const char* path, unsigned mode, void* device);

KNS_HIDDEN int stat(const char* path, void* buffer) { return __xstat(KNS_STAT_VER, path, buffer); }
KNS_HIDDEN int fstat(int fd, void* buffer) { return __fxstat(KNS_STAT_VER, fd, buffer); }
KNS_HIDDEN int lstat(const char* path, void* buffer) {
  return __lxstat(KNS_STAT_VER, path, buffer);
}
KNS_HIDDEN int fstatat(int dirfd, const char* path, void* buffer, int flags) {
  return __fxstatat(KNS_STAT_VER, dirfd, path, buffer, flags);
}
KNS_HIDDEN int stat64(const char* path, void* buffer) {
  return __xstat64(KNS_STAT_VER, path, buffer);
}
KNS_HIDDEN int fstat64(int fd, void* buffer) { return __fxstat64(KNS_STAT_VER, fd, buffer); }
KNS_HIDDEN int lstat64(const char* path, void* buffer) {
  return __lxstat64(KNS_STAT_VER, path, buffer);
}
KNS_HIDDEN int fstatat64(int dirfd, const char* path, void* buffer, int flags) {
  return __fxstatat64(KNS_STAT_VER, dirfd, path, buffer, flags);
}
KNS_HIDDEN int mknod(const char* path, unsigned mode, unsigned long device) {
  return __xmknod(KNS_MKNOD_VER, path, mode, &device);
}
KNS_HIDDEN int mknodat(int dirfd, const char* path, unsigned mode, unsigned long device) {
  return __xmknodat(KNS_MKNOD_VER, dirfd, path, mode, &device);
}
