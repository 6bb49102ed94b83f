/* gai_strerrorA, which OpenSSL's address lookup (crypto/bio/bio_addr.c) calls on Windows.
 * mingw-w64 declares it in <ws2tcpip.h> and defines it in its own libws2_32.a; Zig's
 * mingw-w64 import library is made from ws2_32.dll's exports alone, where it does not exist
 * (Windows' SDK defines it inline), so the cross build defines it here, as mingw-w64 does. */
#include <winsock2.h>
#include <ws2tcpip.h>

char *gai_strerrorA(int code) {
  static _Thread_local char message[GAI_STRERROR_BUFFER_SIZE + 1];
  if (FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS |
                         FORMAT_MESSAGE_MAX_WIDTH_MASK,
                     NULL, (DWORD)code, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), message,
                     GAI_STRERROR_BUFFER_SIZE, NULL) == 0) {
    message[0] = '\0';
  }
  return message;
}
