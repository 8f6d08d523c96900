package io.github.pyhandlecache.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OperatorNameTest {
  @Test
  void parsesNamespaceNameAndOverload() {
    OperatorName name = OperatorName.parse("aten::add.Tensor");

    assertEquals(new OperatorName("aten", "add", "Tensor"), name);
    assertEquals("aten::add.Tensor", name.toString());
  }

  @Test
  void theOverloadMayContainDots() {
    assertEquals(new OperatorName("ns", "op", "a.b"), OperatorName.parse("ns::op.a.b"));
  }

  @Test
  void rejectsNamesWithoutAllThreeParts() {
    for (String bad : new String[] {"add.Tensor", "::add.Tensor", "aten::add", "aten::.Tensor", "aten::add."}) {
      assertThrows(IllegalArgumentException.class, () -> OperatorName.parse(bad), bad);
    }
  }
}
