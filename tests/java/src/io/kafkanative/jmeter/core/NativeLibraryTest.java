package io.kafkanative.jmeter.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/**
 * Which of the jar's libraries a JVM picks, by the os.name and os.arch JVMs report on each
 * system (OpenJDK, Temurin, Zulu, Corretto alike: os.arch is "amd64" on Linux and Windows,
 * "x86_64" on Intel Macs, "aarch64" on arm64 Linux, Windows and Macs).
 */
public class NativeLibraryTest {
  @Test
  public void linuxOnX86AndArmFindsItsFolder() {
    assertEquals("linux-x86_64", NativeLibrary.platformFolder("Linux", "amd64"));
    assertEquals("linux-x86_64", NativeLibrary.platformFolder("Linux", "x86_64"));
    assertEquals("linux-aarch64", NativeLibrary.platformFolder("Linux", "aarch64"));
  }

  @Test
  public void everyWindowsNameOnX86FindsTheWindowsFolder() {
    for (String name :
        new String[] {"Windows 10", "Windows 11", "Windows Server 2019", "Windows Server 2022"}) {
      assertEquals(name, "windows-x86_64", NativeLibrary.platformFolder(name, "amd64"));
    }
  }

  @Test
  public void macsOnArmAndIntelFindTheirFolders() {
    assertEquals("macos-aarch64", NativeLibrary.platformFolder("Mac OS X", "aarch64"));
    assertEquals("macos-x86_64", NativeLibrary.platformFolder("Mac OS X", "x86_64"));
    assertEquals("macos-x86_64", NativeLibrary.platformFolder("Darwin", "x86_64"));
  }

  @Test
  public void otherPlatformsHaveNone() {
    assertNull(NativeLibrary.platformFolder("Windows 11", "aarch64"));
    assertNull(NativeLibrary.platformFolder("Windows 10", "x86"));
    assertNull(NativeLibrary.platformFolder("Linux", "ppc64le"));
    assertNull(NativeLibrary.platformFolder("FreeBSD", "amd64"));
  }

  @Test
  public void eachFolderHoldsTheLibraryUnderItsSystemsName() {
    assertEquals("libkafkanative_jni.so", NativeLibrary.libraryFile("linux-aarch64"));
    assertEquals("kafkanative_jni.dll", NativeLibrary.libraryFile("windows-x86_64"));
    assertEquals("libkafkanative_jni.dylib", NativeLibrary.libraryFile("macos-aarch64"));
  }
}
