package io.github.pyhandlecache.graalpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the module shows: its one exported package, and the {@link InterpreterLookup} it provides
 * from a package it does not export, on the module path (module-info) and on the class path
 * (META-INF/services) alike.
 */
class GraalPyModuleTest {
  private static final String LOOKUP = "io.github.pyhandlecache.runtime.spi.InterpreterLookup";

  @Test
  void onlyTheGraalPyInterpreterPackageIsExported() throws Exception {
    Set<String> exports =
        descriptor().exports().stream()
            .map(export -> export.source() + (export.isQualified() ? " to " + export.targets() : ""))
            .collect(Collectors.toSet());

    assertEquals(Set.of("io.github.pyhandlecache.graalpy"), exports);
  }

  @Test
  void theLookupIsAServiceProviderOfAPackageTheModuleDoesNotExport() throws Exception {
    ModuleDescriptor descriptor = descriptor();
    List<String> providers =
        descriptor.provides().stream()
            .filter(provides -> provides.service().equals(LOOKUP))
            .flatMap(provides -> provides.providers().stream())
            .collect(Collectors.toList());
    assertEquals(1, providers.size(), providers.toString());
    String provider = providers.get(0);
    String providerPackage = provider.substring(0, provider.lastIndexOf('.'));
    assertTrue(descriptor.packages().contains(providerPackage));
    assertFalse(
        descriptor.exports().stream().anyMatch(export -> export.source().equals(providerPackage)),
        provider + " is in an exported package");

    List<String> onTheClassPath =
        ServiceLoader.load(InterpreterLookup.class).stream()
            .map(found -> found.type().getName())
            .collect(Collectors.toList());
    assertEquals(List.of(provider), onTheClassPath, "META-INF/services names the same class");
  }

  /** The module-info of the module's classes, which the tests run beside on the class path. */
  private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
    Path classes =
        Path.of(GraalPyInterpreter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}
