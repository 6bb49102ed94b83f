package io.kafkanative.jmeter.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads the native library once per JVM: from {@code -Dkafkanative.library.path} when set,
 * otherwise extracted from this jar ({@code native/linux-x86_64/} or {@code
 * native/linux-aarch64/}, by {@code os.arch}). A failure is kept and
 * rethrown on every later use, so each sample fails with the same clear message instead of the
 * JVM dying or a later {@code UnsatisfiedLinkError} hiding the cause.
 */
final class NativeLibrary {
  static final String PATH_PROPERTY = "kafkanative.library.path";
  private static final String LIBRARY = "libkafkanative_jni.so";

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

  /** The jar's folder of libraries for a machine, or null when it holds none for it. */
  static String platformFolder(String osName, String osArch) {
    if (!"linux".equals(osName.toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    switch (osArch) {
      case "amd64":
      case "x86_64":
        return "linux-x86_64";
      case "aarch64":
      case "arm64":
        return "linux-aarch64";
      default:
        return null;
    }
  }

  private static Path extract() throws IOException {
    String folder = platformFolder(System.getProperty("os.name"), System.getProperty("os.arch"));
    if (folder == null) {
      throw new IOException(
          "no bundled library for "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + " (the jar has Linux x86-64 and arm64); set -D"
              + PATH_PROPERTY);
    }
    String resource = "/native/" + folder + "/" + LIBRARY;
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the plugin jar");
      }
      Path file = Files.createTempFile("kafkanative", ".so");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }
}
