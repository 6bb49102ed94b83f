package io.kafkanative.jmeter.plan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import io.kafkanative.jmeter.core.KafkaNativeException;
import java.util.Map;
import org.junit.Test;
import io.kafkanative.jmeter.plan.PropertyLines;

public class PropertyLinesTest {
  @Test
  public void parsesPairsSkippingCommentsAndBlankLines() {
    Map<String, String> parsed =
        PropertyLines.parse("# tuning\nacks = all\r\n\nlinger.ms=5\nsasl.password=a=b\n", "x");
    assertEquals(3, parsed.size());
    assertEquals("all", parsed.get("acks"));
    assertEquals("5", parsed.get("linger.ms"));
    assertEquals("a=b", parsed.get("sasl.password"));
  }

  @Test
  public void lineWithoutEqualsNamesTheLineButNotItsText() {
    try {
      PropertyLines.parse("acks=1\nsecret-without-equals", "librdkafka properties");
      fail("expected KafkaNativeException");
    } catch (KafkaNativeException e) {
      assertEquals("_INVALID_ARG", e.getErrorName());
      assertEquals("librdkafka properties, line 2: expected key=value", e.getMessage());
      assertFalse(e.getMessage().contains("secret"));
    }
  }
}
