/* The machine-dependent part of jni.h for 64-bit Windows, as the JNI specification defines it
 * there: the portable build compiles against the build machine's JDK, whose jni_md.h is
 * Linux's (where jlong is long, 32 bits wide on Windows). Exported functions are dllexport;
 * JNICALL is __stdcall, which x86-64 ignores. */
#ifndef _JAVASOFT_JNI_MD_H_
#define _JAVASOFT_JNI_MD_H_

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall

typedef long jint;
typedef __int64 jlong;
typedef signed char jbyte;

#endif /* !_JAVASOFT_JNI_MD_H_ */
