package io.kafkanative.jmeter.core;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Loads the native library once per JVM: from {@code -Dkafkanative.library.path} when set,
 * otherwise extracted from this jar's folder for the machine ({@code native/linux-x86_64/},
 * {@code native/windows-x86_64/}, {@code native/macos-aarch64/} …, by {@code os.name} and
 * {@code os.arch}). A failure is kept and rethrown on every later use, so each sample fails with
 * the same clear message instead of the JVM dying or a later {@code UnsatisfiedLinkError}
 * hiding the cause.
 *
 * <p>The library is extracted under its proper name into a folder named for its content, in
 * the temporary directory, and a later JVM finding it there loads it as it is: Windows cannot
 * delete a DLL while a JVM has it loaded, so a fresh copy per run would pile up, and JVMs
 * started together (engines on one machine) each write their own copy and move it into place.
 */
final class NativeLibrary {
  static final String PATH_PROPERTY = "kafkanative.library.path";
  private static final String PLATFORMS =
      "Linux x86-64 and arm64, Windows x86-64, macOS arm64 and x86-64";

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

  /**
   * The jar's folder of libraries for a machine, or null when it holds none for it. The names
   * are those JVMs report: {@code os.name} "Linux", "Windows 10", "Windows Server 2022", "Mac OS
   * X"; {@code os.arch} "amd64" (Linux, Windows), "x86_64" (macOS), "aarch64".
   */
  static String platformFolder(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    String system;
    if (os.equals("linux")) {
      system = "linux";
    } else if (os.startsWith("windows")) {
      system = "windows";
    } else if (os.startsWith("mac os x") || os.equals("darwin")) {
      system = "macos";
    } else {
      return null;
    }
    switch (osArch) {
      case "amd64":
      case "x86_64":
        return system + "-x86_64";
      case "aarch64":
      case "arm64":
        return system.equals("windows") ? null : system + "-aarch64";
      default:
        return null;
    }
  }

  /** The library's file name in a platform folder, as that system's JVM names libraries. */
  static String libraryFile(String folder) {
    if (folder.startsWith("windows-")) {
      return "kafkanative_jni.dll";
    }
    return folder.startsWith("macos-") ? "libkafkanative_jni.dylib" : "libkafkanative_jni.so";
  }

  private static Path extract() throws IOException {
    String folder = platformFolder(System.getProperty("os.name"), System.getProperty("os.arch"));
    if (folder == null) {
      throw new IOException(
          "no bundled library for "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + " (the jar has "
              + PLATFORMS
              + "); set -D"
              + PATH_PROPERTY);
    }
    String resource = "/native/" + folder + "/" + libraryFile(folder);
    byte[] library;
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the plugin jar");
      }
      library = readAll(in);
    }
    Path directory =
        Paths.get(System.getProperty("java.io.tmpdir"), "kafkanative-" + digest(library));
    Path file = directory.resolve(libraryFile(folder));
    if (Files.isRegularFile(file) && Files.size(file) == library.length) {
      return file; // extracted by an earlier run: same content, as its folder is named for it
    }
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, "extracting", ".tmp");
    try {
      Files.write(partial, library);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException error) {
      Files.deleteIfExists(partial);
      if (!Files.isRegularFile(file)) { // not just another JVM's copy in place, loaded
        throw error;
      }
    }
    return file;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The first 16 hex digits of the content's SHA-256. */
  private static String digest(byte[] content) throws IOException {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", hash[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException error) {
      throw new IOException("no SHA-256 in this JVM", error);
    }
  }
}
