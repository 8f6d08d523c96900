package io.github.pyhandlecache.benchmarks.compiletime;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times javac on a generated module of many classes (1,000 in a full run) with three cached
 * accessors each: with this processor, with no processor at all (the same sources, {@code
 * -proc:none}), AutoValue's {@code @Memoized} on equivalent classes, and, if given, the processor
 * of an earlier commit with its own runtime (the baseline a compile-time target names). Each javac
 * is a fresh JVM, as in a build; the variants take turns so that noise from other work on the
 * machine spreads over all of them.
 *
 * <p>Usage: {@code CompileTimeBenchmark <workDir> <out.json> <runs> <classes> <classpath>
 * <pyhandlecache processor path> <auto-value processor path> [<baseline name> <baseline processor
 * path> <baseline classpath>]}.
 */
public final class CompileTimeBenchmark {
  /** The name of this processor's variant. */
  public static final String PY_HANDLE_CACHE_PROCESSOR = "javac + pyhandlecache-processor";
  /** What the baseline's variant name starts with; its commit follows. */
  public static final String BASELINE_PREFIX = PY_HANDLE_CACHE_PROCESSOR + " of ";
  private static final String PROCESSOR = "io.github.pyhandlecache.processor.PyHandleCacheProcessor";

  public static void main(String[] args) throws IOException, InterruptedException {
    Path workDir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    int classes = Integer.parseInt(args[3]);
    String classpath = args[4];

    List<Variant> variants = new ArrayList<>(List.of(
        new Variant("javac, no processor", "no-processor", GeneratedModule.PY_HANDLE_CACHED,
            classpath, "-proc:none"),
        new Variant(PY_HANDLE_CACHE_PROCESSOR, "pyhandlecache-processor",
            GeneratedModule.PY_HANDLE_CACHED, classpath, "-processorpath", args[5],
            "-processor", PROCESSOR),
        new Variant("javac + AutoValue @Memoized", "auto-value", GeneratedModule.AUTO_VALUE_MEMOIZED,
            classpath, "-processorpath", args[6],
            "-processor", "com.google.auto.value.processor.AutoValueProcessor,"
                + "com.google.auto.value.extension.memoized.processor.MemoizedValidator")));
    if (args.length > 7) {
      variants.add(new Variant(BASELINE_PREFIX + args[7], "baseline",
          GeneratedModule.PY_HANDLE_CACHED, args[9], "-processorpath", args[8],
          "-processor", PROCESSOR));
    }

    List<List<Double>> seconds = new ArrayList<>();
    List<List<Path>> sources = new ArrayList<>();
    for (Variant variant : variants) {
      seconds.add(new ArrayList<>());
      sources.add(variant.module.write(workDir.resolve(variant.directory).resolve("src"), classes));
    }
    // One uncounted run brings the JDK's own files into the file cache.
    javac(variants.get(0), sources.get(0), workDir.resolve("warm-up"));
    for (int run = 1; run <= runs; run++) {
      for (int v = 0; v < variants.size(); v++) {
        Variant variant = variants.get(v);
        Path output = workDir.resolve(variant.directory).resolve("classes-" + run);
        double elapsed = javac(variant, sources.get(v), output);
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

  private static double javac(Variant variant, List<Path> sources, Path classes)
      throws IOException, InterruptedException {
    Files.createDirectories(classes);
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>(List.of(
        javac.toString(), "--release", "17", "-nowarn", "-d", classes.toString(),
        "-cp", variant.classpath));
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

  /** One way to compile: {@code directory} holds its sources and classes under the work dir. */
  private record Variant(String name, String directory, GeneratedModule module, String classpath,
      String... options) {}
}
