package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;

import io.github.pyhandlecache.runtime.internal.AccessorSlots;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The versions that generated code compares at class initialization: the processor's (see
 * {@link ProcessorVersion}) and the runtime's {@code version.properties}, both written by Maven.
 */
class ProcessorVersionTest {
  @Test
  void isTheMavenProjectVersion() {
    // Set by surefire from ${project.version}.
    assertThat(ProcessorVersion.get()).isEqualTo(System.getProperty("pyhandlecache.version"));
  }

  @Test
  void looksLikeAVersion() {
    assertThat(ProcessorVersion.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void runtimeOfTheSameBuildHasTheSameVersion() throws IOException {
    Properties runtime = new Properties();
    try (InputStream in = AccessorSlots.class.getResourceAsStream("version.properties")) {
      assertThat(in).isNotNull();
      runtime.load(in);
    }
    assertThat(runtime.getProperty("version")).isEqualTo(ProcessorVersion.get());
  }
}
