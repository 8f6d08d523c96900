package io.github.pyhandlecache.container.webapp;

import io.github.pyhandlecache.runtime.PyInterpreter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the entry's accessor once outside any scope and once inside the web application's
 * interpreter, and answers {@code thread=<name> inside=same|new outside=same|new loader=<class>}:
 * whether each value is the instance the previous request got, and which class loader loaded the
 * runtime. A request first waits until every request thread of the pool holds one, so that each
 * round of requests runs the accessor on all of them.
 */
public final class EntryServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient OperatorEntry entry = OperatorEntry.create("aten::add.Tensor");
  private transient PyInterpreter python;
  private transient CyclicBarrier everyRequestThread;
  private transient volatile PyObjectHandle lastInside;
  private transient volatile PyObjectHandle lastOutside;

  @Override
  public void init() {
    python = (PyInterpreter) getServletContext().getAttribute(InterpreterListener.INTERPRETER);
    everyRequestThread = new CyclicBarrier(Integer.parseInt(getInitParameter("requestThreads")));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    awaitEveryRequestThread();
    PyObjectHandle outside = entry.pyObject(); // PyInterpreter.current() is null here
    PyObjectHandle inside;
    try (PyInterpreter.Scope scope = python.enter()) {
      inside = entry.pyObject();
    }
    String answer =
        String.format(
            "thread=%s inside=%s outside=%s loader=%s",
            Thread.currentThread().getName(),
            inside == lastInside ? "same" : "new",
            outside == lastOutside ? "same" : "new",
            PyInterpreter.class.getClassLoader().getClass().getName());
    lastInside = inside;
    lastOutside = outside;
    response.setContentType("text/plain");
    response.getWriter().print(answer);
  }

  private void awaitEveryRequestThread() throws ServletException {
    try {
      everyRequestThread.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException(e);
    } catch (BrokenBarrierException | TimeoutException e) {
      int threads = everyRequestThread.getParties();
      throw new ServletException("not all " + threads + " request threads got a request", e);
    }
  }
}
