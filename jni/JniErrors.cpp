#include "JniErrors.hpp"

#include "JniBytes.hpp"

namespace kafkanative::jni {

namespace {
jclass kafkaNativeException = nullptr;
jmethodID kafkaNativeExceptionInit = nullptr;
jclass illegalState = nullptr;
jclass outOfMemory = nullptr;

jclass globalClass(JNIEnv* env, const char* name) {
  jclass local = env->FindClass(name);
  if (local == nullptr) {
    return nullptr;
  }
  auto global = static_cast<jclass>(env->NewGlobalRef(local));
  env->DeleteLocalRef(local);
  return global;
}
}  // namespace

bool cacheExceptionClasses(JNIEnv* env) {
  kafkaNativeException = globalClass(env, "io/kafkanative/jmeter/core/KafkaNativeException");
  illegalState = globalClass(env, "java/lang/IllegalStateException");
  outOfMemory = globalClass(env, "java/lang/OutOfMemoryError");
  if (kafkaNativeException == nullptr || illegalState == nullptr || outOfMemory == nullptr) {
    return false;
  }
  kafkaNativeExceptionInit = env->GetMethodID(kafkaNativeException, "<init>", "([B[B)V");
  return kafkaNativeExceptionInit != nullptr;
}

void releaseExceptionClasses(JNIEnv* env) {
  for (jclass cls : {kafkaNativeException, illegalState, outOfMemory}) {
    if (cls != nullptr) {
      env->DeleteGlobalRef(cls);
    }
  }
  kafkaNativeException = illegalState = outOfMemory = nullptr;
}

void throwKafkaNativeException(JNIEnv* env, const std::string& name, const std::string& message) {
  // Built from UTF-8 bytes: ThrowNew would need modified UTF-8, which messages quoting user
  // input (topic names, templates) may not be.
  jbyteArray nameBytes = toBytes(env, name);
  jbyteArray messageBytes = nameBytes == nullptr ? nullptr : toBytes(env, message);
  if (messageBytes == nullptr) {
    return;  // OutOfMemoryError is pending
  }
  auto exception = static_cast<jthrowable>(
      env->NewObject(kafkaNativeException, kafkaNativeExceptionInit, nameBytes, messageBytes));
  if (exception != nullptr) {
    env->Throw(exception);
  }
}

void throwIllegalState(JNIEnv* env, const char* message) { env->ThrowNew(illegalState, message); }

void throwOutOfMemory(JNIEnv* env, const char* message) { env->ThrowNew(outOfMemory, message); }

}  // namespace kafkanative::jni
