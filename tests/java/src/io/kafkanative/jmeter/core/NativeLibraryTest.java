package io.kafkanative.jmeter.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** Which of the jar's libraries a JVM picks, by its os.name and os.arch. */
public class NativeLibraryTest {
  @Test
  public void linuxOnX86AndArmFindsItsFolder() {
    assertEquals("linux-x86_64", NativeLibrary.platformFolder("Linux", "amd64"));
    assertEquals("linux-x86_64", NativeLibrary.platformFolder("Linux", "x86_64"));
    assertEquals("linux-aarch64", NativeLibrary.platformFolder("Linux", "aarch64"));
  }

  @Test
  public void otherPlatformsHaveNone() {
    assertNull(NativeLibrary.platformFolder("Windows 11", "amd64"));
    assertNull(NativeLibrary.platformFolder("Mac OS X", "aarch64"));
    assertNull(NativeLibrary.platformFolder("Linux", "ppc64le"));
  }
}
