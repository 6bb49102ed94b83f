package io.kafkanative.jmeter.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads the native library once per JVM: from {@code -Dkafkanative.library.path} when set,
 * otherwise extracted from this jar ({@code native/linux-x86_64/}). A failure is kept and
 * rethrown on every later use, so each sample fails with the same clear message instead of the
 * JVM dying or a later {@code UnsatisfiedLinkError} hiding the cause.
 */
final class NativeLibrary {
  static final String PATH_PROPERTY = "kafkanative.library.path";
  private static final String LIBRARY = "libkafkanative_jni.so";
  private static final String RESOURCE = "/native/linux-x86_64/" + LIBRARY;

  private static final Throwable LOAD_ERROR = load();

  private NativeLibrary() {}

  /** Throws a {@link KafkaNativeException} describing why the library is not usable. */
  static void ensureLoaded() {
    if (LOAD_ERROR != null) {
      throw new KafkaNativeException(
          "_NATIVE_LIBRARY", "kafka-native library not loaded: " + LOAD_ERROR, LOAD_ERROR);
    }
  }

  private static Throwable load() {
    try {
      String override = System.getProperty(PATH_PROPERTY);
      System.load(override != null ? new File(override).getAbsolutePath() : extract().toString());
      return null;
    } catch (Throwable error) { // UnsatisfiedLinkError, SecurityException, IOException
      return error;
    }
  }

  private static Path extract() throws IOException {
    if (!"linux".equals(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT))
        || !"amd64".equals(System.getProperty("os.arch"))) {
      throw new IOException(
          "no bundled library for "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + "; set -D"
              + PATH_PROPERTY);
    }
    try (InputStream in = NativeLibrary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is missing from the plugin jar");
      }
      Path file = Files.createTempFile("kafkanative", ".so");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }
}
