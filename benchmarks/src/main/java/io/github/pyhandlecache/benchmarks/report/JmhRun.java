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

/** The results of one JMH run, read from its JSON output ({@code -rf json}). */
public final class JmhRun {
  private final Map<String, JmhResult> byMethod = new LinkedHashMap<>();
  private final String jdk;
  private final int forks;
  private final int iterations;

  private JmhRun(JsonArray benchmarks) {
    JsonObject first = benchmarks.get(0).getAsJsonObject();
    jdk = first.get("vmName").getAsString() + " " + first.get("vmVersion").getAsString()
        + " (JDK " + first.get("jdkVersion").getAsString() + ")";
    forks = first.get("forks").getAsInt();
    iterations = first.get("measurementIterations").getAsInt();
    for (JsonElement element : benchmarks) {
      JmhResult result = parse(element.getAsJsonObject());
      byMethod.put(result.method(), result);
    }
  }

  public static JmhRun read(Path json) throws IOException {
    return new JmhRun(JsonParser.parseString(Files.readString(json)).getAsJsonArray());
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

  public String jdk() {
    return jdk;
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
    JsonObject secondary = benchmark.getAsJsonObject("secondaryMetrics");
    for (Map.Entry<String, JsonElement> metric : secondary.entrySet()) {
      if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
        bytesPerOp = metric.getValue().getAsJsonObject().get("score").getAsDouble();
      }
    }
    // scoreError is the string "NaN" for a single sample; getAsDouble parses that too.
    return new JmhResult(method, median(samples), primary.get("scoreError").getAsDouble(),
        primary.get("scoreUnit").getAsString(), samples.size(), bytesPerOp, forkMedians);
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
