#include "JniBytes.hpp"

#include "kafkanative/KafkaError.hpp"

namespace kafkanative::jni {

std::string fromBytes(JNIEnv* env, jbyteArray bytes, const char* what) {
  if (bytes == nullptr) {
    throw KafkaError::invalidArgument(std::string(what) + ": must not be null");
  }
  const jsize length = env->GetArrayLength(bytes);
  std::string text(static_cast<std::size_t>(length), '\0');
  env->GetByteArrayRegion(bytes, 0, length, reinterpret_cast<jbyte*>(text.data()));
  return text;
}

std::string textAt(JNIEnv* env, jobjectArray texts, jsize index, const char* what) {
  auto bytes = static_cast<jbyteArray>(env->GetObjectArrayElement(texts, index));
  std::string text = fromBytes(env, bytes, what);
  env->DeleteLocalRef(bytes);
  return text;
}

jbyteArray toBytes(JNIEnv* env, const std::string& text) {
  const auto length = static_cast<jsize>(text.size());
  jbyteArray bytes = env->NewByteArray(length);
  if (bytes != nullptr) {
    env->SetByteArrayRegion(bytes, 0, length, reinterpret_cast<const jbyte*>(text.data()));
  }
  return bytes;
}

}  // namespace kafkanative::jni
