package io.github.pyhandlecache.container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;

/**
 * One web application's life in a fresh Tomcat: deployed, then reloaded {@code reloads} times, and
 * before each reload (and after the last) two rounds of requests, each round one request on every
 * request thread. The first round of a deployment fills the cache, the second finds it filled. At
 * the end, with the last deployment still running, what Tomcat's leak detection found.
 */
final class Redeployment {
  private static final Path WORK = Path.of(System.getProperty("container.workDirectory"));

  /**
   * What a run saw.
   *
   * @param rounds the answers of each deployment: its first round, then its second
   * @param severe the SEVERE messages of the class loader while it stopped web applications
   * @param warnings its WARNING messages
   * @param stillReachable Tomcat's {@code findReloadedContextMemoryLeaks()}: a path for each
   *     stopped deployment whose class loader stayed reachable
   */
  record Outcome(
      List<List<EntryAnswer>> rounds,
      List<String> severe,
      List<String> warnings,
      List<String> stillReachable) {}

  private Redeployment() {}

  /** Runs the web application of {@code variant} (a directory of {@code src/test/webapp}). */
  static Outcome run(String variant, int requestThreads, int reloads)
      throws IOException, LifecycleException, InterruptedException {
    Path docBase = ExplodedWebApp.build(variant, WORK.resolve("webapps").resolve(variant));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // The log is closed last: what Tomcat's final stop logs is kept too, though judged by no one.
    try (ClassLoaderLog log = ClassLoaderLog.capture();
        EmbeddedTomcat tomcat =
            EmbeddedTomcat.start(WORK.resolve("tomcat-" + variant), requestThreads)) {
      Context context = tomcat.deploy("/" + variant, docBase);
      URI entry = tomcat.uri("/" + variant + "/entry");
      List<List<EntryAnswer>> rounds = new ArrayList<>();
      for (int deployment = 0; deployment <= reloads; deployment++) {
        if (deployment > 0) {
          context.reload(); // stops the web application (Tomcat checks for leaks), starts a new one
        }
        rounds.add(round(client, entry, requestThreads));
        rounds.add(round(client, entry, requestThreads));
      }
      List<String> stillReachable = tomcat.reloadedContextsStillReachable();
      return new Outcome(
          rounds, log.messages(Level.SEVERE), log.messages(Level.WARNING), stillReachable);
    }
  }

  /** Sends {@code requests} requests at once: the servlet answers none before all have arrived. */
  private static List<EntryAnswer> round(HttpClient client, URI entry, int requests) {
    HttpRequest request = HttpRequest.newBuilder(entry).timeout(Duration.ofSeconds(30)).build();
    List<CompletableFuture<HttpResponse<String>>> responses =
        IntStream.range(0, requests)
            .mapToObj(i -> client.sendAsync(request, BodyHandlers.ofString()))
            .toList();
    List<EntryAnswer> answers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      HttpResponse<String> done = response.join();
      if (done.statusCode() != 200) {
        throw new AssertionError(
            "GET " + entry + " answered " + done.statusCode() + ": " + done.body());
      }
      answers.add(EntryAnswer.parse(done.body()));
    }
    return answers;
  }
}
