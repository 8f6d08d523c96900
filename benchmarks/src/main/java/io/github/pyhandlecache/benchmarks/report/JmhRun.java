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
    JsonObject primary = benchmark.getAsJsonObject("primaryMetric");
    List<Double> samples = new ArrayList<>();
    for (JsonElement fork : primary.getAsJsonArray("rawData")) {
      for (JsonElement iteration : fork.getAsJsonArray()) {
        samples.add(iteration.getAsDouble());
      }
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
        primary.get("scoreUnit").getAsString(), samples.size(), bytesPerOp);
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
