#pragma once

#include <jni.h>

#include <string>

namespace kafkanative::jni {

/// Copies a Java `byte[]` of UTF-8 text; `what` names the argument when it is null.
std::string fromBytes(JNIEnv* env, jbyteArray bytes, const char* what);

/// Copies element `index` of a Java `byte[][]` of UTF-8 texts.
std::string textAt(JNIEnv* env, jobjectArray texts, jsize index, const char* what);

/// A new Java `byte[]` holding `text`; nullptr with OutOfMemoryError pending on failure.
jbyteArray toBytes(JNIEnv* env, const std::string& text);

}  // namespace kafkanative::jni
