package io.github.pyhandlecache.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The results of the JMH invocations of one run, read from their JSON output ({@code -rf json});
 * benchmark methods are named uniquely across them.
 */
public final class JmhRun {
  private final Map<String, JmhResult> byMethod = new LinkedHashMap<>();
  private final String jdk;
  private final String jmhVersion;
  private final int forks;
  private final int iterations;

  private JmhRun(List<JsonArray> invocations) {
    JsonObject first = invocations.get(0).get(0).getAsJsonObject();
    jdk = first.get("vmName").getAsString() + " " + first.get("vmVersion").getAsString()
        + " (JDK " + first.get("jdkVersion").getAsString() + ")";
    jmhVersion = first.get("jmhVersion").getAsString();
    forks = first.get("forks").getAsInt();
    iterations = first.get("measurementIterations").getAsInt();
    for (JsonArray benchmarks : invocations) {
      for (JsonElement element : benchmarks) {
        JmhResult result = parse(element.getAsJsonObject());
        if (byMethod.put(result.method(), result) != null) {
          throw new IllegalArgumentException("two benchmarks named " + result.method());
        }
      }
    }
  }

  /** Reads the JSON files of JMH invocations made with the same forks and iterations. */
  public static JmhRun read(Path... jsons) throws IOException {
    List<JsonArray> invocations = new ArrayList<>();
    for (Path json : jsons) {
      invocations.add(JsonParser.parseString(Files.readString(json)).getAsJsonArray());
    }
    return new JmhRun(invocations);
  }

  /**
   * Returns the result of a benchmark method; for a benchmark with parameters, {@code method} is
   * followed by their values in brackets, e.g. {@code closePerSlot[100]}.
   */
  public JmhResult get(String method) {
    JmhResult result = byMethod.get(method);
    if (result == null) {
      throw new NoSuchElementException("no benchmark " + method + " in the JMH results");
    }
    return result;
  }

  /**
   * Returns the parameter values that {@code method} ran with, each as {@link #get} wants them in
   * brackets ({@code 100} for {@code closePerSlot[100]}), in the order JMH ran them.
   */
  public List<String> params(String method) {
    String prefix = method + "[";
    return byMethod.keySet().stream()
        .filter(key -> key.startsWith(prefix))
        .map(key -> key.substring(prefix.length(), key.length() - 1))
        .toList();
  }

  public String jdk() {
    return jdk;
  }

  public String jmhVersion() {
    return jmhVersion;
  }

  public int forks() {
    return forks;
  }

  public int iterations() {
    return iterations;
  }

  private static JmhResult parse(JsonObject benchmark) {
    String name = benchmark.get("benchmark").getAsString();
    String method = name.substring(name.lastIndexOf('.') + 1);
    JsonObject params = benchmark.getAsJsonObject("params");
    if (params != null) {
      List<String> values = new ArrayList<>();
      params.entrySet().forEach(param -> values.add(param.getValue().getAsString()));
      method += "[" + String.join(",", values) + "]";
    }
    JsonObject primary = benchmark.getAsJsonObject("primaryMetric");
    List<Double> samples = new ArrayList<>();
    List<Double> forkMedians = new ArrayList<>();
    for (JsonElement fork : primary.getAsJsonArray("rawData")) {
      List<Double> forkSamples = new ArrayList<>();
      for (JsonElement iteration : fork.getAsJsonArray()) {
        forkSamples.add(iteration.getAsDouble());
      }
      samples.addAll(forkSamples);
      forkMedians.add(median(forkSamples));
    }
    double bytesPerOp = Double.NaN;
    double collections = Double.NaN;
    JsonObject secondary = benchmark.getAsJsonObject("secondaryMetrics");
    for (Map.Entry<String, JsonElement> metric : secondary.entrySet()) {
      double score = metric.getValue().getAsJsonObject().get("score").getAsDouble();
      if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
        bytesPerOp = score;
      } else if (metric.getKey().endsWith("gc.count")) {
        collections = score;
      }
    }
    List<String> jvmArgs = new ArrayList<>();
    benchmark.getAsJsonArray("jvmArgs").forEach(arg -> jvmArgs.add(arg.getAsString()));
    // scoreError is the string "NaN" for too few samples; getAsDouble parses that too.
    return new JmhResult(method, median(samples), primary.get("scoreError").getAsDouble(),
        primary.get("scoreUnit").getAsString(), samples.size(), bytesPerOp, collections,
        forkMedians, jvmArgs);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
