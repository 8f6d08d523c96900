package io.github.pyhandlecache.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broken variants of an annotated source, each made by one or two small edits of the kind a user
 * makes while typing: a token deleted, a {@code slots} value that does not resolve, a type renamed
 * to one that does not exist, {@code @PyHandleCached} moved to another declaration, a modifier
 * added. Deterministic for a seed.
 */
final class BrokenVariants {
  /** One variant: what was changed (for a failure message) and the changed source. */
  record Variant(String description, String source) {}

  private static final Pattern ANNOTATION = Pattern.compile("@PyHandleCached(\\([^)]*\\))?");
  /** Identifiers, numbers, string and char literals, comments, then any other single character. */
  private static final Pattern TOKEN =
      Pattern.compile(
          "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'"
              + "|[A-Za-z_$][\\w$]*|\\d[\\w.]*|\\S",
          Pattern.DOTALL);
  private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");
  private static final Pattern CLASS_DECLARATION =
      Pattern.compile(
          "(?m)^[ \\t]*(?:(?:public|protected|private|abstract|static|final)\\s+)*"
              + "(?:class|interface|enum|record)\\s+(\\w+)");
  private static final Pattern FIELD =
      Pattern.compile(
          "(?m)^[ \\t]+(?:(?:private|protected|public|static|final|volatile|transient)\\s+)*"
              + "[\\w.<>?,\\[\\] ]+\\s+\\w+\\s*(?:=[^;\\n]*)?;[ \\t]*$");
  private static final Pattern PARAMETER = Pattern.compile("(?<=[(,]\\s?)PyInterpreter\\s+\\w+");
  private static final List<String> MODIFIERS = List.of("private", "static", "final", "abstract");

  private final Random random;

  BrokenVariants(long seed) {
    this.random = new Random(seed);
  }

  /** Returns up to {@code count} distinct variants of {@code source}; about one in five has two edits. */
  List<Variant> of(String source, int count) {
    Map<String, Variant> variants = new LinkedHashMap<>();
    for (int attempt = 0; attempt < count * 4 && variants.size() < count; attempt++) {
      Optional<Variant> variant = edit(new Variant("", source));
      if (variant.isPresent() && random.nextInt(5) == 0) {
        variant = variant.flatMap(this::edit);
      }
      variant
          .filter(v -> !v.source().equals(source))
          .ifPresent(v -> variants.putIfAbsent(v.source(), v));
    }
    return new ArrayList<>(variants.values());
  }

  private Optional<Variant> edit(Variant variant) {
    String source = variant.source();
    Optional<Edit> edit;
    switch (random.nextInt(5)) {
      case 0:
        edit = deleteToken(source);
        break;
      case 1:
        edit = unresolvedSlots(source);
        break;
      case 2:
        edit = renameType(source);
        break;
      case 3:
        edit = moveAnnotation(source);
        break;
      default:
        edit = addModifier(source);
        break;
    }
    return edit.map(
        e ->
            new Variant(
                (variant.description().isEmpty() ? "" : variant.description() + ", then ")
                    + e.description,
                e.source));
  }

  /** Deletes a token; half the time one near an annotation, where the processor looks. */
  private Optional<Edit> deleteToken(String source) {
    List<Integer> annotationLines = new ArrayList<>();
    Matcher annotations = ANNOTATION.matcher(source);
    while (annotations.find()) {
      annotationLines.add(line(source, annotations.start()));
    }
    List<int[]> tokens = new ArrayList<>();
    List<int[]> nearAnnotation = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(source);
    int line = 1;
    int lineCountedTo = 0;
    while (matcher.find()) {
      for (; lineCountedTo < matcher.start(); lineCountedTo++) {
        if (source.charAt(lineCountedTo) == '\n') {
          line++;
        }
      }
      if (matcher.group().startsWith("//") || matcher.group().startsWith("/*")) {
        continue; // deleting a comment changes nothing
      }
      int[] token = {matcher.start(), matcher.end(), line};
      tokens.add(token);
      int tokenLine = line;
      if (annotationLines.stream().anyMatch(at -> Math.abs(at - tokenLine) <= 2)) {
        nearAnnotation.add(token);
      }
    }
    List<int[]> pool = !nearAnnotation.isEmpty() && random.nextBoolean() ? nearAnnotation : tokens;
    if (pool.isEmpty()) {
      return Optional.empty();
    }
    int[] token = pool.get(random.nextInt(pool.size()));
    return Optional.of(
        new Edit(
            "deleted '" + source.substring(token[0], token[1]) + "' on line " + token[2],
            source.substring(0, token[0]) + source.substring(token[1])));
  }

  private Optional<Edit> unresolvedSlots(String source) {
    return pick(ANNOTATION, source)
        .map(
            match ->
                new Edit(
                    "slots = Missing.N on line " + line(source, match.start()),
                    replace(source, match.start(), match.end(), "@PyHandleCached(slots = Missing.N)")));
  }

  private Optional<Edit> renameType(String source) {
    return pick(TYPE_NAME, source)
        .map(
            match ->
                new Edit(
                    "renamed " + match.group() + " to Missing" + match.group() + " on line "
                        + line(source, match.start()),
                    replace(source, match.start(), match.start(), "Missing")));
  }

  /** Moves one {@code @PyHandleCached} to a class, constructor, field or parameter. */
  private Optional<Edit> moveAnnotation(String source) {
    Optional<MatchResult> annotation = pick(ANNOTATION, source);
    if (annotation.isEmpty()) {
      return Optional.empty();
    }
    String without = replace(source, annotation.get().start(), annotation.get().end(), "");
    List<Integer> targets = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    Matcher classes = CLASS_DECLARATION.matcher(without);
    while (classes.find()) {
      targets.add(firstNonBlank(without, classes.start()));
      classNames.add(classes.group(1));
    }
    for (String className : classNames) {
      Matcher constructors =
          Pattern.compile("(?m)^[ \\t]*(?:(?:public|protected|private)\\s+)?(?:<[^>]*>\\s*)?"
                  + className + "\\s*\\(")
              .matcher(without);
      while (constructors.find()) {
        targets.add(firstNonBlank(without, constructors.start()));
      }
    }
    Matcher fields = FIELD.matcher(without);
    while (fields.find()) {
      targets.add(firstNonBlank(without, fields.start()));
    }
    Matcher parameters = PARAMETER.matcher(without);
    while (parameters.find()) {
      targets.add(parameters.start());
    }
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    int target = targets.get(random.nextInt(targets.size()));
    return Optional.of(
        new Edit(
            "moved @PyHandleCached from line " + line(source, annotation.get().start())
                + " to line " + line(without, target),
            replace(without, target, target, "@PyHandleCached ")));
  }

  /** Adds private, static, final or abstract to an annotated method or to a class. */
  private Optional<Edit> addModifier(String source) {
    String modifier = MODIFIERS.get(random.nextInt(MODIFIERS.size()));
    Optional<MatchResult> target =
        random.nextBoolean() ? pick(ANNOTATION, source) : pick(CLASS_DECLARATION, source);
    return target.map(
        match -> {
          boolean onMethod = match.group().startsWith("@");
          int at = onMethod ? match.end() : firstNonBlank(source, match.start());
          return new Edit(
              "added " + modifier + " on line " + line(source, match.start()),
              replace(source, at, at, onMethod ? " " + modifier : modifier + " "));
        });
  }

  private Optional<MatchResult> pick(Pattern pattern, String source) {
    List<MatchResult> matches = new ArrayList<>();
    Matcher matcher = pattern.matcher(source);
    while (matcher.find()) {
      matches.add(new MatchResult(matcher.start(), matcher.end(), matcher.group()));
    }
    return matches.isEmpty()
        ? Optional.empty()
        : Optional.of(matches.get(random.nextInt(matches.size())));
  }

  private static int firstNonBlank(String source, int lineStart) {
    int at = lineStart;
    while (at < source.length() && (source.charAt(at) == ' ' || source.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }

  private static int line(String source, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String replace(String source, int start, int end, String replacement) {
    return source.substring(0, start) + replacement + source.substring(end);
  }

  private record Edit(String description, String source) {}

  private record MatchResult(int start, int end, String group) {}
}
