package io.github.pyhandlecache.benchmarks.compiletime;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times javac on a generated module of many classes (1,000 in a full run) with three cached
 * accessors each: with this processor, with no processor at all (the same sources, {@code
 * -proc:none}), and AutoValue's {@code @Memoized} on equivalent classes. Each javac is a fresh JVM,
 * as in a build; the variants take turns so that noise from other work on the machine spreads over
 * all of them.
 *
 * <p>Usage: {@code CompileTimeBenchmark <workDir> <out.json> <runs> <classes> <classpath>
 * <pyhandlecache processor path> <auto-value processor path>}.
 */
public final class CompileTimeBenchmark {
  public static void main(String[] args) throws IOException, InterruptedException {
    Path workDir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    int classes = Integer.parseInt(args[3]);
    String classpath = args[4];

    List<Variant> variants = List.of(
        new Variant("javac, no processor", GeneratedModule.PY_HANDLE_CACHED, "-proc:none"),
        new Variant("javac + pyhandlecache-processor", GeneratedModule.PY_HANDLE_CACHED,
            "-processorpath", args[5],
            "-processor", "io.github.pyhandlecache.processor.PyHandleCacheProcessor"),
        new Variant("javac + AutoValue @Memoized", GeneratedModule.AUTO_VALUE_MEMOIZED,
            "-processorpath", args[6],
            "-processor", "com.google.auto.value.processor.AutoValueProcessor,"
                + "com.google.auto.value.extension.memoized.processor.MemoizedValidator"));

    List<List<Double>> seconds = new ArrayList<>();
    List<List<Path>> sources = new ArrayList<>();
    for (Variant variant : variants) {
      seconds.add(new ArrayList<>());
      sources.add(variant.module.write(workDir.resolve(variant.directoryName()).resolve("src"),
          classes));
    }
    // One uncounted run brings the JDK's own files into the file cache.
    javac(variants.get(0), classpath, sources.get(0), workDir.resolve("warm-up"));
    for (int run = 1; run <= runs; run++) {
      for (int v = 0; v < variants.size(); v++) {
        Variant variant = variants.get(v);
        Path output = workDir.resolve(variant.directoryName()).resolve("classes-" + run);
        double elapsed = javac(variant, classpath, sources.get(v), output);
        System.out.printf("%-36s run %d: %.2f s%n", variant.name, run, elapsed);
        seconds.get(v).add(elapsed);
      }
    }

    List<CompileTimeRow> rows = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      rows.add(CompileTimeRow.of(variants.get(v).name, classes, seconds.get(v)));
    }
    Files.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(rows));
  }

  private static double javac(Variant variant, String classpath, List<Path> sources, Path classes)
      throws IOException, InterruptedException {
    Files.createDirectories(classes);
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>(List.of(
        javac.toString(), "--release", "17", "-nowarn", "-d", classes.toString(),
        "-cp", classpath));
    command.addAll(Arrays.asList(variant.options));
    sources.stream().map(Path::toString).forEach(command::add);

    Path log = classes.resolveSibling(classes.getFileName() + ".log");
    long start = System.nanoTime();
    Process javacProcess = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    int exit = javacProcess.waitFor();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException(variant.name + ": javac failed, see " + log);
    }
    return elapsed;
  }

  private record Variant(String name, GeneratedModule module, String... options) {
    String directoryName() {
      return module.name().toLowerCase() + (Stream.of(options).anyMatch("-proc:none"::equals)
          ? "-no-processor" : "");
    }
  }
}
