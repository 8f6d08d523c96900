package io.github.pyhandlecache.container;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;

/**
 * Tomcat with one HTTP connector on an ephemeral localhost port, whose request threads are a fixed
 * pool that outlives every deployment: no {@code ThreadLocalLeakPreventionListener} renews them on
 * a reload, as a server's default configuration would, so that what a web application leaves on
 * them stays for the leak detection to find. Its base directory is the caller's, under {@code
 * target/}.
 */
final class EmbeddedTomcat implements AutoCloseable {
  private final Tomcat tomcat;
  private final int port;

  private EmbeddedTomcat(Tomcat tomcat, int port) {
    this.tomcat = tomcat;
    this.port = port;
  }

  static EmbeddedTomcat start(Path baseDir, int requestThreads)
      throws LifecycleException, IOException {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    // The host's appBase, which must exist; nothing is deployed from it.
    Files.createDirectories(baseDir.resolve("webapps"));
    // Each web application declares all it needs in its web.xml: no default or JSP servlet.
    tomcat.setAddDefaultWebXmlToWebapp(false);

    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setProperty("maxThreads", Integer.toString(requestThreads));
    connector.setProperty("minSpareThreads", Integer.toString(requestThreads));
    tomcat.setConnector(connector);
    tomcat.getHost(); // creates the host, so that the engine has one when it starts
    tomcat.start();
    return new EmbeddedTomcat(tomcat, connector.getLocalPort());
  }

  /** Deploys the web application in {@code docBase} at {@code contextPath}, and starts it. */
  Context deploy(String contextPath, Path docBase) {
    return tomcat.addWebapp(contextPath, docBase.toString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Tomcat's own check ("Find leaks" in its manager): the paths of stopped web applications whose
   * class loader is still reachable, once for each such loader. It collects garbage first; a few
   * more collections here let references that need two cycles to clear (finalizers, cleaners) go.
   */
  List<String> reloadedContextsStillReachable() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return List.of(((StandardHost) tomcat.getHost()).findReloadedContextMemoryLeaks());
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
