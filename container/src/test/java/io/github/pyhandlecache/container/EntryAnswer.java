package io.github.pyhandlecache.container;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web application's answer to one request (see its {@code EntryServlet}): the request thread,
 * whether the accessor's value inside the interpreter's scope and outside any scope was the
 * instance the previous request got, and the class of the class loader that loaded the runtime.
 */
record EntryAnswer(String thread, boolean sameInside, boolean sameOutside, String runtimeLoader) {
  private static final Pattern ANSWER =
      Pattern.compile("thread=(\\S+) inside=(same|new) outside=(same|new) loader=(\\S+)");

  static EntryAnswer parse(String body) {
    Matcher matcher = ANSWER.matcher(body);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an answer of EntryServlet: " + body);
    }
    return new EntryAnswer(
        matcher.group(1),
        matcher.group(2).equals("same"),
        matcher.group(3).equals("same"),
        matcher.group(4));
  }
}
