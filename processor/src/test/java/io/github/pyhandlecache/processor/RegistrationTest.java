package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** How build tools find the processor: javac's service file and Gradle's incremental file. */
class RegistrationTest {
  @Test
  void javacFindsTheProcessorAsAService() {
    List<String> processors = new ArrayList<>();
    for (Processor processor : ServiceLoader.load(Processor.class)) {
      processors.add(processor.getClass().getName());
    }
    assertThat(processors).contains(PyHandleCacheProcessor.class.getName());
  }

  @Test
  void gradleTreatsTheProcessorAsIsolating() throws IOException {
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo(PyHandleCacheProcessor.class.getName() + ",isolating");
    }
  }
}
