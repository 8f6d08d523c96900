package io.github.pyhandlecache.container.webapp;

import io.github.pyhandlecache.runtime.PyInterpreter;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** One interpreter per deployment: created as the web application starts, closed as it stops. */
public final class InterpreterListener implements ServletContextListener {
  static final String INTERPRETER = PyInterpreter.class.getName();

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().setAttribute(INTERPRETER, PyInterpreter.create("python"));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    PyInterpreter python = (PyInterpreter) event.getServletContext().getAttribute(INTERPRETER);
    event.getServletContext().removeAttribute(INTERPRETER);
    python.close();
  }
}
